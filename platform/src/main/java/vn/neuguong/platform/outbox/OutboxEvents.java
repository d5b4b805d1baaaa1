package vn.neuguong.platform.outbox;

import java.time.Clock;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;

import tools.jackson.databind.json.JsonMapper;

/**
 * Makes outbox events (a fresh CloudEvent id, the service's clock, the data as JSON), and passes on to the relay
 * which documents were just written with them.
 */
public class OutboxEvents {

    private final JsonMapper jsonMapper;
    private final Clock clock;
    private final ObjectProvider<OutboxRelay> relay;

    public OutboxEvents(JsonMapper jsonMapper, Clock clock, ObjectProvider<OutboxRelay> relay) {
        this.jsonMapper = jsonMapper;
        this.clock = clock;
        this.relay = relay;
    }

    /**
     * Call after a write that added events to {@code documentId}'s outbox succeeded: the relay publishes them
     * now instead of at its next sweep. Forgetting it only delays the events.
     */
    public void written(String collection, Object documentId) {
        relay.ifAvailable(outboxRelay -> outboxRelay.documentWritten(collection, documentId));
    }

    /** An event about the entity {@code key} (also the CloudEvent subject and the Kafka record key). */
    public OutboxEvent create(String topic, String type, String key, Object data) {
        return new OutboxEvent(UUID.randomUUID().toString(), topic, key, type, key, clock.instant(),
                jsonMapper.writeValueAsString(data));
    }
}
