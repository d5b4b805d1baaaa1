package vn.neuguong.reporting;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import vn.neuguong.testsupport.TestInfrastructure;

/** Reads a topic of the test broker from the beginning with a real consumer, committed records only. */
public final class TopicReader {

    /**
     * The records of {@code topic} that {@code which} selects, read until {@code enough} holds for them.
     *
     * @throws AssertionError when {@code enough} does not hold within {@code timeout}
     */
    public static List<ConsumerRecord<String, String>> read(String topic, Predicate<ConsumerRecord<String, String>> which,
            Predicate<List<ConsumerRecord<String, String>>> enough, Duration timeout) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<String, String>> selected = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Instant deadline = Instant.now().plus(timeout);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (which.test(record)) {
                        selected.add(record);
                    }
                }
                if (enough.test(selected)) {
                    return selected;
                }
            }
        }
        throw new AssertionError("Within " + timeout + ", " + topic + " did not have the records expected; selected: "
                + selected.stream().map(record -> record.key() + "=" + record.value()).toList());
    }

    private TopicReader() {
    }
}
