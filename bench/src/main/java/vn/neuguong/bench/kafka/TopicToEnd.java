package vn.neuguong.bench.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/** Reads every partition of a topic from offset 0 to the end offsets it had when the read began. */
public final class TopicToEnd {

    private TopicToEnd() {
    }

    /** @return how many records were read */
    public static <K, V> long read(KafkaConsumer<K, V> consumer, String topic, Consumer<ConsumerRecord<K, V>> each) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        long records = 0;
        while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
            for (ConsumerRecord<K, V> record : consumer.poll(Duration.ofMillis(500))) {
                each.accept(record);
                records++;
            }
        }
        return records;
    }
}
