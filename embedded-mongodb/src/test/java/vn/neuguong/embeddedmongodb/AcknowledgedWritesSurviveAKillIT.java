package vn.neuguong.embeddedmongodb;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import com.mongodb.MongoClientSettings;
import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The invariant "a write the API acknowledged is never lost" rests on the database: the server runs in a process
 * of its own, writers insert, update and upsert as fast as they can, and the process is killed with SIGKILL in the
 * middle. Everything it acknowledged must be there after a restart, and nothing that was never attempted.
 */
class AcknowledgedWritesSurviveAKillIT {

    private static final int WRITERS = 8;

    @TempDir
    Path directory;

    @Test
    void everyAcknowledgedWriteIsThereAfterTheProcessIsKilled() throws Exception {
        int port = FreePorts.next();
        Process server = start(port);
        Set<String> acknowledgedInserts = ConcurrentHashMap.newKeySet();
        Map<String, AtomicLong> acknowledgedIncrements = new ConcurrentHashMap<>();
        Map<String, AtomicLong> attemptedIncrements = new ConcurrentHashMap<>();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        List<Future<?>> work = new ArrayList<>();
        try (MongoClient client = client(port)) {
            MongoCollection<Document> pledges = client.getDatabase("neuguong_pledges").getCollection("pledges");
            MongoCollection<Document> counters = client.getDatabase("neuguong_pledges").getCollection("counters");
            for (int w = 0; w < WRITERS; w++) {
                String writer = "w" + w;
                acknowledgedIncrements.put(writer, new AtomicLong());
                attemptedIncrements.put(writer, new AtomicLong());
                work.add(writers.submit(() -> {
                    for (int i = 0; running.get(); i++) {
                        String id = writer + "-" + i;
                        try {
                            pledges.insertOne(new Document("_id", id).append("fullName", "Nguyễn Văn " + i));
                            acknowledgedInserts.add(id);
                            attemptedIncrements.get(writer).incrementAndGet();
                            counters.findOneAndUpdate(Filters.eq("_id", writer), Updates.inc("n", 1),
                                    new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
                            acknowledgedIncrements.get(writer).incrementAndGet();
                        } catch (RuntimeException e) {
                            if (running.get()) {
                                failure.compareAndSet(null, e);
                            }
                            return;
                        }
                    }
                }));
            }
            while (acknowledgedInserts.size() < 600 && failure.get() == null) {
                Thread.sleep(10);
            }
            assertThat(failure.get()).as("no write failed before the kill").isNull();
            server.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            running.set(false);
            for (Future<?> writer : work) {
                writer.get(60, TimeUnit.SECONDS);
            }
        } finally {
            writers.shutdownNow();
        }

        try (MongoServer restarted = MongoServer.journaled(directory, 0)) {
            restarted.start();
            try (MongoClient client = MongoClients.create(restarted.connectionString())) {
                MongoCollection<Document> pledges = client.getDatabase("neuguong_pledges").getCollection("pledges");
                Set<String> stored = ConcurrentHashMap.newKeySet();
                pledges.find().forEach(document -> stored.add(document.getString("_id")));
                assertThat(stored).containsAll(acknowledgedInserts);
                for (Document counter : client.getDatabase("neuguong_pledges").getCollection("counters").find()) {
                    String writer = counter.getString("_id");
                    long value = counter.getInteger("n");
                    assertThat(value).as(writer).isBetween(acknowledgedIncrements.get(writer).get(),
                            attemptedIncrements.get(writer).get());
                }
                // the restarted server keeps journaling: a new write is there after another restart
                pledges.insertOne(new Document("_id", "after-restart"));
            }
        }
        try (MongoServer again = MongoServer.journaled(directory, 0)) {
            again.start();
            try (MongoClient client = MongoClients.create(again.connectionString())) {
                assertThat(client.getDatabase("neuguong_pledges").getCollection("pledges")
                        .countDocuments(Filters.eq("_id", "after-restart"))).isEqualTo(1);
            }
        }
    }

    private Process start(int port) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                JournaledServerProcess.class.getName(), directory.toString(), Integer.toString(port))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.PIPE)
                .start();
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        String line;
        while ((line = output.readLine()) != null && !line.equals("ready")) {
            // the server's log until it listens
        }
        assertThat(line).as("the server process started").isEqualTo("ready");
        Thread drain = new Thread(() -> output.lines().forEach(ignored -> { }), "server-output");
        drain.setDaemon(true);
        drain.start();
        return process;
    }

    private static MongoClient client(int port) {
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://localhost:" + port))
                .applyToSocketSettings(socket -> socket.connectTimeout(20, TimeUnit.SECONDS).readTimeout(30, TimeUnit.SECONDS))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(30, TimeUnit.SECONDS))
                .build());
    }
}
