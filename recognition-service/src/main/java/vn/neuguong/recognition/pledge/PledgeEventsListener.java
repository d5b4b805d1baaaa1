package vn.neuguong.recognition.pledge;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import vn.neuguong.contracts.Topics;
import vn.neuguong.contracts.pledge.PledgeChanged;

/**
 * Keeps {@link PledgeEvaluations} up to date from {@code neuguong.pledge.events}, per poll in one bulk write of
 * the latest event of each pledge. A record that cannot be read fails, and the platform's error handler sends it
 * to {@code neuguong.pledge.events.dlq} with the reason; when the database is unavailable the poll is delivered
 * again, backing off, until it is back.
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

    // String (de)serializers named here: the inbound channel's Spring Cloud Stream binder makes Boot's Kafka clients
    // byte-array ones, and this listener then dead-lettered every pledge event (RecognitionServiceIT$PledgeProjection)
    @KafkaListener(topics = Topics.PLEDGE_EVENTS, groupId = "${neuguong.recognition.pledge-events-group:recognition-service.pledge-evaluations}",
            batch = "true", properties = {
            "key.deserializer=org.apache.kafka.common.serialization.StringDeserializer",
            "value.deserializer=org.apache.kafka.common.serialization.StringDeserializer"})
    void on(List<ConsumerRecord<String, String>> records) {
        Map<String, PledgeChanged> latest = new LinkedHashMap<>();
        int read = 0;
        for (int i = 0; i < records.size(); i++) {
            PledgeChanged event;
            try {
                event = read(records.get(i));
            } catch (JacksonException | IllegalArgumentException e) {
                apply(latest, read);
                throw new BatchListenerFailedException(e.getMessage(), e, i);
            }
            read++;
            latest.merge(event.pledgeId(), event, (known, later) -> later.version() > known.version() ? later : known);
        }
        apply(latest, read);
    }

    private PledgeChanged read(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            throw new IllegalArgumentException("a pledge event has no data");
        }
        PledgeChanged event = reader.readValue(record.value(), PledgeChanged.class);
        if (event.pledgeId() == null || event.version() < 1 || event.to() == null || event.to().status() == null) {
            throw new IllegalArgumentException("a pledge event needs pledgeId, version >= 1 and to.status");
        }
        return event;
    }

    /** Applies the latest events of the records read; if the database fails, the poll comes again from its start. */
    private void apply(Map<String, PledgeChanged> latest, int read) {
        int changed;
        try {
            changed = evaluations.apply(latest.values());
        } catch (RuntimeException e) {
            throw new BatchListenerFailedException("Cannot write the pledge evaluations", e, 0);
        }
        applied.increment(changed);
        skipped.increment(read - changed);
    }
}
