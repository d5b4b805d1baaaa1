package vn.neuguong.reporting.aggregate;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import tools.jackson.databind.json.JsonMapper;
import vn.neuguong.contracts.CloudEvents;
import vn.neuguong.contracts.Topics;
import vn.neuguong.contracts.pledge.PledgeChanged;
import vn.neuguong.testsupport.TestInfrastructure;

/** Publishes pledge events to the test broker as pledge-service's relay does: CloudEvents headers, JSON value. */
final class PledgeEventPublisher implements AutoCloseable {

    private final JsonMapper jsonMapper = JsonMapper.builder().build();
    private final KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers(),
            ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());

    void publish(PledgeChanged event) {
        send(event.pledgeId(), jsonMapper.writeValueAsString(event));
    }

    void send(String key, String value) {
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.PLEDGE_EVENTS, key, value);
        header(record, CloudEvents.HEADER_SPEC_VERSION, CloudEvents.SPEC_VERSION);
        header(record, CloudEvents.HEADER_ID, UUID.randomUUID().toString());
        header(record, CloudEvents.HEADER_TYPE, PledgeChanged.REVISED);
        header(record, CloudEvents.HEADER_SOURCE, "/pledge-service");
        header(record, CloudEvents.HEADER_SUBJECT, key);
        producer.send(record);
    }

    void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close();
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
