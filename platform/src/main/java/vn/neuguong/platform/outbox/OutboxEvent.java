package vn.neuguong.platform.outbox;

import java.time.Instant;

/**
 * An event waiting in its owner document's {@code outbox} array. It is written in the same single-document
 * update as the state change it describes, so the event exists if and only if the change happened.
 *
 * @param eventId the CloudEvent id ({@code id} itself would be mapped to {@code _id} by Spring Data)
 * @param data    the CloudEvent data, already serialized as JSON
 */
public record OutboxEvent(String eventId, String topic, String key, String type, String subject, Instant time,
        String data) {

    /** Name of the array field holding pending events in an owner document. */
    public static final String OUTBOX_FIELD = "outbox";
    /** Set while the outbox is not empty; the relay finds work through an index on it. */
    public static final String PENDING_SINCE_FIELD = "outboxPendingSince";
}
