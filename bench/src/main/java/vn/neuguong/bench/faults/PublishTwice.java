package vn.neuguong.bench.faults;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

import vn.neuguong.contracts.Topics;

/**
 * Every event of the run published a second time: the records of the event topics since the scenario began, sent
 * again with the bare producer with their key, value and headers, as a relay that crashed before recording its
 * sends would. The readers deduplicate by entity and version, so no figure may move.
 */
final class PublishTwice implements Fault {

    private static final List<String> TOPICS = List.of(Topics.PLEDGE_EVENTS, Topics.RECOGNITION_EVENTS,
            Topics.REPORT_EVENTS);

    private final EventTopics kafka;
    private final Map<String, Map<TopicPartition, Long>> since = new LinkedHashMap<>();

    /** Remembers where each event topic ends now: the events after it are the ones published again. */
    PublishTwice(EventTopics kafka) {
        this.kafka = kafka;
        TOPICS.forEach(topic -> since.put(topic, kafka.ends(topic)));
    }

    @Override
    public String name() {
        return "every event of the run published twice";
    }

    @Override
    public String inject() throws Exception {
        StringBuilder note = new StringBuilder();
        for (String topic : TOPICS) {
            List<ConsumerRecord<byte[], byte[]>> records = kafka.readFrom(since.get(topic));
            kafka.send(records.stream().map(record -> new ProducerRecord<>(record.topic(), record.partition(),
                    record.key(), record.value(), record.headers())).toList());
            note.append(note.isEmpty() ? "" : ", ").append(records.size()).append(' ')
                    .append(topic.replace("neuguong.", ""));
        }
        return "re-published " + note;
    }
}
