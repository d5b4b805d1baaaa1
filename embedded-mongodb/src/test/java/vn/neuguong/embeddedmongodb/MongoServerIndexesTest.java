package vn.neuguong.embeddedmongodb;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded server answers queries through the declared indexes (secondary, multikey, and unique ones with extra
 * conditions) exactly as it answers them by scanning.
 */
class MongoServerIndexesTest {

    private static final List<String> UNITS = List.of("w-1", "w-2", "w-3");
    private static final List<String> BANDS = List.of("b0", "b1", "b2", "b3", "b4", "b5", "b6", "b7");

    @TempDir
    Path dataDir;

    private MongoServer server(String backend) {
        return backend.equals("memory") ? MongoServer.inMemory(0)
                : MongoServer.journaled(dataDir.resolve("mongo"), FreePorts.next());
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "journaled"})
    void indexedQueriesAnswerWhatAScanAnswersThroughInsertsUpdatesAndDeletes(String backend) {
        try (MongoServer server = server(backend)) {
            server.start();
            try (MongoClient client = MongoClients.create(server.connectionString())) {
                MongoDatabase database = client.getDatabase("indexes");
                MongoCollection<Document> indexed = database.getCollection("indexed");
                MongoCollection<Document> scanned = database.getCollection("scanned");
                indexed.createIndex(Indexes.ascending("unitId", "year", "bandKeys"));
                indexed.createIndex(Indexes.ascending("pledger.memberId", "year"));
                indexed.createIndex(Indexes.ascending("pendingSince"), new IndexOptions().sparse(true));
                for (int round = 0; round < 600; round++) {
                    apply(round, indexed);
                    apply(round, scanned);
                }
                for (Bson query : queries()) {
                    assertThat(ids(indexed, query)).as(query.toString()).isEqualTo(ids(scanned, query));
                    assertThat(indexed.countDocuments(query)).as(query.toString())
                            .isEqualTo(scanned.countDocuments(query));
                    assertThat(statusCounts(indexed, query)).as(query.toString())
                            .isEqualTo(statusCounts(scanned, query));
                    for (MongoCollection<Document> collection : List.of(indexed, scanned)) {
                        List<Object> sorted = collection.find(query).sort(Sorts.descending("version"))
                                .map(document -> document.get("_id")).into(new ArrayList<>());
                        assertThat(collection.find(query).sort(Sorts.descending("version")).skip(2).limit(5)
                                .map(document -> document.get("_id")).into(new ArrayList<>())).as(query.toString())
                                .isEqualTo(sorted.subList(Math.min(2, sorted.size()), Math.min(7, sorted.size())));
                    }
                }
                assertThat(ids(indexed, queries().get(0))).isNotEmpty();
                assertThat(indexed.countDocuments()).isEqualTo(scanned.countDocuments()).isPositive();
                assertThat(database.getCollection("empty").countDocuments()).isZero();
            }
        }
    }

    /** The same pseudo-random operation on both collections (insert, change of keys, status change or delete). */
    private static void apply(int round, MongoCollection<Document> collection) {
        Random random = new Random(round * 31L + 7);
        String id = "p-" + random.nextInt(150);
        switch (random.nextInt(4)) {
            case 0, 1 -> {
                if (collection.countDocuments(Filters.eq("_id", id)) == 0) {
                    collection.insertOne(document(id, random));
                }
            }
            case 2 -> collection.updateOne(Filters.eq("_id", id), Updates.combine(
                    Updates.set("bandKeys", bands(random)), Updates.set("unitId", pick(random, UNITS)),
                    Updates.set("status", random.nextBoolean() ? "WITHDRAWN" : "REGISTERED"),
                    random.nextBoolean() ? Updates.set("pendingSince", new Date(random.nextInt(1000)))
                            : Updates.unset("pendingSince"),
                    Updates.inc("version", 1)));
            default -> collection.deleteOne(Filters.eq("_id", id));
        }
    }

    private static Document document(String id, Random random) {
        Document document = new Document("_id", id).append("unitId", pick(random, UNITS)).append("year", 2025 + random.nextInt(2))
                .append("bandKeys", bands(random)).append("status", "REGISTERED").append("version", 1)
                .append("pledger", new Document("memberId", "m-" + random.nextInt(20)));
        if (random.nextBoolean()) {
            document.append("pendingSince", new Date(random.nextInt(1000)));
        }
        return document;
    }

    private static List<String> bands(Random random) {
        List<String> bands = new ArrayList<>();
        for (String band : BANDS) {
            if (random.nextInt(3) == 0) {
                bands.add(band);
            }
        }
        return bands;
    }

    private static String pick(Random random, List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static List<Bson> queries() {
        List<Bson> queries = new ArrayList<>();
        queries.add(Filters.and(Filters.in("unitId", UNITS), Filters.in("year", 2025, 2026),
                Filters.in("bandKeys", "b1", "b4"), Filters.ne("status", "WITHDRAWN"), Filters.ne("_id", "p-3")));
        for (String unit : UNITS) {
            queries.add(Filters.and(Filters.eq("unitId", unit), Filters.eq("year", 2026), Filters.eq("bandKeys", "b2")));
            queries.add(Filters.and(Filters.eq("unitId", unit), Filters.eq("year", 2025),
                    Filters.in("bandKeys", BANDS)));
        }
        queries.add(Filters.and(Filters.eq("unitId", "w-1"), Filters.eq("year", 2026)));
        queries.add(Filters.eq("unitId", "w-2"));
        queries.add(Filters.and(Filters.in("unitId", "w-1", "w-3"), Filters.ne("status", "WITHDRAWN")));
        queries.add(new Document());
        queries.add(new Document("unitId", new Document("$in", UNITS)).append("year", 2026)
                .append("bandKeys", new Document("$in", List.of("b0", "b7"))).append("status", "REGISTERED"));
        queries.add(Filters.and(Filters.eq("pledger.memberId", "m-3"), Filters.eq("year", 2025)));
        queries.add(new Document("pledger.memberId", "m-4").append("year", 2026));
        queries.add(Filters.exists("pendingSince"));
        queries.add(Filters.and(Filters.lte("pendingSince", new Date(600)),
                Filters.or(Filters.eq("status", "REGISTERED"), Filters.eq("unitId", "w-2"))));
        queries.add(Filters.and(Filters.gt("pendingSince", new Date(300)), Filters.lt("pendingSince", new Date(700))));
        queries.add(Filters.and(Filters.eq("pledger.memberId", "m-3"), Filters.in("year", 2025, 2026),
                Filters.eq("status", "REGISTERED")));
        return queries;
    }

    /** An aggregation whose first stage is the query, as the services' summaries are. */
    private static List<Document> statusCounts(MongoCollection<Document> collection, Bson query) {
        return collection.aggregate(List.of(Aggregates.match(query),
                Aggregates.group("$status", Accumulators.sum("n", 1)), Aggregates.sort(Sorts.ascending("_id"))))
                .into(new ArrayList<>());
    }

    private static List<Object> ids(MongoCollection<Document> collection, Bson query) {
        return collection.find(query).sort(Sorts.ascending("_id")).map(document -> document.get("_id"))
                .into(new ArrayList<>());
    }

    private static final List<List<String>> PATHS = List.of(List.of("vn", "p-1", "c-1"), List.of("vn", "p-1", "c-2"),
            List.of("vn", "p-2", "c-3"), List.of("vn", "vn", "p-1"), List.of());
    /** Paths that never hold p-1. */
    private static final List<List<String>> MOVED_PATHS = List.of(List.of("vn", "p-2", "c-3"),
            List.of("vn", "vn", "p-2"), List.of());
    private static final List<Bson> ORDERS = List.of(Sorts.orderBy(Sorts.descending("registeredAt"),
                    Sorts.ascending("_id")), Sorts.ascending("rank"), Sorts.descending("specificity.score"),
            Sorts.descending("year"), Sorts.ascending("missing"));
    /**
     * By a multikey path: the library orders two empty arrays each before the other, so that a sort of all matches
     * places them as its algorithm happens to; a first page is compared with a scan's first page only.
     */
    private static final Bson ARRAY_ORDER = Sorts.ascending("unitPath");
    private static final int[][] PAGES = {{0, 1}, {0, 10}, {3, 5}, {60, 25}, {0, 1000}};

    /**
     * Counts and sorted pages that an index decides alone are taken from it and from the documents' sort fields
     * (without decoding every match): they equal a scan's, through multikey paths listing a document several
     * times, empty and missing paths, int, long and double keys, ties, and queries with a further condition.
     */
    @ParameterizedTest
    @ValueSource(strings = {"memory", "journaled"})
    void coveredCountsAndSortedPagesAnswerWhatAScanAnswers(String backend) {
        try (MongoServer server = server(backend)) {
            server.start();
            try (MongoClient client = MongoClients.create(server.connectionString())) {
                MongoDatabase database = client.getDatabase("covered");
                MongoCollection<Document> indexed = database.getCollection("indexed");
                MongoCollection<Document> scanned = database.getCollection("scanned");
                indexed.createIndex(Indexes.ascending("unitPath", "year", "status"));
                indexed.createIndex(Indexes.ascending("pledger.memberId", "year"));
                for (int round = 0; round < 900; round++) {
                    applyToPledges(round, indexed);
                    applyToPledges(round, scanned);
                }
                for (Bson query : pledgeQueries()) {
                    String described = query.toBsonDocument().toJson();
                    List<Object> matches = ids(scanned, query);
                    assertThat(ids(indexed, query)).as(described).isEqualTo(matches);
                    assertThat(indexed.countDocuments(query)).as(described).isEqualTo(matches.size());
                    assertThat(countCommand(database, "indexed", query, 0, 0)).as(described)
                            .isEqualTo(matches.size());
                    assertThat(countCommand(database, "indexed", query, 3, 5)).as(described)
                            .isEqualTo(countCommand(database, "scanned", query, 3, 5));
                    for (Bson order : ORDERS) {
                        List<Object> sorted = indexed.find(query).sort(order).map(document -> document.get("_id"))
                                .into(new ArrayList<>());
                        for (int[] page : PAGES) {
                            assertThat(page(indexed, query, order, page[0], page[1]))
                                    .as(described + " " + order + " " + page[0] + "+" + page[1])
                                    .isEqualTo(page(scanned, query, order, page[0], page[1]))
                                    .isEqualTo(sorted.subList(Math.min(page[0], sorted.size()),
                                            Math.min(page[0] + page[1], sorted.size())));
                        }
                    }
                    for (int[] page : PAGES) {
                        assertThat(page(indexed, query, ARRAY_ORDER, page[0], page[1]))
                                .as(described + " by path " + page[0] + "+" + page[1])
                                .isEqualTo(page(scanned, query, ARRAY_ORDER, page[0], page[1]));
                    }
                    assertThat(indexed.find(query).sort(ORDERS.get(0)).limit(3)
                            .projection(new Document("status", 1)).into(new ArrayList<>())).as(described)
                            .isEqualTo(scanned.find(query).sort(ORDERS.get(0)).limit(3)
                                    .projection(new Document("status", 1)).into(new ArrayList<>()));
                }
                assertThat(indexed.countDocuments(Filters.eq("unitPath", "vn"))).isPositive()
                        .isLessThan(indexed.countDocuments());
            }
        }
    }

    /** Insert, change of path, year (as int, long or double), status or sort fields, or delete: same on both. */
    private static void applyToPledges(int round, MongoCollection<Document> collection) {
        Random random = new Random(round * 17L + 3);
        String id = "p-" + random.nextInt(250);
        switch (random.nextInt(5)) {
            case 0, 1 -> {
                if (collection.countDocuments(Filters.eq("_id", id)) == 0) {
                    Document pledge = new Document("_id", id).append("status", "REGISTERED")
                            .append("pledger", new Document("memberId", "m-" + random.nextInt(8)))
                            .append("note", "Cam kết " + "x".repeat(random.nextInt(200)));
                    sortFields(random, pledge);
                    keyFields(random, pledge);
                    collection.insertOne(pledge);
                }
            }
            case 2 -> {
                Document changed = new Document();
                keyFields(random, changed);
                collection.updateOne(Filters.eq("_id", id), new Document("$set", changed));
            }
            case 3 -> {
                Document changed = new Document("status", random.nextBoolean() ? "WITHDRAWN" : "REGISTERED");
                sortFields(random, changed);
                collection.updateOne(Filters.eq("_id", id), new Document("$set", changed));
            }
            default -> collection.deleteOne(Filters.eq("_id", id));
        }
    }

    /** A path (multikey, possibly empty or missing) and a year of one numeric type or another, or missing. */
    private static void keyFields(Random random, Document pledge) {
        int path = random.nextInt(PATHS.size() + 1);
        if (path < PATHS.size()) {
            pledge.append("unitPath", PATHS.get(path));
        }
        int year = 2025 + random.nextInt(2);
        switch (random.nextInt(4)) {
            case 0 -> pledge.append("year", year);
            case 1 -> pledge.append("year", (long) year);
            case 2 -> pledge.append("year", (double) year);
            default -> {
            }
        }
    }

    /** Few distinct values, so that sorts tie; a subdocument that is sometimes missing. */
    private static void sortFields(Random random, Document pledge) {
        pledge.append("registeredAt", new Date(random.nextInt(40) * 1000L)).append("rank", random.nextInt(4));
        if (random.nextInt(4) > 0) {
            pledge.append("specificity", new Document("score", random.nextInt(3)).append("generic", false));
        }
    }

    private static List<Bson> pledgeQueries() {
        List<Bson> queries = new ArrayList<>();
        queries.add(Filters.eq("unitPath", "vn"));
        queries.add(Filters.eq("unitPath", "p-1"));
        queries.add(Filters.and(Filters.eq("unitPath", "vn"), Filters.eq("year", 2026)));
        queries.add(Filters.and(Filters.eq("unitPath", "p-1"), Filters.eq("year", 2025L)));
        queries.add(Filters.and(Filters.eq("unitPath", "c-3"), Filters.eq("year", 2026.0)));
        queries.add(new Document("unitPath", "vn").append("year", 2026).append("status", "REGISTERED"));
        queries.add(Filters.and(Filters.in("unitPath", "p-1", "p-2", "c-1"), Filters.in("year", 2025, 2026L)));
        queries.add(Filters.and(Filters.in("unitPath", "vn", "p-1"), Filters.eq("year", 2026),
                Filters.in("status", "REGISTERED", "WITHDRAWN")));
        queries.add(new Document("unitPath", new Document("$eq", "c-2")));
        queries.add(Filters.eq("pledger.memberId", "m-3"));
        queries.add(Filters.and(Filters.eq("pledger.memberId", "m-4"), Filters.in("year", 2025.0, 2026)));
        queries.add(Filters.eq("unitPath", "nowhere"));
        // not decided by an index alone: the documents are read
        queries.add(Filters.and(Filters.eq("unitPath", "vn"), Filters.eq("unitPath", "c-3")));
        queries.add(Filters.and(Filters.eq("unitPath", "p-1"), Filters.eq("year", 2026), Filters.eq("rank", 1)));
        queries.add(Filters.and(Filters.eq("unitPath", "vn"), Filters.eq("status", "WITHDRAWN")));
        queries.add(Filters.and(Filters.eq("unitPath", "vn"), Filters.ne("year", 2025)));
        queries.add(Filters.eq("year", 2026));
        queries.add(Filters.or(Filters.eq("unitPath", "c-1"), Filters.eq("unitPath", "c-3")));
        return queries;
    }

    private static List<Object> page(MongoCollection<Document> collection, Bson query, Bson order, int skip,
                                     int limit) {
        return collection.find(query).sort(order).skip(skip).limit(limit).map(document -> document.get("_id"))
                .into(new ArrayList<>());
    }

    /** The count command (the library's own count by query), with a skip and a limit. */
    private static long countCommand(MongoDatabase database, String collection, Bson query, int skip, int limit) {
        return database.runCommand(new Document("count", collection).append("query", query.toBsonDocument())
                .append("skip", skip).append("limit", limit)).get("n", Number.class).longValue();
    }

    /**
     * Counts and first pages stay exact while other documents are inserted, moved, emptied and deleted, and the
     * matching ones are rewritten (other bytes, same keys), between and during the reads.
     */
    @Test
    void coveredAnswersStayExactWhileDocumentsChange() throws Exception {
        try (MongoServer server = MongoServer.inMemory(0)) {
            server.start();
            try (MongoClient client = MongoClients.create(server.connectionString())) {
                MongoCollection<Document> pledges = client.getDatabase("covered").getCollection("pledges");
                pledges.createIndex(Indexes.ascending("unitPath", "year", "status"));
                for (int i = 0; i < 300; i++) {
                    pledges.insertOne(new Document("_id", String.format("kept-%03d", i))
                            .append("unitPath", List.of("vn", "p-1")).append("year", 2026)
                            .append("registeredAt", new Date(i * 1000L)).append("note", ""));
                }
                AtomicBoolean reading = new AtomicBoolean(true);
                Thread writer = new Thread(() -> {
                    Random random = new Random(5);
                    while (reading.get()) {
                        String id = "moved-" + random.nextInt(200);
                        switch (random.nextInt(4)) {
                            case 0 -> pledges.replaceOne(Filters.eq("_id", id), new Document("_id", id)
                                    .append("unitPath", MOVED_PATHS.get(random.nextInt(MOVED_PATHS.size())))
                                    .append("year", 2026)
                                    .append("registeredAt", new Date(999_000)), new ReplaceOptions().upsert(true));
                            case 1 -> pledges.deleteOne(Filters.eq("_id", id));
                            case 2 -> pledges.updateOne(Filters.eq("_id", id),
                                    Updates.set("year", random.nextBoolean() ? 2025 : 2026L));
                            default -> pledges.updateOne(Filters.eq("_id", String.format("kept-%03d",
                                    random.nextInt(300))), Updates.set("note", "x".repeat(random.nextInt(300))));
                        }
                    }
                });
                writer.start();
                try {
                    Bson kept = Filters.and(Filters.eq("unitPath", "p-1"), Filters.eq("year", 2026));
                    for (int read = 0; read < 200; read++) {
                        assertThat(pledges.countDocuments(kept)).isEqualTo(300);
                        assertThat(pledges.find(kept).sort(ORDERS.get(0)).limit(3).map(document -> document.get("_id"))
                                .into(new ArrayList<>())).containsExactly("kept-299", "kept-298", "kept-297");
                        assertThat(pledges.countDocuments(Filters.eq("unitPath", "vn"))).isGreaterThanOrEqualTo(300);
                        // an aggregation lists its candidates, then reads each: one moved away in between is not one
                        pledges.aggregate(List.of(Aggregates.match(Filters.eq("unitPath", "p-2")),
                                Aggregates.project(new Document("unitPath", 1)))).forEach(moved ->
                                assertThat(moved.getList("unitPath", String.class)).contains("p-2"));
                    }
                } finally {
                    reading.set(false);
                    writer.join();
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "journaled"})
    void uniqueIndexesServeQueriesWithFurtherConditionsAndStillRejectDuplicates(String backend) {
        try (MongoServer server = server(backend)) {
            server.start();
            try (MongoClient client = MongoClients.create(server.connectionString())) {
                MongoCollection<Document> pledges = client.getDatabase("indexes").getCollection("pledges");
                pledges.createIndex(Indexes.ascending("year", "pledgerKey"), new IndexOptions().unique(true));
                pledges.insertOne(new Document("_id", "a").append("year", 2026).append("pledgerKey", "k1")
                        .append("version", 1));
                pledges.insertOne(new Document("_id", "b").append("year", 2026).append("pledgerKey", "k2")
                        .append("version", 1));

                assertThat(pledges.updateOne(Filters.and(Filters.eq("_id", "a"), Filters.eq("version", 2)),
                        Updates.set("version", 3)).getModifiedCount()).isZero();
                assertThat(pledges.updateOne(Filters.and(Filters.eq("_id", "a"), Filters.eq("version", 1)),
                        Updates.set("version", 2)).getModifiedCount()).isOne();
                assertThat(ids(pledges, Filters.and(Filters.in("_id", "a", "b"), Filters.eq("version", 1))))
                        .containsExactly("b");
                assertThat(ids(pledges, Filters.and(Filters.eq("year", 2026), Filters.eq("pledgerKey", "k1"),
                        Filters.gt("version", 1)))).containsExactly("a");
                assertThatThrownBy(() -> pledges.insertOne(new Document("_id", "c").append("year", 2026)
                        .append("pledgerKey", "k2"))).isInstanceOf(MongoWriteException.class)
                        .hasMessageContaining("duplicate key");
            }
        }
    }

    @Test
    void indexesAreRebuiltWhenTheJournaledServerRestarts() {
        MongoServer server = MongoServer.journaled(dataDir.resolve("mongo"), FreePorts.next());
        server.start();
        try (MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> pledges = client.getDatabase("indexes").getCollection("pledges");
            pledges.createIndex(Indexes.ascending("unitId", "year"));
            pledges.createIndex(Indexes.ascending("creationKey"), new IndexOptions().unique(true).sparse(true));
            pledges.insertOne(new Document("_id", "a").append("unitId", "w-1").append("year", 2026)
                    .append("creationKey", "k1"));
            pledges.insertOne(new Document("_id", "b").append("unitId", "w-2").append("year", 2026));
        }
        server.stop();

        server.start();
        try (MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> pledges = client.getDatabase("indexes").getCollection("pledges");
            pledges.insertOne(new Document("_id", "c").append("unitId", "w-1").append("year", 2026));
            assertThat(ids(pledges, Filters.and(Filters.eq("unitId", "w-1"), Filters.eq("year", 2026))))
                    .containsExactly("a", "c");
            assertThat(ids(pledges, new Document("creationKey", "k1"))).containsExactly("a");
            assertThatThrownBy(() -> pledges.insertOne(new Document("_id", "d").append("creationKey", "k1")))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
            assertThatThrownBy(() -> pledges.insertOne(new Document("_id", "a")))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
        } finally {
            server.stop();
        }
    }
}
