package vn.neuguong.localstack;

import java.nio.file.Path;

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
    void thePersistentServerKeepsItsDataAcrossRestarts() {
        Path dataFile = dataDir.resolve("mongo").resolve("neuguong.mv");
        int port = FreePorts.next();
        MongoServer server = MongoServer.persistent(dataFile, port);
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
        assertThat(dataFile).exists();
    }
}
