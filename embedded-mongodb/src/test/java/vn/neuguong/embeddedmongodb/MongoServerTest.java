package vn.neuguong.embeddedmongodb;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.mongodb.MongoNamespace;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class MongoServerTest {

    @TempDir
    Path dataDir;

    @Test
    void theRealDriverWritesAndReadsVietnameseText() {
        try (MongoServer server = MongoServer.inMemory(0)) {
            server.start();
            try (MongoClient client = MongoClients.create(server.connectionString())) {
                MongoCollection<Document> units = client.getDatabase("neuguong_reporting").getCollection("orgUnits");
                units.insertOne(new Document("_id", "p-19").append("name", "Thái Nguyên").append("version", 1));
                units.updateOne(Filters.and(Filters.eq("_id", "p-19"), Filters.eq("version", 1)),
                        Updates.combine(Updates.set("version", 2), Updates.push("outbox", "changed")));

                assertThat(units.find(Filters.eq("_id", "p-19")).first())
                        .containsEntry("name", "Thái Nguyên")
                        .containsEntry("version", 2);
            }
        }
    }

    @Test
    void readersGetWholeDocumentsWhileOthersUpdateThem() throws Exception {
        try (MongoServer server = MongoServer.inMemory(0)) {
            server.start();
            try (MongoClient client = MongoClients.create(server.connectionString())) {
                MongoCollection<Document> pledges = client.getDatabase("neuguong_pledges").getCollection("pledges");
                pledges.insertOne(new Document("_id", "p-1").append("outbox", new ArrayList<>()));
                ExecutorService threads = Executors.newFixedThreadPool(8);
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
                List<Future<Integer>> work = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    int writer = t;
                    work.add(threads.submit(() -> {
                        int n = 0;
                        while (System.nanoTime() < until) {
                            pledges.updateOne(Filters.eq("_id", "p-1"), Updates.combine(
                                    Updates.set("field" + (n % 20), "giá trị " + n),
                                    Updates.push("outbox", new Document("writer", writer).append("n", n))));
                            pledges.updateOne(Filters.eq("_id", "p-1"), Updates.combine(
                                    Updates.unset("field" + (n % 20)), Updates.pull("outbox",
                                            new Document("writer", writer))));
                            n++;
                        }
                        return n;
                    }));
                    work.add(threads.submit(() -> {
                        int n = 0;
                        while (System.nanoTime() < until) {
                            assertThat(pledges.find(Filters.eq("_id", "p-1")).first()).containsKey("outbox");
                            assertThat(pledges.find().into(new ArrayList<>())).hasSize(1);
                            n++;
                        }
                        return n;
                    }));
                }
                for (Future<Integer> done : work) {
                    assertThat(done.get(30, TimeUnit.SECONDS)).isPositive();
                }
                threads.shutdown();
            }
        }
    }

    /**
     * Stored documents are bytes that only an update's last step writes: each way the driver changes a document
     * must end there, or the change would be gone at the next read — and, journaled, after a restart.
     */
    @Test
    void everyKindOfWriteIsReadBackAndSurvivesARestart() {
        MongoServer server = MongoServer.journaled(dataDir.resolve("mongo"), FreePorts.next());
        server.start();
        List<Document> written;
        try (MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> pledges = client.getDatabase("neuguong_pledges").getCollection("pledges");
            pledges.createIndex(Indexes.ascending("unitId", "year"));
            pledges.insertMany(List.of(
                    new Document("_id", "p-1").append("unitId", "w-1").append("year", 2026).append("version", 1)
                            .append("outbox", List.of(new Document("eventId", "e-1"))),
                    new Document("_id", "p-2").append("unitId", "w-1").append("year", 2026).append("version", 1),
                    new Document("_id", "p-3").append("unitId", "w-2").append("year", 2026).append("version", 1),
                    new Document("_id", "p-4").append("unitId", "w-2").append("year", 2026)));
            pledges.updateOne(Filters.and(Filters.eq("_id", "p-1"), Filters.eq("version", 1)), Updates.combine(
                    Updates.inc("version", 1), Updates.push("outbox", new Document("eventId", "e-2")),
                    Updates.set("pledger.fullName", "Nguyễn Thị Hồng Nhung")));
            pledges.updateOne(Filters.eq("_id", "p-1"), Updates.combine(
                    Updates.pull("outbox", new Document("eventId", "e-1")), Updates.unset("year")));
            pledges.updateMany(Filters.eq("unitId", "w-1"), Updates.set("unitId", "w-3"));
            assertThat(pledges.findOneAndUpdate(Filters.eq("_id", "p-3"), Updates.inc("version", 1),
                    new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER))).containsEntry("version", 2);
            pledges.findOneAndUpdate(Filters.eq("_id", "p-5"), Updates.set("unitId", "w-5"),
                    new FindOneAndUpdateOptions().upsert(true));
            pledges.updateOne(Filters.eq("_id", "p-6"), Updates.set("unitId", "w-6"), new UpdateOptions().upsert(true));
            pledges.replaceOne(Filters.eq("_id", "p-2"), new Document("unitId", "w-2").append("note", "thay thế"));
            pledges.bulkWrite(List.of(
                    new UpdateOneModel<>(Filters.eq("_id", "p-3"), Updates.set("status", "WITHDRAWN")),
                    new DeleteOneModel<>(Filters.eq("_id", "p-4")),
                    new InsertOneModel<>(new Document("_id", "p-7").append("unitId", "w-3"))),
                    new BulkWriteOptions().ordered(false));
            assertThat(pledges.findOneAndDelete(Filters.eq("_id", "p-6"))).containsEntry("unitId", "w-6");

            written = pledges.find().sort(Sorts.ascending("_id")).into(new ArrayList<>());
            assertThat(written).containsExactly(
                    new Document("_id", "p-1").append("unitId", "w-3").append("version", 2)
                            .append("outbox", List.of(new Document("eventId", "e-2")))
                            .append("pledger", new Document("fullName", "Nguyễn Thị Hồng Nhung")),
                    new Document("_id", "p-2").append("unitId", "w-2").append("note", "thay thế"),
                    new Document("_id", "p-3").append("unitId", "w-2").append("year", 2026).append("version", 2)
                            .append("status", "WITHDRAWN"),
                    new Document("_id", "p-5").append("unitId", "w-5"),
                    new Document("_id", "p-7").append("unitId", "w-3"));
        }
        server.stop();

        server.start();
        try (MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> pledges = client.getDatabase("neuguong_pledges").getCollection("pledges");
            assertThat(pledges.find().sort(Sorts.ascending("_id")).into(new ArrayList<>())).isEqualTo(written);
            assertThat(pledges.find(Filters.and(Filters.eq("unitId", "w-2"), Filters.eq("year", 2026)))
                    .map(document -> document.getString("_id")).into(new ArrayList<>())).containsExactly("p-3");
        } finally {
            server.stop();
        }
    }

    @Test
    void aRenamedCollectionKeepsItsDocumentsAcrossRestarts() {
        MongoServer server = MongoServer.journaled(dataDir.resolve("mongo"), FreePorts.next());
        server.start();
        try (MongoClient client = MongoClients.create(server.connectionString())) {
            MongoDatabase database = client.getDatabase("neuguong_reporting");
            database.getCollection("aggregates_next").insertOne(new Document("_id", "vn-2026").append("pledges", 7));
            database.getCollection("aggregates_next")
                    .renameCollection(new MongoNamespace("neuguong_reporting", "aggregates"));
        }
        server.stop();

        server.start();
        try (MongoClient client = MongoClients.create(server.connectionString())) {
            MongoDatabase database = client.getDatabase("neuguong_reporting");
            assertThat(database.getCollection("aggregates").find().into(new ArrayList<>()))
                    .containsExactly(new Document("_id", "vn-2026").append("pledges", 7));
            assertThat(database.listCollectionNames().into(new ArrayList<>())).doesNotContain("aggregates_next");
        } finally {
            server.stop();
        }
    }

    @Test
    void theJournaledServerKeepsItsDataAcrossRestarts() {
        Path journal = dataDir.resolve("mongo");
        int port = FreePorts.next();
        MongoServer server = MongoServer.journaled(journal, port);
        server.start();
        try (MongoClient client = MongoClients.create(server.connectionString())) {
            client.getDatabase("neuguong_pledges").getCollection("pledges")
                    .insertOne(new Document("_id", "pledge-1").append("unitId", "w-05569"));
        }
        server.stop();

        server.start();
        try (MongoClient client = MongoClients.create(server.connectionString())) {
            assertThat(client.getDatabase("neuguong_pledges").getCollection("pledges").find().first())
                    .containsEntry("_id", "pledge-1")
                    .containsEntry("unitId", "w-05569");
        } finally {
            server.stop();
        }
        assertThat(journal).isNotEmptyDirectory();
    }
}
