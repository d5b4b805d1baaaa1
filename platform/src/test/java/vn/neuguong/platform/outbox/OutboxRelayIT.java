package vn.neuguong.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;


import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.context.TestPropertySource;

import vn.neuguong.contracts.CloudEvents;
import vn.neuguong.contracts.Topics;
import vn.neuguong.testsupport.KafkaRecords;
import vn.neuguong.testsupport.IntegrationTest;
import vn.neuguong.testsupport.TestInfrastructure;

@IntegrationTest
@TestPropertySource(properties = {"neuguong.outbox.collections=parcels", "neuguong.outbox.source=/neuguong/test",
        "neuguong.outbox.sweep-grace=1s"})
class OutboxRelayIT {

    @Autowired
    MongoTemplate mongo;

    @Autowired
    OutboxEvents outboxEvents;

    record Parcel(String parcelId, long version) {
    }

    /**
     * A state change as a service makes it: the state and its event in one single-document update. Without telling
     * the relay, as when another instance wrote it: the sweep publishes it.
     */
    private void change(String id, long version) {
        OutboxEvent event = outboxEvents.create(Topics.REPORT_EVENTS, "vn.neuguong.test.changed.v1", id,
                new Parcel(id, version));
        mongo.upsert(Query.query(Criteria.where("_id").is(id)),
                outboxEvents.appendTo(new Update().set("version", version), event), "parcels");
    }

    /** The same, telling this instance's relay, as the services' stores do. */
    private void changeAndTell(String id, long version) {
        change(id, version);
        outboxEvents.written("parcels", id);
    }

    @Test
    void theSweepKeepsPublishingOtherInstancesEventsUnderSustainedLoad() throws Exception {
        String stranger = "parcel-" + UUID.randomUUID();
        AtomicBoolean loading = new AtomicBoolean(true);
        Thread load = new Thread(() -> {
            for (long version = 1; loading.get(); version++) {
                changeAndTell("busy-" + (version % 50), version);
            }
        });
        load.start();
        try {
            Thread.sleep(500);
            change(stranger, 1);
            List<ConsumerRecord<String, String>> records = KafkaRecords.await(Topics.REPORT_EVENTS,
                    record -> stranger.equals(record.key()), 1, Duration.ofSeconds(20));
            assertThat(records).hasSize(1);
            assertThat(load.isAlive()).as("the load was still running").isTrue();
        } finally {
            loading.set(false);
            load.join();
        }
    }

