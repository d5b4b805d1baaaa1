package vn.neuguong.embeddedmongodb;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.mongodb.MongoNamespace;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
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

    @Test
    void aCleanStopLeavesOneCheckpointFromWhichTheNextStartAnswersAsBefore() throws Exception {
        Map<String, List<Document>> before;
        try (MongoServer server = MongoServer.journaled(directory, FreePorts.next(), 8 * 1024);
             MongoClient client = client(server)) {
            MongoDatabase reporting = client.getDatabase("neuguong_reporting");
            reporting.getCollection("units").createIndex(Indexes.ascending("parentId"));
            for (int i = 0; i < 300; i++) {
                reporting.getCollection("units").insertOne(new Document("_id", "w-" + i).append("parentId", "p-" + i % 7)
                        .append("name", "Xã Định Hoá " + i));
                reporting.getCollection("units").updateOne(Filters.eq("_id", "w-" + i / 2), Updates.inc("version", 1));
            }
            reporting.getCollection("units").deleteMany(Filters.eq("parentId", "p-3"));
            reporting.getCollection("old").insertOne(new Document("_id", 1));
            reporting.getCollection("old").drop();
            reporting.getCollection("old").insertOne(new Document("_id", 2).append("again", true));
            reporting.getCollection("aggregates_next").insertOne(new Document("_id", "vn-2026").append("pledges", 7));
            reporting.getCollection("aggregates_next")
                    .renameCollection(new MongoNamespace("neuguong_reporting", "aggregates"));
            client.getDatabase("neuguong_scratch").getCollection("tmp").insertOne(new Document("_id", "gone"));
            client.getDatabase("neuguong_scratch").drop();
            before = everything(client);
        }
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files.map(file -> file.getFileName().toString()).toList())
                    .singleElement().asString().matches("checkpoint-\\d{12}\\.log");
        }

        try (MongoServer server = MongoServer.journaled(directory, FreePorts.next(), 8 * 1024);
             MongoClient client = client(server)) {
            assertThat(everything(client)).isEqualTo(before);
            assertThat(before.get("neuguong_reporting.units")).hasSize(300 - 43);
            assertThat(client.getDatabase("neuguong_reporting").getCollection("units")
                    .find(Filters.eq("parentId", "p-4")).into(new ArrayList<>())).hasSize(43);
        }
    }

    private static Map<String, List<Document>> everything(MongoClient client) {
        Map<String, List<Document>> everything = new TreeMap<>();
        for (String database : client.listDatabaseNames()) {
            for (String collection : client.getDatabase(database).listCollectionNames()) {
                List<Document> documents = client.getDatabase(database).getCollection(collection).find()
                        .into(new ArrayList<>());
                documents.sort(Comparator.comparing(document -> document.get("_id").toString()));
                everything.put(database + "." + collection, documents);
            }
        }
        return everything;
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
