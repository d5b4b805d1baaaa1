package vn.neuguong.bench.baseline;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;

import vn.neuguong.bench.kafka.TopicToEnd;
import vn.neuguong.bench.load.Latencies;
import vn.neuguong.bench.load.OpenLoop;

/**
 * Raw baselines measured in the same run, on the same broker and database, so that every scenario's figure
 * can be read as a ratio that compares across machines.
 */
public final class Baselines {

    private static final String TOPIC = "neuguong.bench.baseline";

    /** The bare Kafka producer: acks=all, idempotent, the same message size, as fast as it goes. */
    public static Map<String, Object> kafkaProducer(String bootstrapServers, int messages, int messageBytes) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        try (AdminClient admin = AdminClient.create(Map.of("bootstrap.servers", bootstrapServers))) {
            if (!admin.listTopics().names().get().contains(TOPIC)) {
                admin.createTopics(List.of(new NewTopic(TOPIC, 12, (short) 1))).all().get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("Could not create " + TOPIC + ": " + e.getMessage(), e);
        }
        String payload = "x".repeat(messageBytes);
        Latencies acks = new Latencies();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(TOPIC, "warm-up", payload)).get();
            long start = System.nanoTime();
            List<CompletableFuture<Void>> all = new ArrayList<>(messages);
            for (int i = 0; i < messages; i++) {
                long sent = System.nanoTime();
                CompletableFuture<Void> done = new CompletableFuture<>();
                producer.send(new ProducerRecord<>(TOPIC, "key-" + i, payload), (metadata, error) -> {
                    acks.record(System.nanoTime() - sent);
                    if (error == null) {
                        done.complete(null);
                    } else {
                        done.completeExceptionally(error);
                    }
                });
                all.add(done);
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get();
            double seconds = (System.nanoTime() - start) / 1e9;
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("messages", messages);
            result.put("messageBytes", messageBytes);
            result.put("perSecond", Math.round(messages / seconds));
            result.put("ack", acks.summary());
            return result;
        } catch (Exception e) {
            throw new IllegalStateException("Kafka baseline failed: " + e.getMessage(), e);
        }
    }

    /** The bare MongoDB driver: single inserts (like one API write) and unordered bulk inserts of 1,000. */
    /** The bare Kafka consumer reading a whole topic from offset 0 (read_committed, as the aggregator reads). */
    public static Map<String, Object> kafkaConsumer(String bootstrapServers, String topic) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        long records;
        long start = System.nanoTime();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            records = TopicToEnd.read(consumer, topic, record -> { });
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("records", records);
        result.put("seconds", Math.round(seconds * 100) / 100.0);
        result.put("perSecond", Math.round(records / seconds));
        return result;
    }

    public static Map<String, Object> mongoInserts(String uri, int documents, int documentBytes) {
        try (MongoClient client = MongoClients.create(uri)) {
            MongoCollection<Document> collection = client.getDatabase("neuguong_bench").getCollection("baseline");
            collection.drop();
            String filler = "x".repeat(documentBytes);
            int singles = Math.min(documents, 5_000);
            double singlePerSecond = OpenLoop.closedLoop(singles, i -> collection.insertOne(
                    new Document("_id", "single-" + i).append("unitId", "w-" + (i % 3321)).append("body", filler)));
            long start = System.nanoTime();
            for (int offset = 0; offset < documents; offset += 1_000) {
                List<Document> batch = new ArrayList<>(1_000);
                for (int i = offset; i < Math.min(documents, offset + 1_000); i++) {
                    batch.add(new Document("_id", "bulk-" + i).append("unitId", "w-" + (i % 3321)).append("body", filler));
                }
                collection.insertMany(batch);
            }
            double bulkPerSecond = documents / ((System.nanoTime() - start) / 1e9);
            collection.drop();
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("documentBytes", documentBytes);
            result.put("singleInsertsPerSecond", Math.round(singlePerSecond));
            result.put("bulkInsertsPerSecond", Math.round(bulkPerSecond));
            return result;
        }
    }

    /** A cheap authenticated read through the gateway at the scenario's rate: the floor of HTTP latency. */
    public static Map<String, Object> gatewayRead(URI gateway, String token, double rate, Duration duration) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(gateway.resolve("/api/org-units/vn"))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).GET().build();
        OpenLoop.Outcome outcome = OpenLoop.run(rate, duration, Duration.ofSeconds(2), index ->
                http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).thenApply(r -> r.statusCode() == 200));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("rate", rate);
        result.put("achievedPerSecond", Math.round(outcome.achievedPerSecond()));
        result.put("errors", outcome.failed());
        result.put("latency", outcome.latencies().summary());
        return result;
    }

    private Baselines() {
    }
}
