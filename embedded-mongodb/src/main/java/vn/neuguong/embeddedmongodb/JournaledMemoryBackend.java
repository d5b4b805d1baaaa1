package vn.neuguong.embeddedmongodb;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractMongoBackend;
import de.bwaldvogel.mongo.backend.AbstractSynchronizedMongoDatabase;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.index.MemoryUniqueIndex;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * mongo-java-server's in-memory backend, with three changes that make it behave as MongoDB does where our services
 * depend on it:
 * <ul>
 * <li>queries use the declared indexes (ADR 0003);</li>
 * <li>with a {@link Journal}, every change is journaled and the server answers a command that changed anything
 * only once its changes are on disk ({@code j: true}), so an acknowledged write survives a crash of the process
 * (ADR 0004); the documents are restored from the journal at start;</li>
 * <li>what a query answers is a copy taken under the collection's lock: the library updates stored documents in
 * place, and encoding a stored document while another connection updates it broke replies
 * ({@code ConcurrentModificationException}).</li>
 * </ul>
 */
final class JournaledMemoryBackend extends AbstractMongoBackend {

    private static final Logger log = LoggerFactory.getLogger(JournaledMemoryBackend.class);

    /** Null when the databases live in memory only (tests). */
    private final Journal journal;
    /** Where the journal stood after the last change the current thread's command made; 0 for none. */
    private static final ThreadLocal<long[]> changedUpTo = ThreadLocal.withInitial(() -> new long[1]);
    private final Journal.Recovered recovered;
    private final SharedStrings strings = new SharedStrings();

    private JournaledMemoryBackend(Journal journal, Journal.Recovered recovered) {
        this.journal = journal;
        this.recovered = recovered;
        for (String database : recovered.databases()) {
            resolveDatabase(database);
        }
    }

    static JournaledMemoryBackend inMemory() {
        return new JournaledMemoryBackend(null, new Journal.Recovered());
    }

