package vn.neuguong.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import vn.neuguong.testsupport.TestInfrastructure;

/** The lag of a consumer group against a real broker: how many records it has not consumed, and for how long. */
class ConsumerLagIT {

    private final String bootstrap = TestInfrastructure.get().kafkaBootstrapServers();
    private final Map<String, Object> client = Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void countsTheRecordsAGroupHasNotConsumedAndTheAgeOfTheOldest() throws Exception {
        String topic = "lag-" + UUID.randomUUID();
        String group = "lag-group-" + UUID.randomUUID();
        TopicPartition partition = new TopicPartition(topic, 0);
        Instant twoMinutesAgo = Instant.now().minusSeconds(120);
        try (Admin admin = Admin.create(client);
                KafkaProducer<String, String> producer = new KafkaProducer<>(
                        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new StringSerializer(),
                        new StringSerializer());
                ConsumerLag lag = new ConsumerLag(client, client, () -> Set.of(group), meters, Clock.systemUTC())) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
            for (int i = 0; i < 5; i++) {
                producer.send(new ProducerRecord<>(topic, 0, twoMinutesAgo.toEpochMilli() + i, "k" + i, "v" + i)).get();
            }
            admin.alterConsumerGroupOffsets(group, Map.of(partition, new OffsetAndMetadata(1))).all().get();

            lag.refresh();

            assertThat(gauge("neuguong.consumer.lag.records", group, topic)).isEqualTo(4);
            assertThat(gauge("neuguong.consumer.lag.seconds", group, topic)).isBetween(115.0,
                    120.0 + Duration.ofMinutes(1).toSeconds());

            admin.alterConsumerGroupOffsets(group, Map.of(partition, new OffsetAndMetadata(5))).all().get();
            lag.refresh();

            assertThat(gauge("neuguong.consumer.lag.records", group, topic)).isZero();
            assertThat(gauge("neuguong.consumer.lag.seconds", group, topic)).isZero();
        }
    }

    private double gauge(String name, String group, String topic) {
        return meters.get(name).tag("group", group).tag("topic", topic).gauge().value();
    }
}
