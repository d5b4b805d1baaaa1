package vn.neuguong.embeddedmongodb;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the server answers before a restart, it answers after: documents, indexes and unique keys restored. */
class RestartTest {

    @TempDir
    Path directory;

    private static final List<Bson> QUERIES = List.of(
            Filters.eq("unitPath", "p-7"),
            Filters.and(Filters.eq("unitPath", "w-0042"), Filters.eq("year", 2026)),
            Filters.eq("pledger.memberId", "m-77"),
            Filters.and(Filters.eq("pledger.memberId", "m-5"), Filters.eq("year", 2025)),
            Filters.exists("pendingSince"),
            Filters.eq("_id", "p-1234"),
            Filters.in("status", "WITHDRAWN", "EVALUATED"));

    @Test
    void queriesThroughEveryKindOfIndexAnswerAfterARestartWhatTheyAnsweredBefore() {
        Map<String, List<Object>> before = new LinkedHashMap<>();
        try (MongoServer server = MongoServer.journaled(directory, FreePorts.next());
             MongoClient client = client(server)) {
            MongoCollection<Document> pledges = pledges(client);
            pledges.createIndex(Indexes.ascending("year", "pledgerKey"), new IndexOptions().unique(true));
            pledges.createIndex(Indexes.ascending("unitPath", "year", "status"));
            pledges.createIndex(Indexes.ascending("pledger.memberId", "year"));
            pledges.createIndex(Indexes.ascending("pendingSince"), new IndexOptions().sparse(true));
            Random random = new Random(3);
            List<Document> documents = new ArrayList<>();
            // more documents than the restore decodes and indexes at a time
            for (int i = 0; i < 10_000; i++) {
                int commune = random.nextInt(100);
                Document pledge = new Document("_id", "p-" + i).append("year", 2025 + i % 2)
                        .append("pledgerKey", "m-" + i / 2).append("unitPath",
                                i % 97 == 0 ? List.of() : List.of("vn", "p-" + commune % 10, String.format("w-%04d", commune)))
                        .append("status", i % 5 == 0 ? "WITHDRAWN" : "REGISTERED")
                        .append("pledger", new Document("memberId", "m-" + i / 2).append("fullName", "Nguyễn Văn " + i))
                        .append("commitments", List.of(new Document("action", "Học tập và làm theo Bác " + i)));
                if (i % 13 == 0) {
                    pledge.append("pendingSince", i);
                }
                documents.add(pledge);
            }
            pledges.insertMany(documents, new InsertManyOptions().ordered(true));
            for (int i = 0; i < 10_000; i += 7) {
                pledges.updateOne(Filters.eq("_id", "p-" + i), Updates.set("status", "EVALUATED"));
            }
            pledges.deleteMany(Filters.eq("unitPath", "w-0013"));
            for (Bson query : QUERIES) {
                before.put(query.toString(), ids(pledges, query));
            }
        }

        try (MongoServer server = MongoServer.journaled(directory, FreePorts.next());
             MongoClient client = client(server)) {
            MongoCollection<Document> pledges = pledges(client);
            for (Bson query : QUERIES) {
                assertThat(ids(pledges, query)).as(query.toString()).isEqualTo(before.get(query.toString()));
            }
            assertThat(before.values()).allSatisfy(ids -> assertThat(ids).isNotEmpty());
            assertThatThrownBy(() -> pledges.insertOne(new Document("_id", "p-new").append("year", 2026)
                    .append("pledgerKey", "m-1"))).isInstanceOf(MongoWriteException.class);
        }
    }

    private static MongoClient client(MongoServer server) {
        server.start();
        return MongoClients.create(server.connectionString());
    }

    private static MongoCollection<Document> pledges(MongoClient client) {
        return client.getDatabase("neuguong_pledges").getCollection("pledges");
    }

    private static List<Object> ids(MongoCollection<Document> pledges, Bson query) {
        List<Object> ids = pledges.find(query).map(document -> document.get("_id")).into(new ArrayList<>());
        ids.sort(null);
        return ids;
    }
}