    static JournaledMemoryBackend journaledIn(Path directory, long segmentBytes) {
        long started = System.nanoTime();
        Journal.Recovered recovered = new Journal.Recovered();
        Journal journal = Journal.open(directory, segmentBytes, recovered);
        JournaledMemoryBackend backend = new JournaledMemoryBackend(journal, recovered);
        log.info("Restored {} databases from {} journaled changes in {} ms", backend.listDatabaseNames().size(),
                recovered.changes(), (System.nanoTime() - started) / 1_000_000);
        return backend;
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName, getCursorRegistry(), journal, strings, recovered.take(databaseName));
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        long[] upTo = changedUpTo.get();
        upTo[0] = 0;
        try {
            return super.handleCommand(channel, databaseName, command, query);
        } finally {
            if (upTo[0] > 0) {
                // as MongoDB with j: true: a reader may see a change before it is durable, its writer may not
                journal.awaitDurable(upTo[0]);
            }
        }
    }

    /** Records that the current command changed the journal up to {@code position}. */
    private static void changed(long position) {
        long[] upTo = changedUpTo.get();
        upTo[0] = Math.max(upTo[0], position);
    }

    @Override
    public void close() {
        super.close();
        if (journal != null) {
            journal.close();
        }
    }

    private static final class Database extends AbstractSynchronizedMongoDatabase<Integer> {

        private final Journal journal;
        private final SharedStrings strings;
        private final Map<String, Map<Object, Document>> recovered;

        Database(String databaseName, CursorRegistry cursorRegistry, Journal journal, SharedStrings strings,
                 Map<String, Map<Object, Document>> recovered) {
            super(databaseName, cursorRegistry);
            this.journal = journal;
            this.strings = strings;
            this.recovered = new HashMap<>(recovered);
            initializeNamespacesAndIndexes();
        }

        @Override
        protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
            Map<Object, Document> documents = recovered.remove(collectionName);
            return new Collection(this, collectionName, options, cursorRegistry, journal, strings,
                    documents == null ? Map.of() : documents);
        }

        @Override
        protected Index<Integer> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                         boolean sparse) {
            return new CoveringUniqueIndex<>(new MemoryUniqueIndex(indexName, keys, sparse), keys, sparse);
        }

        @Override
        protected Index<Integer> openOrCreateSecondaryIndex(String collectionName, String indexName,
                                                            List<IndexKey> keys, boolean sparse) {
            return new SecondaryIndex<>(indexName, keys, sparse);
        }

        @Override
        protected long getStorageSize() {
            return 0;
        }

        @Override
        protected long getFileSize() {
            return 0;
        }
    }

    /** A collection that journals its changes and answers copies. */
    private static final class Collection extends MemoryCollection {

        private final Journal journal;
        private final SharedStrings strings;
        /** True while this collection changes its own documents (under its lock): they must stay the stored ones. */
        private boolean changing;

        Collection(MongoDatabase database, String collectionName, CollectionOptions options,
                   CursorRegistry cursorRegistry, Journal journal, SharedStrings strings,
                   Map<Object, Document> recovered) {
            super(database, collectionName, options, cursorRegistry);
            this.journal = journal;
            this.strings = strings;
            // straight into the list: the indexes are built afterwards from the restored documents
            recovered.values().forEach(document -> {
                strings.share(document);
                super.addDocumentInternal(document);
            });
        }

        @Override
        protected Integer addDocumentInternal(Document document) {
            strings.share(document);
            Integer position = super.addDocumentInternal(document);
            if (journal != null) {
                changed(journal.put(getDatabaseName(), getCollectionName(), key(document), document));
            }
            return position;
        }

        @Override
        protected void handleUpdate(Integer position, Document oldDocument, Document newDocument) {
            if (journal != null) {
                changed(journal.put(getDatabaseName(), getCollectionName(), key(newDocument), newDocument));
            }
        }

        @Override
        protected void removeDocument(Integer position) {
            if (journal != null) {
                changed(journal.delete(getDatabaseName(), getCollectionName(), key(getDocument(position))));
            }
            super.removeDocument(position);
        }

        @Override
        public synchronized void drop() {
            if (journal != null) {
                changed(journal.drop(getDatabaseName(), getCollectionName()));
            }
            super.drop();
        }

        @Override
        public synchronized void renameTo(MongoDatabase newDatabase, String newCollectionName) {
            if (journal != null) {
                changed(journal.drop(getDatabaseName(), getCollectionName()));
            }
            super.renameTo(newDatabase, newCollectionName);
            if (journal != null) {
                queryAllAsStream().forEach(document ->
                        changed(journal.put(getDatabaseName(), getCollectionName(), key(document), document)));
            }
        }

        @Override
        public synchronized Document findAndModify(Document query) {
            changing = true;
            try {
                Document result = super.findAndModify(query);
                if (result.get("value") instanceof Document value) {
                    result.put("value", value.cloneDeeply());
                }
                return result;
            } finally {
                changing = false;
            }
        }

        @Override
        public synchronized Document updateDocuments(Document selector, Document updateQuery,
                                                     ArrayFilters arrayFilters,
                                                     boolean isMulti, boolean isUpsert, Oplog oplog) {
            changing = true;
            try {
                return super.updateDocuments(selector, updateQuery, arrayFilters, isMulti, isUpsert, oplog);
            } finally {
                changing = false;
            }
        }

        @Override
        public synchronized int deleteDocuments(Document selector, int limit, Oplog oplog) {
            changing = true;
            try {
                return super.deleteDocuments(selector, limit, oplog);
            } finally {
                changing = false;
            }
        }

        @Override
        protected QueryResult createQueryResult(List<Document> matchedDocuments, int batchSize) {
            if (changing) {
                return super.createQueryResult(matchedDocuments, batchSize);
            }
            return super.createQueryResult(matchedDocuments.stream().map(Document::cloneDeeply)
                    .collect(Collectors.toList()), batchSize);
        }

        /** The identity of a document in the journal: its id, or namespace and name for an index description. */
        private Object key(Document document) {
            String idField = getIdField();
            if (idField != null) {
                return document.get(idField);
            }
            return new Document("ns", document.get("ns")).append("name", document.get("name"));
        }
    }
}
