package vn.neuguong.embeddedmongodb;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractSynchronizedMongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;

import static vn.neuguong.embeddedmongodb.JournaledMemoryBackend.changed;

/**
 * A collection that keeps each document as its BSON bytes and journals every change. mongo-java-server's memory
 * backend keeps documents as maps of Java objects: about four times their BSON size on the heap (every field an
 * entry, every text UTF-16), which at season scale was most of the local stack's memory (docs/performance.md).
 *
 * <p>A document is decoded whenever it is read, so whoever reads it (a query's answer, an update computing the new
 * version) holds a copy of its own, and nothing a caller does to it reaches the stored bytes: every change goes
 * through {@link #addDocumentInternal}, {@link #handleUpdate} or {@link #removeDocument(Integer)}, which store the
 * new bytes and hand the same bytes to the journal. All of it runs under the collection's lock.
 */
final class BsonCollection extends AbstractSynchronizedMongoCollection<Integer> {

    /** Beyond this many first matches kept, a sorted query sorts them all, as the library does. */
    private static final int FIRST_MATCHES_KEPT = 10_000;
    /** Restored documents decoded and indexed at a time: large enough to keep two cores busy, small on the heap. */
    private static final int RESTORE_CHUNK = 4_096;
    /** Null when the databases live in memory only (tests). */
    private final Journal journal;
    /** The documents by position; null where one was removed. */
    private final List<byte[]> documents = new ArrayList<>();
    private final Deque<Integer> emptyPositions = new ArrayDeque<>();
    private int dataSize;
    /** True from the restore of the journal's documents until the indexes opened at start are filled. */
    private boolean restoring;
    /** A dropped collection keeps its documents until it is collected, but they are no longer the database's. */
    private volatile boolean dropped;

    BsonCollection(MongoDatabase database, String collectionName, CollectionOptions options,
                   CursorRegistry cursorRegistry, Journal journal, Map<Object, byte[]> recovered) {
        super(database, collectionName, options, cursorRegistry);
        this.journal = journal;
        for (byte[] document : recovered.values()) {
            documents.add(document);
            updateDataSize(document.length);
        }
        restoring = !recovered.isEmpty();
    }

    /**
     * While the documents restored at start are not indexed yet, an index the database opens is only registered:
     * {@link #indexRestoredDocuments} fills them all in one pass, decoding each document once rather than twice per
     * index.
     */
    @Override
    public synchronized void addIndex(Index<Integer> index) {
        if (restoring) {
            getIndexes().add(index);
        } else {
            super.addIndex(index);
        }
    }

    /**
     * Fills the indexes opened at start with the restored documents (the journal held only valid ones), a chunk of
     * documents at a time: the chunk is decoded, then each index takes all of it, the indexes side by side (each is
     * its own structure; computing the keys is most of a restart at season scale). An index reads only its own
     * fields, so each document is decoded with just the top-level fields some index names (a pledge's texts, most of
     * its bytes, are skipped).
     */
    synchronized void indexRestoredDocuments() {
        if (!restoring) {
            return;
        }
        restoring = false;
        List<Index<Integer>> indexes = getIndexes();
        Set<String> names = new HashSet<>();
        names.add("_id");
        if (getIdField() != null) {
            names.add(getIdField());
        }
        for (Index<Integer> index : indexes) {
            for (IndexKey key : index.getKeys()) {
                names.add(key.getKey().split("\\.", 2)[0]);
            }
        }
        TopLevelFields indexed = new TopLevelFields(names);
        for (int from = 0; from < documents.size(); from += RESTORE_CHUNK) {
            int start = from;
            Document[] chunk = new Document[Math.min(RESTORE_CHUNK, documents.size() - from)];
            IntStream.range(0, chunk.length).parallel().forEach(i -> {
                byte[] stored = documents.get(start + i);
                chunk[i] = stored == null ? null : indexed.read(stored);
            });
            indexes.parallelStream().forEach(index -> {
                for (int i = 0; i < chunk.length; i++) {
                    if (chunk[i] != null) {
                        index.add(chunk[i], start + i, this);
                    }
                }
            });
        }
    }

