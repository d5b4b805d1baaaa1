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

/** Publishes events to the test broker as the services' relays do: CloudEvents headers, JSON value. */
public final class PledgeEventPublisher implements AutoCloseable {

    private final JsonMapper jsonMapper = JsonMapper.builder().build();
    private final KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers(),
            ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());

    public void publish(PledgeChanged event) {
        send(event.pledgeId(), jsonMapper.writeValueAsString(event));
    }

    public void send(String key, String value) {
        send(Topics.PLEDGE_EVENTS, PledgeChanged.REVISED, key, value);
    }

    /** Any service's event: {@code data} as JSON under the CloudEvents headers of {@code type}. */
    public void publish(String topic, String type, String key, Object data) {
        send(topic, type, key, jsonMapper.writeValueAsString(data));
    }

    private void send(String topic, String type, String key, String value) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        header(record, CloudEvents.HEADER_SPEC_VERSION, CloudEvents.SPEC_VERSION);
        header(record, CloudEvents.HEADER_ID, UUID.randomUUID().toString());
        header(record, CloudEvents.HEADER_TYPE, type);
        header(record, CloudEvents.HEADER_SOURCE, "/test");
        header(record, CloudEvents.HEADER_SUBJECT, key);
        producer.send(record);
    }

    public void flush() {
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
