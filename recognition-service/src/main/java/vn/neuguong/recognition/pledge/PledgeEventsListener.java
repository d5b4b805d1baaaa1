package vn.neuguong.recognition.pledge;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import vn.neuguong.contracts.Topics;
import vn.neuguong.contracts.pledge.PledgeChanged;

/**
 * Keeps {@link PledgeEvaluations} up to date from {@code neuguong.pledge.events}. A record that cannot be read
 * fails, and the platform's error handler sends it to {@code neuguong.pledge.events.dlq} with the reason.
 */
@Component
class PledgeEventsListener {

    private final PledgeEvaluations evaluations;
    private final JsonMapper reader;
    private final Counter applied;
    private final Counter skipped;

    PledgeEventsListener(PledgeEvaluations evaluations, JsonMapper jsonMapper, MeterRegistry meters) {
        this.evaluations = evaluations;
        // Events may gain fields over time: a reader tolerates what it does not know.
        this.reader = jsonMapper.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        this.applied = meters.counter("neuguong.recognition.pledge-events", "outcome", "applied");
        this.skipped = meters.counter("neuguong.recognition.pledge-events", "outcome", "duplicate-or-older");
    }

    @KafkaListener(topics = Topics.PLEDGE_EVENTS, groupId = "${neuguong.recognition.pledge-events-group:recognition-service.pledge-evaluations}")
    void on(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            throw new IllegalArgumentException("a pledge event has no data");
        }
        PledgeChanged event = reader.readValue(record.value(), PledgeChanged.class);
        if (event.pledgeId() == null || event.version() < 1 || event.to() == null || event.to().status() == null) {
            throw new IllegalArgumentException("a pledge event needs pledgeId, version >= 1 and to.status");
        }
        (evaluations.apply(event) ? applied : skipped).increment();
    }
}
