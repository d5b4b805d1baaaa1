package vn.neuguong.embeddedmongodb;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
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