    @Override
    protected Integer addDocumentInternal(Document document) {
        byte[] bson = Bson.encode(document);
        Integer position = emptyPositions.poll();
        if (position == null) {
            position = documents.size();
            documents.add(bson);
        } else {
            documents.set(position, bson);
        }
        updateDataSize(bson.length);
        journalPut(document, bson);
        return position;
    }

    /** Every update ends here, with the whole new document: it replaces the stored bytes. */
    @Override
    protected void handleUpdate(Integer position, Document oldDocument, Document newDocument) {
        byte[] bson = Bson.encode(newDocument);
        updateDataSize(bson.length - documents.set(position, bson).length);
        if (journal != null && !key(oldDocument).equals(key(newDocument))) {
            // an index description whose collection was renamed: under its old key it would reopen that collection
            changed(journal.delete(getDatabaseName(), getCollectionName(), key(oldDocument)));
        }
        journalPut(newDocument, bson);
    }

    @Override
    protected void removeDocument(Integer position) {
        byte[] removed = documents.set(position, null);
        emptyPositions.add(position);
        updateDataSize(-removed.length);
        if (journal != null) {
            changed(journal.delete(getDatabaseName(), getCollectionName(), key(Bson.decode(removed))));
        }
    }

    @Override
    protected Document getDocument(Integer position) {
        return Bson.decode(documents.get(position));
    }

