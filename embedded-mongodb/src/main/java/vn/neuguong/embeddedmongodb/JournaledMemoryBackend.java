package vn.neuguong.embeddedmongodb;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Consumer;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractMongoBackend;
import de.bwaldvogel.mongo.backend.AbstractSynchronizedMongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.aggregation.Aggregation;
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
 * <li>documents are kept as their BSON bytes and decoded when read ({@link BsonCollection}): far less memory than
 * the library's maps, and what a query answers is a copy nothing else holds.</li>
 * </ul>
 */
final class JournaledMemoryBackend extends AbstractMongoBackend {

    private static final Logger log = LoggerFactory.getLogger(JournaledMemoryBackend.class);

    /** Null when the databases live in memory only (tests). */
    private final Journal journal;
    /** Where the journal stood after the last change the current thread's command made; 0 for none. */
    private static final ThreadLocal<long[]> changedUpTo = ThreadLocal.withInitial(() -> new long[1]);
    private final Journal.Recovered recovered;
    /** Every database and collection this backend opened, for the checkpoint at close; guarded by themselves. */
    private final List<Database> databases = new ArrayList<>();
    private final List<BsonCollection> collections = new ArrayList<>();

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
        long read = System.nanoTime();
        JournaledMemoryBackend backend = new JournaledMemoryBackend(journal, recovered);
        long end = System.nanoTime();
        log.info("Restored {} databases from {} journaled changes in {} ms (journal read in {} ms, indexes filled in"
                        + " {} ms)", backend.listDatabaseNames().size(), recovered.changes(), (end - started) / 1_000_000,
                (read - started) / 1_000_000, (end - read) / 1_000_000);
        return backend;
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        Database database = new Database(databaseName, getCursorRegistry(), journal, recovered.take(databaseName),
                collection -> {
                    if (journal != null) {
                        synchronized (collections) {
                            collections.removeIf(BsonCollection::isDropped);
                            collections.add(collection);
                        }
                    }
                });
        synchronized (databases) {
            databases.add(database);
        }
        return database;
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
    static void changed(long position) {
        long[] upTo = changedUpTo.get();
        upTo[0] = Math.max(upTo[0], position);
    }

    /** Once the server no longer runs commands: the journal is closed with a checkpoint of every live document. */
    @Override
    public void close() {
        super.close();
        if (journal != null) {
            journal.close(this::forEachLiveDocument);
        }
    }

    private void forEachLiveDocument(Consumer<Journal.Change> put) {
        List<Database> opened;
        synchronized (databases) {
            opened = List.copyOf(databases);
        }
        opened.forEach(database -> database.forEachUnopened(put));
        List<BsonCollection> live;
        synchronized (collections) {
            live = List.copyOf(collections);
        }
        live.forEach(collection -> collection.forEachStored(put));
    }

    private static final class Database extends AbstractSynchronizedMongoDatabase<Integer> {

        private static final Set<String> STAGES_OF_ONE_COLLECTION = Set.of("$match", "$group", "$project", "$sort",
                "$skip", "$limit", "$count", "$unwind", "$addFields");
        /** The stage the drivers' {@code countDocuments} groups its {@code $match} with. */
        private static final Document COUNT_ALL = new Document("$group",
                new Document("_id", 1).append("n", new Document("$sum", 1)));

        private final Journal journal;
        private final Map<String, Map<Object, byte[]>> recovered;
        private final Consumer<BsonCollection> opened;
        /** The collections opened with restored documents, until their indexes are filled. */
        private final List<BsonCollection> restored = new ArrayList<>();

        Database(String databaseName, CursorRegistry cursorRegistry, Journal journal,
                 Map<String, Map<Object, byte[]>> recovered, Consumer<BsonCollection> opened) {
            super(databaseName, cursorRegistry);
            this.journal = journal;
            this.recovered = new HashMap<>(recovered);
            this.opened = opened;
            initializeNamespacesAndIndexes();
            restored.forEach(BsonCollection::indexRestoredDocuments);
            restored.clear();
        }

        @Override
        public Document handleCommand(Channel channel, String command, Document query, DatabaseResolver resolver,
                                      Oplog oplog) {
            if (command.equals("aggregate")) {
                Document answer = aggregateFromTheIndexes(query, resolver, oplog);
                if (answer != null) {
                    return answer;
                }
            }
            return super.handleCommand(channel, command, query, resolver, oplog);
        }

        /**
         * mongo-java-server runs an aggregation over every document of its collection, whatever its first
         * {@code $match}: every {@code countDocuments} decoded the whole collection. As MongoDB does, the leading
         * {@code $match} is answered as a query (through the indexes) and the other stages run on its matches; a
         * count that needs no reading of the documents (the whole collection, or what an index decides alone) is
         * taken without. Pipelines with stages that read other collections or write are left to the library.
         */
        private Document aggregateFromTheIndexes(Document command, DatabaseResolver resolver, Oplog oplog) {
            if (!(command.get("aggregate") instanceof String collectionName) || command.containsKey("explain")
                    || !(command.get("pipeline") instanceof List<?> pipeline) || pipeline.isEmpty()) {
                return null;
            }
            List<Document> stages = Aggregation.parse(pipeline);
            if (!(stages.get(0).get("$match") instanceof Document match) || stages.get(0).size() != 1
                    || !stages.stream().allMatch(stage -> stage.size() == 1
                            && STAGES_OF_ONE_COLLECTION.contains(stage.keySet().iterator().next()))) {
                return null;
            }
            if (!(resolveCollection(collectionName, false) instanceof BsonCollection collection)) {
                return null;
            }
            List<Document> rest = stages.subList(1, stages.size());
            List<Document> result;
            OptionalInt counted = rest.equals(List.of(COUNT_ALL)) ? collection.countWithoutReading(match)
                    : OptionalInt.empty();
            if (counted.isPresent()) {
                int count = counted.getAsInt();
                result = count == 0 ? List.of() : List.of(new Document("_id", 1).append("n", count));
            } else {
                result = Aggregation.fromPipeline(rest, resolver, this, collection, oplog)
                        .runStages(collection.matching(match));
            }
            return new Document("cursor", new Document("id", 0L)
                    .append("ns", getDatabaseName() + "." + collectionName)
                    .append("firstBatch", result))
                    .append("ok", 1.0);
        }

        @Override
        protected BsonCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
            Map<Object, byte[]> documents = recovered.remove(collectionName);
            BsonCollection collection = new BsonCollection(this, collectionName, options, cursorRegistry, journal,
                    documents == null ? Map.of() : documents);
            if (documents != null) {
                restored.add(collection);
            }
            opened.accept(collection);
            return collection;
        }

        /** The restored documents of collections nothing opened since, as the journal's puts of them. */
        synchronized void forEachUnopened(Consumer<Journal.Change> put) {
            recovered.forEach((collection, documents) -> documents.forEach((key, document) ->
                    put.accept(new Journal.Change(Journal.Kind.PUT, getDatabaseName(), collection, key, document))));
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
}
