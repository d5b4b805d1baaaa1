package vn.neuguong.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.neuguong.contracts.inbound.InboundTopics;
import vn.neuguong.localstack.InboundPublishers.Publisher;

/** A publishing system on the SCRAM listener may write only its own command topics and read only its outcomes. */
class InboundPublishersTest {

    @TempDir
    static Path dataDir;

    static KafkaBroker broker;
    static final Publisher THAI_NGUYEN = new Publisher("thai-nguyen", "p-19", "bí mật-1");
    static final Publisher HA_NOI = new Publisher("ha-noi", "p-01", "bí mật-2");

    @BeforeAll
    static void startBroker() {
        broker = new KafkaBroker(dataDir.resolve("kafka"), FreePorts.next(), FreePorts.next(), FreePorts.next());
        broker.start();
        InboundPublishers.provision(broker.bootstrapServers(), List.of(THAI_NGUYEN, HA_NOI), 3);
    }

    @AfterAll
    static void stopBroker() {
        broker.stop();
    }

    @Test
    void aPublisherWritesItsOwnCommandTopicsAndTheServicesListenerStillNeedsNoCredentials() throws Exception {
        try (KafkaProducer<String, String> producer = producer(THAI_NGUYEN.name(), THAI_NGUYEN.password())) {
            producer.send(new ProducerRecord<>(InboundTopics.commands("thai-nguyen", InboundTopics.PLEDGES), "k",
                    "{}")).get(30, TimeUnit.SECONDS);
        }
        try (KafkaProducer<String, String> service = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()), new StringSerializer(),
                new StringSerializer())) {
            service.send(new ProducerRecord<>(InboundTopics.outcomes("thai-nguyen"), "k", "{}"))
                    .get(30, TimeUnit.SECONDS);
        }

        try (KafkaConsumer<String, String> consumer = consumer(THAI_NGUYEN.name(), THAI_NGUYEN.password())) {
            consumer.subscribe(List.of(InboundTopics.outcomes("thai-nguyen")));
            int read = 0;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (read == 0 && System.nanoTime() < deadline) {
                read += consumer.poll(Duration.ofMillis(200)).count();
            }
            assertThat(read).isEqualTo(1);
        }
    }

    @Test
    void aPublisherCannotWriteAnotherPublishersCommandsNorItsOwnOutcomes() {
        try (KafkaProducer<String, String> producer = producer(THAI_NGUYEN.name(), THAI_NGUYEN.password())) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(
                    InboundTopics.commands("ha-noi", InboundTopics.PLEDGES), "k", "{}")).get(30, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(InboundTopics.outcomes("thai-nguyen"), "k",
                    "{}")).get(30, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void aPublisherCannotReadAnotherPublishersOutcomes() {
        try (KafkaConsumer<String, String> consumer = consumer(THAI_NGUYEN.name(), THAI_NGUYEN.password())) {
            consumer.subscribe(List.of(InboundTopics.outcomes("ha-noi")));
            assertThatThrownBy(() -> {
                for (int i = 0; i < 50; i++) {
                    consumer.poll(Duration.ofMillis(200));
                }
            }).isInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void aWrongPasswordIsRefused() {
        try (KafkaProducer<String, String> producer = producer(THAI_NGUYEN.name(), "đoán")) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(
                    InboundTopics.commands("thai-nguyen", InboundTopics.PLEDGES), "k", "{}")).get(30, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(SaslAuthenticationException.class);
        }
    }

    private static Map<String, Object> scram(String user, String password) {
        Map<String, Object> config = new HashMap<>();
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.saslBootstrapServers());
        config.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
        config.put(SaslConfigs.SASL_MECHANISM, KafkaBroker.SASL_MECHANISM);
        config.put(SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.scram.ScramLoginModule required "
                + "username=\"" + user + "\" password=\"" + password + "\";");
        return config;
    }

    private static KafkaProducer<String, String> producer(String user, String password) {
        Map<String, Object> config = scram(user, password);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000);
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    private static KafkaConsumer<String, String> consumer(String user, String password) {
        Map<String, Object> config = scram(user, password);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, user + ".outcomes");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }
}
