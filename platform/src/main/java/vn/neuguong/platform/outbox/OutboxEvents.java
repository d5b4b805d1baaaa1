package vn.neuguong.platform.outbox;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;

import org.bson.Document;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.query.Update;

import tools.jackson.databind.json.JsonMapper;

/**
 * The write side of the outbox, the one place that knows how an owner document carries its events: makes events
 * (a fresh CloudEvent id, the service's clock, the data as JSON), puts them into a new owner document or appends
 * them to an update of one, declares the index the relay finds pending documents by, and tells the relay which
 * documents were just written.
 *
 * <p>A document is pending from the time of its oldest unpublished event ({@code $min}), so one that keeps
 * changing while an old event waits still looks old to the relay's sweep.
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

    /** An event about the entity {@code key} (also the CloudEvent subject and the Kafka record key). */
    public OutboxEvent create(String topic, String type, String key, Object data) {
        return new OutboxEvent(UUID.randomUUID().toString(), topic, key, type, key, clock.instant(),
                jsonMapper.writeValueAsString(data));
    }

    /** {@code owner}, a new document, with {@code events} waiting in its outbox (in order). */
    public Document withEvents(Document owner, List<OutboxEvent> events) {
        List<Document> outbox = new ArrayList<>(events.size());
        events.forEach(event -> outbox.add(asDocument(event)));
        owner.put(OutboxEvent.OUTBOX_FIELD, outbox);
        owner.put(OutboxEvent.PENDING_SINCE_FIELD, pendingSince(events.get(0)));
        return owner;
    }

    public Document withEvent(Document owner, OutboxEvent event) {
        return withEvents(owner, List.of(event));
    }

    /** {@code update} of an owner document, which also appends {@code event} to its outbox. */
    public Update appendTo(Update update, OutboxEvent event) {
        return update.push(OutboxEvent.OUTBOX_FIELD, asDocument(event))
                .min(OutboxEvent.PENDING_SINCE_FIELD, pendingSince(event));
    }

    /**
     * Call after a write that added events to {@code documentId}'s outbox succeeded: the relay publishes them now
     * instead of at its next sweep. Forgetting it only delays the events.
     */
    public void written(String collection, Object documentId) {
        relay.ifAvailable(outboxRelay -> outboxRelay.documentWritten(collection, documentId));
    }

    /** The index the relay's sweep reads; every collection with an outbox declares it. */
    public static void declareIndexes(IndexOperations indexes) {
        indexes.createIndex(new Index().on(OutboxEvent.PENDING_SINCE_FIELD, Sort.Direction.ASC).sparse()
                .named("outbox_pending"));
    }

    /** Whether a write failed on a unique index (an insert or update of one document, or a bulk write). */
    public static boolean isDuplicateKey(RuntimeException e) {
        if (e instanceof DuplicateKeyException) {
            return true;
        }
        if (e instanceof MongoWriteException write) {
            return write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
        }
        if (e instanceof MongoBulkWriteException bulk) {
            return !bulk.getWriteErrors().isEmpty() && bulk.getWriteErrors().stream()
                    .allMatch(error -> ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY);
        }
        return false;
    }

    private Date pendingSince(OutboxEvent event) {
        return Date.from(event.time());
    }

    /** The event as the relay reads it. */
    static Document asDocument(OutboxEvent event) {
        return new Document("eventId", event.eventId())
                .append("topic", event.topic())
                .append("key", event.key())
                .append("type", event.type())
                .append("subject", event.subject())
                .append("time", Date.from(event.time()))
                .append("data", event.data());
    }
}
