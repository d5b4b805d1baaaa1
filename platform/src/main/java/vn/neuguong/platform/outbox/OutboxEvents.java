package vn.neuguong.platform.outbox;

import java.time.Clock;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

/** Makes outbox events: a fresh CloudEvent id, the service's clock, the data as JSON. */
public class OutboxEvents {

    private final JsonMapper jsonMapper;
    private final Clock clock;

    public OutboxEvents(JsonMapper jsonMapper, Clock clock) {
        this.jsonMapper = jsonMapper;
        this.clock = clock;
    }

    /** An event about the entity {@code key} (also the CloudEvent subject and the Kafka record key). */
    public OutboxEvent create(String topic, String type, String key, Object data) {
        return new OutboxEvent(UUID.randomUUID().toString(), topic, key, type, key, clock.instant(),
                jsonMapper.writeValueAsString(data));
    }
}
