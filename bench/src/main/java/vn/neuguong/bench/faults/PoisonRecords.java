package vn.neuguong.bench.faults;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;

import vn.neuguong.contracts.Topics;

/**
 * A record no reader can understand on each event topic. Each must reach the topic's dead-letter topic with a
 * reason header, and the partitions keep flowing (the common checks). The org-unit topic is compacted: its poison
 * record is deleted afterwards with a tombstone, so that restarted replicas do not read it again.
 */
final class PoisonRecords implements Fault {

    private static final List<String> TOPICS = List.of(Topics.PLEDGE_EVENTS, Topics.RECOGNITION_EVENTS,
            Topics.REPORT_EVENTS, Topics.ORG_UNITS);
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    /** The reason a dead letter carries: the readers' own header, or Spring Kafka's for listener errors. */
    private static final List<String> REASON_HEADERS = List.of("neuguong-dlt-reason", "kafka_dlt-exception-message");

    private final EventTopics kafka;
    private final String key;
    private final Map<String, Map<TopicPartition, Long>> deadLettersBefore = new LinkedHashMap<>();

    PoisonRecords(EventTopics kafka, String run) {
        this.kafka = kafka;
        this.key = "faults-poison-" + run;
    }

    @Override
    public String name() {
        return "a poison record on each event topic";
    }

    @Override
    public String inject() throws Exception {
        List<ProducerRecord<byte[], byte[]>> poison = new ArrayList<>();
        for (String topic : TOPICS) {
            deadLettersBefore.put(topic, kafka.ends(Topics.deadLetter(topic)));
            poison.add(new ProducerRecord<>(topic, bytes(key), bytes("{\"not\": \"an event\", truncated")));
        }
        kafka.send(poison);
        return "";
    }

    @Override
    public List<String> verify() throws Exception {
        List<String> problems = new ArrayList<>();
        for (String topic : TOPICS) {
            boolean deadLettered = kafka.awaitRecord(deadLettersBefore.get(topic),
                    record -> key.equals(text(record.key())) && reason(record) != null, PATIENCE);
            if (!deadLettered) {
                problems.add("no dead letter with a reason for the poison record on " + topic + " within "
                        + PATIENCE.toSeconds() + " s");
            }
        }
        kafka.send(List.of(new ProducerRecord<>(Topics.ORG_UNITS, bytes(key), null)));
        return problems;
    }

    private static String reason(ConsumerRecord<byte[], byte[]> record) {
        for (String name : REASON_HEADERS) {
            Header header = record.headers().lastHeader(name);
            if (header != null && header.value() != null && header.value().length > 0) {
                return text(header.value());
            }
        }
        return null;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }
}