    @Override
    protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int limit,
                                         int batchSize, Document fieldSelector) {
        IntStream positions = IntStream.range(0, documents.size());
        if (isNaturalDescending(orderBy)) {
            positions = positions.map(position -> documents.size() - 1 - position);
        }
        Stream<Document> all = positions.mapToObj(documents::get).filter(Objects::nonNull).map(Bson::decode);
        return matchDocumentsFromStream(all, query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    /**
     * The documents matching {@code query}, decoded one at a time as the stream is read (an aggregation's leading
     * {@code $match}): a query answer holds all its matches decoded at once, which for a count over hundreds of
     * thousands of documents filled the heap. The candidates are listed under the lock by the first index that can
     * serve the query, as a query does; each is read under the lock and matched again, so a document changed in
     * between is judged as it is then.
     */
    Stream<Document> matching(Document query) {
        List<Integer> candidates;
        synchronized (this) {
            Index<Integer> index = indexFor(query);
            candidates = new ArrayList<>();
            if (index == null) {
                IntStream.range(0, documents.size()).forEach(candidates::add);
            } else {
                index.getPositions(query).forEach(candidates::add);
            }
        }
        return candidates.stream().map(this::storedDocument).filter(Objects::nonNull)
                .filter(document -> documentMatchesQuery(document, query));
    }

    /**
     * The index that lists the query's candidates most cheaply: a unique one, then one whose every key the query pins,
     * then one it pins a prefix of (a pass over the index's distinct keys), then a sparse one by range; the first
     * declared among equals. Taking the first that could serve, as the library does, read every member's key of
     * {@code (pledger.memberId, year)} for each import batch's {@code memberId $in} lookup, though an index of
     * {@code memberId} alone answered it: a cost that grew with every stored pledge.
     */
    synchronized Index<Integer> indexFor(Document query) {
        Index<Integer> best = null;
        int bestRank = Integer.MAX_VALUE;
        for (Index<Integer> index : getIndexes()) {
            if (index.canHandle(query)) {
                int rank = index instanceof SecondaryIndex<Integer> secondary ? 1 + secondary.lookupFor(query).ordinal()
                        : 0;
                if (rank < bestRank) {
                    best = index;
                    bestRank = rank;
                }
            }
        }
        return best;
    }

    private synchronized Document storedDocument(int position) {
        byte[] stored = position < documents.size() ? documents.get(position) : null;
        return stored == null ? null : Bson.decode(stored);
    }

    /**
     * A sorted query with a limit keeps only the first {@code skip + limit} matches as it reads them: the library
     * sorts every match, all decoded at once (the first page of a national list at 485,000 stored pledges filled a
     * 9.6 GB heap). Ties keep the order the matches were read in, as the library's stable sort does.
     */
    @Override
    protected QueryResult matchDocumentsFromStream(Document query, Stream<Document> documents, int numberToSkip,
                                                   int limit, int batchSize, Comparator<Document> order,
                                                   Document fieldSelector) {
        if (order == null || limit <= 0 || (long) numberToSkip + limit > FIRST_MATCHES_KEPT) {
            return super.matchDocumentsFromStream(query, documents, numberToSkip, limit, batchSize, order,
                    fieldSelector);
        }
        FirstInOrder<Document> first = new FirstInOrder<>(numberToSkip + limit, order);
        documents.filter(document -> documentMatchesQuery(document, query)).forEach(first::offer);
        return super.matchDocumentsFromStream(query, first.inOrder().stream(), numberToSkip, limit, batchSize, order,
                fieldSelector);
    }

    /**
     * Where a query's candidates are listed: the index found first ({@link #indexFor}), rather than the first index
     * that can serve.
     *
     * <p>A sorted query with a limit that this index decides alone ({@link SecondaryIndex#covered}) orders its
     * matches by their sort fields, read from the stored bytes, and decodes only the first {@code skip + limit}: its
     * candidates all match, so nothing else of them is needed (the first page of a national list read and decoded
     * every one of 485,000 stored pledges). The candidates are read in storage order, as the index lists them
     * otherwise, and ties keep that order.
     */
    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit,
                                         int batchSize, Document fieldSelector) {
        Index<Integer> index = indexFor(query);
        Comparator<Document> order = deriveComparator(orderBy);
        SecondaryIndex.Covered<Integer> covered = order == null || limit <= 0
                || (long) numberToSkip + limit > FIRST_MATCHES_KEPT
                || !(index instanceof SecondaryIndex<Integer> secondary) ? null : secondary.covered(query);
        if (covered == null) {
            return index == null ? matchDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector)
                    : matchDocuments(query, index.getPositions(query), orderBy, numberToSkip, limit, batchSize,
                            fieldSelector);
        }
        List<String> sortKeys = new ArrayList<>(orderBy.keySet());
        TopLevelFields sortFields = new TopLevelFields(sortKeys.stream().map(key -> Utils.splitPath(key).get(0))
                .toList());
        List<Integer> candidates = new ArrayList<>(covered.matches());
        candidates.addAll(covered.unindexed());
        candidates.sort(Comparator.naturalOrder());
        FirstInOrder<SortedCandidate> first = new FirstInOrder<>(numberToSkip + limit,
                SortedCandidate.inOrder(orderBy, sortKeys));
        for (Integer position : candidates) {
            Document sortedBy;
            if (covered.unindexed().contains(position)) {
                sortedBy = getDocument(position);
                if (!documentMatchesQuery(sortedBy, query)) {
                    continue;
                }
            } else {
                sortedBy = sortFields.read(documents.get(position));
            }
            first.offer(new SortedCandidate(position, SortedCandidate.values(sortedBy, sortKeys)));
        }
        Stream<Document> kept = first.inOrder().stream().map(candidate -> getDocument(candidate.position()));
        return super.matchDocumentsFromStream(query, kept, numberToSkip, limit, batchSize, order, fieldSelector);
    }

    /**
     * A candidate of a sorted query and the values it is sorted by, each taken once (the library's comparator takes
     * them from the document at every comparison), compared as the library's comparator compares them.
     */
    private record SortedCandidate(int position, Object[] sortedBy) {

        static Object[] values(Document document, List<String> sortKeys) {
            Object[] values = new Object[sortKeys.size()];
            for (int i = 0; i < values.length; i++) {
                String key = sortKeys.get(i);
                // what the library's path lookup answers for a field of the document itself, without parsing a path
                values[i] = key.contains(".") || key.equals("$")
                        ? Utils.getSubdocumentValueCollectionAware(document, key) : document.getOrMissing(key);
            }
            return values;
        }

        static Comparator<SortedCandidate> inOrder(Document orderBy, List<String> sortKeys) {
            List<ValueComparator> comparators = sortKeys.stream().map(key -> ((Number) orderBy.get(key)).intValue() > 0
                    ? ValueComparator.asc() : ValueComparator.desc()).toList();
            return (a, b) -> {
                for (int i = 0; i < comparators.size(); i++) {
                    int compared = comparators.get(i).compare(a.sortedBy()[i], b.sortedBy()[i]);
                    if (compared != 0) {
                        return compared;
                    }
                }
                return 0;
            };
        }
    }

    @Override
    protected Stream<DocumentWithPosition<Integer>> streamAllDocumentsWithPosition() {
        return IntStream.range(0, documents.size())
                .filter(position -> documents.get(position) != null)
                .mapToObj(position -> new DocumentWithPosition<>(getDocument(position), position));
    }

    @Override
    public synchronized int count() {
        return documents.size() - emptyPositions.size();
    }

    /** The library leaves counting by query unsynchronized; it reads the documents as a query does. */
    @Override
    public synchronized int count(Document query, int skip, int limit) {
        OptionalInt counted = query == null ? OptionalInt.empty() : countWithoutReading(query);
        if (counted.isEmpty()) {
            return super.count(query, skip, limit);
        }
        int count = Math.max(0, counted.getAsInt() - Math.max(skip, 0));
        return limit > 0 ? Math.min(limit, count) : count;
    }

    /**
     * The number of documents matching {@code query} when it takes no reading of them: the size of the collection
     * for an empty query, else the matches listed by an index that decides the query alone (plus those of the few
     * documents it lists under no key, read). Empty when the documents have to be read.
     */
    synchronized OptionalInt countWithoutReading(Document query) {
        if (query.isEmpty()) {
            return OptionalInt.of(count());
        }
        for (Index<Integer> index : getIndexes()) {
            SecondaryIndex.Covered<Integer> covered = index instanceof SecondaryIndex<Integer> secondary
                    ? secondary.covered(query) : null;
            if (covered != null) {
                int count = covered.matches().size();
                for (Integer position : covered.unindexed()) {
                    if (documentMatchesQuery(getDocument(position), query)) {
                        count++;
                    }
                }
                return OptionalInt.of(count);
            }
        }
        return OptionalInt.empty();
    }

    /**
     * The size is kept from the stored bytes: the library would encode every document once more on insert and both
     * versions on update to measure them.
     */
    @Override
    protected boolean tracksDataSize() {
        return false;
    }

    @Override
    protected void updateDataSize(int sizeDelta) {
        dataSize += sizeDelta;
    }

    @Override
    protected synchronized int getDataSize() {
        return dataSize;
    }

    @Override
    public synchronized void drop() {
        if (journal != null) {
            changed(journal.drop(getDatabaseName(), getCollectionName()));
        }
        dropped = true;
        super.drop();
    }

    boolean isDropped() {
        return dropped;
    }

    /** Hands every stored document to {@code put} as the journal's put of it (none once the collection was dropped). */
    synchronized void forEachStored(Consumer<Journal.Change> put) {
        if (dropped) {
            return;
        }
        TopLevelFields keyFields = new TopLevelFields(getIdField() == null ? List.of("ns", "name")
                : List.of(getIdField()));
        for (byte[] document : documents) {
            if (document != null) {
                put.accept(new Journal.Change(Journal.Kind.PUT, getDatabaseName(), getCollectionName(),
                        key(keyFields.read(document)), document));
            }
        }
    }

    @Override
    public synchronized void renameTo(MongoDatabase newDatabase, String newCollectionName) {
        if (journal != null) {
            changed(journal.drop(getDatabaseName(), getCollectionName()));
        }
        super.renameTo(newDatabase, newCollectionName);
        for (byte[] document : documents) {
            if (document != null) {
                journalPut(Bson.decode(document), document);
            }
        }
    }

    private void journalPut(Document document, byte[] bson) {
        if (journal != null) {
            changed(journal.put(getDatabaseName(), getCollectionName(), key(document), bson));
        }
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
