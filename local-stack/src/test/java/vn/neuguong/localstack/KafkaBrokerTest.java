package vn.neuguong.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaBrokerTest {

    @TempDir
    static Path dataDir;

    static KafkaBroker broker;
    static Set<Thread> threadsWithoutBroker;

    @BeforeAll
    static void startBroker() {
        threadsWithoutBroker = Thread.getAllStackTraces().keySet();
        broker = new KafkaBroker(dataDir.resolve("kafka"), FreePorts.next(), FreePorts.next());
        broker.start();
    }

    @AfterAll
    static void stopBroker() {
        broker.stop();
    }

    @Test
    void anIdempotentProducerPublishesWhatAConsumerThenReads() throws Exception {
        String topic = createTopic();
        try (KafkaProducer<String, String> producer = producer(Map.of(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true))) {
            producer.send(new ProducerRecord<>(topic, "p-19", "Thái Nguyên")).get();
            producer.send(new ProducerRecord<>(topic, "w-05569", "Định Hoá")).get();
        }

        assertThat(readAll(topic, "read_uncommitted", 2))
                .containsExactlyInAnyOrder("p-19=Thái Nguyên", "w-05569=Định Hoá");
    }

    @Test
    void aReadCommittedConsumerSeesCommittedTransactionsOnly() throws Exception {
        String topic = createTopic();
        try (KafkaProducer<String, String> producer = producer(Map.of(
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "tx-" + UUID.randomUUID()))) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "k", "aborted"));
            producer.abortTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "k", "committed"));
            producer.commitTransaction();
        }

        assertThat(readAll(topic, "read_committed", 1)).containsExactly("k=committed");
    }

    @Test
    void aRestartOnTheSamePortsAndDirectoryKeepsTopicsAndRecordsAndLeavesNoThreadBehind() throws Exception {
        String topic = createTopic();
        try (KafkaProducer<String, String> producer = producer(Map.of())) {
            producer.send(new ProducerRecord<>(topic, "vn", "before restart")).get();
        }

        broker.stop();
        List<String> leftOver = Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && !threadsWithoutBroker.contains(thread))
                .map(Thread::getName)
                // the daemon tick threads of Yammer metrics' JVM-wide registry are created once and reused
                .filter(name -> !name.startsWith("metrics-meter-tick-thread"))
                .toList();
        broker.start();

        assertThat(leftOver).as("threads still running after stop").isEmpty();
        try (KafkaProducer<String, String> producer = producer(Map.of())) {
            producer.send(new ProducerRecord<>(topic, "vn", "after restart")).get();
        }
        assertThat(readAll(topic, "read_uncommitted", 2)).containsExactly("vn=before restart", "vn=after restart");
    }

    @Test
    void topicsAreNotCreatedImplicitly() throws Exception {
        try (Admin admin = admin()) {
            try (KafkaProducer<String, String> producer = producer(Map.of(ProducerConfig.MAX_BLOCK_MS_CONFIG, 2000))) {
                producer.send(new ProducerRecord<>("never-created", "k", "v"));
            }
            assertThat(admin.listTopics().names().get()).doesNotContain("never-created");
        }
    }

    private static String createTopic() throws Exception {
        String topic = "test-" + UUID.randomUUID();
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
        }
        return topic;
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
    }

    private static KafkaProducer<String, String> producer(Map<String, Object> overrides) {
        Map<String, Object> config = new java.util.HashMap<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"));
        config.putAll(overrides);
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    private static List<String> readAll(String topic, String isolationLevel, int expected) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolationLevel), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.key() + "=" + record.value());
                }
            }
            // anything beyond the expected records (e.g. an aborted one) would show up in a last poll
            consumer.poll(Duration.ofMillis(500)).forEach(record -> values.add(record.key() + "=" + record.value()));
        }
        return values;
    }
}
