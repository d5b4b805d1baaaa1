package vn.neuguong.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.context.TestPropertySource;

import vn.neuguong.contracts.Topics;
import vn.neuguong.testsupport.IntegrationTest;
import vn.neuguong.testsupport.KafkaRecords;

/**
 * An idle relay waits for a write of its instance instead of polling: with a sweep an hour away, only the wake-up
 * can publish these events within seconds.
 */
@IntegrationTest
@TestPropertySource(properties = {"neuguong.outbox.collections=crates", "neuguong.outbox.source=/neuguong/test",
        "neuguong.outbox.sweep-interval=1h", "neuguong.outbox.sweep-grace=1h"})
class OutboxRelayWakeUpIT {

    @Autowired
    MongoTemplate mongo;

    @Autowired
    OutboxEvents outboxEvents;

    record Crate(String crateId, long version) {
    }

    @Test
    void anIdleRelayPublishesAWriteOfItsInstanceAtOnce() throws InterruptedException {
        for (int write = 1; write <= 3; write++) {
            Thread.sleep(300); // the relay has gone back to waiting
            String id = "crate-" + UUID.randomUUID();
            OutboxEvent event = outboxEvents.create(Topics.REPORT_EVENTS, "vn.neuguong.test.changed.v1", id,
                    new Crate(id, 1));
            mongo.upsert(Query.query(Criteria.where("_id").is(id)),
                    outboxEvents.appendTo(new Update().set("version", 1), event), "crates");
            outboxEvents.written("crates", id);

            assertThat(KafkaRecords.await(Topics.REPORT_EVENTS, record -> id.equals(record.key()), 1,
                    Duration.ofSeconds(10))).extracting(ConsumerRecord::key).containsExactly(id);
        }
    }
}