    @Test
    void eventsOfDocumentsThisInstanceWroteArePublishedInOrderRightAway() {
        String id = "parcel-" + UUID.randomUUID();
        for (long version = 1; version <= 20; version++) {
            changeAndTell(id, version);
        }
        List<ConsumerRecord<String, String>> records = KafkaRecords.await(Topics.REPORT_EVENTS,
                record -> id.equals(record.key()), 20, Duration.ofSeconds(20));
        assertThat(records).extracting(ConsumerRecord::value).containsExactlyElementsOf(
                LongStream.rangeClosed(1, 20)
                        .mapToObj(v -> "{\"parcelId\":\"" + id + "\",\"version\":" + v + "}").toList());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                mongo.getCollection("parcels").find(new Document("_id", id)).first())
                .doesNotContainKey(OutboxEvent.PENDING_SINCE_FIELD));
    }

    @Test
    void publishesEveryEventInOrderAsCloudEventsAndEmptiesTheOutbox() {
        String id = "parcel-" + UUID.randomUUID();
        change(id, 1);
        change(id, 2);
        change(id, 3);

        List<ConsumerRecord<String, String>> records = KafkaRecords.await(Topics.REPORT_EVENTS,
                record -> id.equals(record.key()), 3, Duration.ofSeconds(20));

        assertThat(records).extracting(ConsumerRecord::value).containsExactly(
                "{\"parcelId\":\"" + id + "\",\"version\":1}", "{\"parcelId\":\"" + id + "\",\"version\":2}",
                "{\"parcelId\":\"" + id + "\",\"version\":3}");
        ConsumerRecord<String, String> first = records.get(0);
        assertThat(header(first, CloudEvents.HEADER_SPEC_VERSION)).isEqualTo("1.0");
        assertThat(header(first, CloudEvents.HEADER_TYPE)).isEqualTo("vn.neuguong.test.changed.v1");
        assertThat(header(first, CloudEvents.HEADER_SOURCE)).isEqualTo("/neuguong/test");
        assertThat(header(first, CloudEvents.HEADER_SUBJECT)).isEqualTo(id);
        assertThat(header(first, CloudEvents.HEADER_ID)).isNotEqualTo(header(records.get(1), CloudEvents.HEADER_ID));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Document parcel = mongo.getCollection("parcels").find(new Document("_id", id)).first();
            assertThat(parcel.getList(OutboxEvent.OUTBOX_FIELD, Document.class)).isEmpty();
            assertThat(parcel).doesNotContainKey(OutboxEvent.PENDING_SINCE_FIELD);
        });
    }

    @Test
    void eventsWrittenWhileKafkaIsDownArePublishedWhenItReturns() {
        String id = "parcel-" + UUID.randomUUID();
        TestInfrastructure.get().stopKafka();
        try {
            change(id, 1);
            change(id, 2);
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                    assertThat(mongo.getCollection("parcels").find(new Document("_id", id)).first()
                            .getList(OutboxEvent.OUTBOX_FIELD, Document.class)).hasSize(2));
        } finally {
            TestInfrastructure.get().startKafka();
        }
        List<ConsumerRecord<String, String>> records = KafkaRecords.await(Topics.REPORT_EVENTS,
                record -> id.equals(record.key()), 2, Duration.ofSeconds(60));
        assertThat(records).extracting(ConsumerRecord::value).containsExactly(
                "{\"parcelId\":\"" + id + "\",\"version\":1}", "{\"parcelId\":\"" + id + "\",\"version\":2}");
    }

    @Test
    void clearingEmptiesTheOutboxOnlyOfTheEventsTheBrokerAcknowledged() {
        var parcels = mongo.getCollection("parcels");
        Document onlyAcknowledged = pending("only-acknowledged", "e1", "e2");
        Document appendedMeanwhile = pending("appended-meanwhile", "e1", "e3");
        // another relay removed e1 and a write appended e4 since this one read [e1]: same size, other event
        Document sameSizeOtherEvent = pending("same-size-other-event", "e4");
        parcels.insertMany(List.of(onlyAcknowledged, appendedMeanwhile, sameSizeOtherEvent));

        Map<Object, List<String>> acknowledged = new LinkedHashMap<>();
        acknowledged.put("only-acknowledged", List.of("e1", "e2"));
        acknowledged.put("appended-meanwhile", List.of("e1"));
        acknowledged.put("same-size-other-event", List.of("e1"));
        OutboxRelay.clear(parcels, acknowledged);

        assertThat(outboxOf("only-acknowledged")).isEmpty();
        assertThat(parcels.find(new Document("_id", "only-acknowledged")).first())
                .doesNotContainKey(OutboxEvent.PENDING_SINCE_FIELD);
        assertThat(outboxOf("appended-meanwhile")).containsExactly("e3");
        assertThat(outboxOf("same-size-other-event")).containsExactly("e4");
        assertThat(parcels.find(new Document("_id", "appended-meanwhile")).first())
                .containsKey(OutboxEvent.PENDING_SINCE_FIELD);
        assertThat(parcels.find(new Document("_id", "same-size-other-event")).first())
                .containsKey(OutboxEvent.PENDING_SINCE_FIELD);
    }

    private static Document pending(String id, String... eventIds) {
        return new Document("_id", id).append(OutboxEvent.OUTBOX_FIELD, Arrays.stream(eventIds)
                        .map(eventId -> new Document("eventId", eventId)).toList())
                .append(OutboxEvent.PENDING_SINCE_FIELD, new Date());
    }

    private List<String> outboxOf(String id) {
        return mongo.getCollection("parcels").find(new Document("_id", id)).first()
                .getList(OutboxEvent.OUTBOX_FIELD, Document.class).stream()
                .map(event -> event.getString("eventId")).toList();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
