package vn.neuguong.reporting.aggregate;

import java.time.Clock;
import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import vn.neuguong.contracts.Topics;

/**
 * Copies the aggregates from {@code neuguong.aggregates} into MongoDB for the API. The records hold absolute
 * values, so writing one again (redelivery after a crash, a rebalance, a replay) changes nothing. It reads only
 * committed records: the aggregator writes in transactions, and an aborted one must never be seen.
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

    @KafkaListener(topics = Topics.AGGREGATES, groupId = "#{__listener.groupId}", properties = {
            "isolation.level=read_committed",
            "auto.offset.reset=earliest",
            "key.deserializer=org.apache.kafka.common.serialization.StringDeserializer",
            "value.deserializer=org.apache.kafka.common.serialization.StringDeserializer"})
    void write(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return;
        }
        UnitYearAggregate aggregate = jsonMapper.readValue(record.value(), UnitYearAggregate.class);
        if (store.write(aggregate) && aggregate.lastEventTime() != null) {
            freshness.record(Duration.between(aggregate.lastEventTime(), clock.instant()));
        }
    }
}
