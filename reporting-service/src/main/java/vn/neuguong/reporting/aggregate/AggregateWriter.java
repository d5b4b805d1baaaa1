package vn.neuguong.reporting.aggregate;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import vn.neuguong.aggregation.UnitYearAggregate;
import vn.neuguong.aggregation.UnitYearDelta;
import vn.neuguong.contracts.Topics;

/**
 * Copies the aggregates from {@code neuguong.aggregates} into MongoDB for the API, per poll in one bulk write of
 * the latest figure of each unit and year. The records hold absolute values, so writing one again (redelivery
 * after a crash, a rebalance, a replay) changes nothing, and only the latest of a poll matters. It reads only
 * committed records: the aggregator writes in transactions, and an aborted one must never be seen.
 * <p>
 * A record that cannot be read goes to the dead-letter topic (the platform's error handler); when the database
 * is unavailable the poll is written again, backing off, until it is back — a figure is published only once, so
 * a lost one would stay stale until its unit changes again.
 */
@Component
class AggregateWriter {

    private final AggregateStore store;
    private final AggregatesProperties properties;
    private final Clock clock;
    private final Timer freshness;
    private final JsonMapper jsonMapper = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    AggregateWriter(AggregateStore store, AggregatesProperties properties, Clock clock, MeterRegistry meters) {
        this.store = store;
        this.properties = properties;
        this.clock = clock;
        this.freshness = Timer.builder("neuguong.aggregate.freshness")
                .description("From the time of an event to its aggregate being written to MongoDB")
                .publishPercentileHistogram()
                .register(meters);
    }

    public String getGroupId() {
        return properties.writerGroupId();
    }

    @KafkaListener(topics = Topics.AGGREGATES, groupId = "#{__listener.groupId}", batch = "true", properties = {
            "isolation.level=read_committed",
            "auto.offset.reset=earliest",
            "key.deserializer=org.apache.kafka.common.serialization.StringDeserializer",
            "value.deserializer=org.apache.kafka.common.serialization.StringDeserializer"})
    void write(List<ConsumerRecord<String, String>> records) {
        Map<String, UnitYearAggregate> latest = new LinkedHashMap<>();
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, String> record = records.get(i);
            if (record.value() == null) {
                continue;
            }
            UnitYearAggregate aggregate;
            try {
                aggregate = jsonMapper.readValue(record.value(), UnitYearAggregate.class);
            } catch (JacksonException e) {
                writeOrRetry(latest);
                throw new BatchListenerFailedException("Not an aggregate: " + e.getOriginalMessage(), e, i);
            }
            latest.merge(UnitYearDelta.key(aggregate.unitId(), aggregate.year()), aggregate,
                    (known, later) -> later.asOf().isAfter(known.asOf()) ? later : known);
        }
        writeOrRetry(latest);
    }

    /** Writes; when the database fails, the whole poll is delivered again, from its first record. */
    private void writeOrRetry(Map<String, UnitYearAggregate> latest) {
        List<UnitYearAggregate> written;
        try {
            written = store.write(new ArrayList<>(latest.values()));
        } catch (RuntimeException e) {
            throw new BatchListenerFailedException("Cannot write the aggregates", e, 0);
        }
        latest.clear();
        for (UnitYearAggregate aggregate : written) {
            if (aggregate.lastEventTime() != null) {
                freshness.record(Duration.between(aggregate.lastEventTime(), clock.instant()));
            }
        }
    }
}
