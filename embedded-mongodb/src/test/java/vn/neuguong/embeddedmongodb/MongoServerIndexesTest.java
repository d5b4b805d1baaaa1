package vn.neuguong.embeddedmongodb;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;

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
