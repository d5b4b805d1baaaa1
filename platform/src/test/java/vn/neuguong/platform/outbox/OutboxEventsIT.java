package vn.neuguong.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchRuntimeException;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.mongodb.client.model.InsertManyOptions;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import vn.neuguong.testsupport.IntegrationTest;

/** The one way owner documents carry their events, against the real database. */
@IntegrationTest
class OutboxEventsIT {

    private static final String COLLECTION = "owners";

    @Autowired
    MongoTemplate mongo;

    @Autowired
    OutboxEvents outboxEvents;

    @Test
    void aNewOwnerDocumentCarriesItsEventsInOrderPendingSinceTheFirst() {
        String id = UUID.randomUUID().toString();
        OutboxEvent first = event(id);
        OutboxEvent second = event(id);

        mongo.insert(outboxEvents.withEvents(new Document("_id", id).append("version", 1), List.of(first, second)),
                COLLECTION);

        Document stored = stored(id);
        assertThat(stored.getList(OutboxEvent.OUTBOX_FIELD, Document.class))
                .extracting(event -> event.getString("eventId")).containsExactly(first.eventId(), second.eventId());
        Document event = stored.getList(OutboxEvent.OUTBOX_FIELD, Document.class).get(0);
        assertThat(event).containsOnlyKeys("eventId", "topic", "key", "type", "subject", "time", "data");
        assertThat(event.getDate("time")).isEqualTo(Date.from(first.time()));
        assertThat(stored.getDate(OutboxEvent.PENDING_SINCE_FIELD)).isEqualTo(Date.from(first.time()));
    }

    @Test
    void anUpdateAppendsItsEventAndKeepsThePendingTimeOfTheOldestWaitingEvent() {
        String id = UUID.randomUUID().toString();
        OutboxEvent created = event(id);
        mongo.insert(outboxEvents.withEvent(new Document("_id", id).append("version", 1), created), COLLECTION);
        OutboxEvent changed = new OutboxEvent(UUID.randomUUID().toString(), "topic", id, "type", id,
                created.time().plusSeconds(60), "{}");

        mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("version").is(1)),
                outboxEvents.appendTo(new Update().set("version", 2), changed), COLLECTION);

        Document stored = stored(id);
        assertThat(stored.getList(OutboxEvent.OUTBOX_FIELD, Document.class))
                .extracting(event -> event.getString("eventId")).containsExactly(created.eventId(), changed.eventId());
        assertThat(stored.getDate(OutboxEvent.PENDING_SINCE_FIELD)).isEqualTo(Date.from(created.time()));
    }

    @Test
    void anUpdateOfADocumentWithNothingPendingMakesItPendingSinceItsEvent() {
        String id = UUID.randomUUID().toString();
        mongo.insert(new Document("_id", id).append("version", 1).append(OutboxEvent.OUTBOX_FIELD, List.of()),
                COLLECTION);
        OutboxEvent changed = event(id);

        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
                outboxEvents.appendTo(new Update().set("version", 2), changed), COLLECTION);

        assertThat(stored(id).getDate(OutboxEvent.PENDING_SINCE_FIELD)).isEqualTo(Date.from(changed.time()));
    }

    @Test
    void duplicateKeysAreRecognisedHoweverTheWriteWasMade() {
        String id = UUID.randomUUID().toString();
        mongo.indexOps(COLLECTION).createIndex(new Index().on("uniqueName", org.springframework.data.domain.Sort
                .Direction.ASC).unique().sparse().named("unique_name"));
        mongo.insert(new Document("_id", id).append("uniqueName", id), COLLECTION);

        assertThat(OutboxEvents.isDuplicateKey(catchRuntimeException(() ->
                mongo.insert(new Document("_id", id), COLLECTION)))).isTrue();
        assertThat(OutboxEvents.isDuplicateKey(catchRuntimeException(() ->
                mongo.getCollection(COLLECTION).insertOne(new Document("uniqueName", id))))).isTrue();
        assertThat(OutboxEvents.isDuplicateKey(catchRuntimeException(() ->
                mongo.getCollection(COLLECTION).insertMany(List.of(new Document("_id", id),
                        new Document("uniqueName", id)), new InsertManyOptions().ordered(false))))).isTrue();
        assertThat(OutboxEvents.isDuplicateKey(new IllegalStateException("not a write"))).isFalse();
    }

    private OutboxEvent event(String id) {
        return outboxEvents.create("topic", "vn.neuguong.test.changed.v1", id, new Document("at", Instant.EPOCH));
    }

    private Document stored(String id) {
        return mongo.getCollection(COLLECTION).find(new Document("_id", id)).first();
    }
}
