package vn.neuguong.platform.kafka;

/**
 * A consumer group whose lag this service reports besides its listener containers' groups: a Kafka Streams
 * application's id, for example.
 */
public record MonitoredConsumerGroup(String groupId) {
}
