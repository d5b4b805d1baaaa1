package vn.neuguong.reporting.aggregate;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import vn.neuguong.contracts.CloudEvents;
import vn.neuguong.contracts.Topics;
import vn.neuguong.contracts.aggregate.AggregateUpdated;

/**
 * The exact aggregation, per event source:
 * <pre>
 * source topic ─ read ─┬─ unreadable ─────────────────────────────→ &lt;topic&gt;.dlq (reason in headers)
 *                      └─ entity change ─ apply (state store: entity id → last applied version and state)
 *                           drop if version ≤ stored version, else emit new − old per (unit, year)
 *   ─ merged deltas of all sources, keyed unitId|year ─ repartition ─ sum ─→ neuguong.aggregates (absolute)
 * </pre>
 * Run with {@code processing.guarantee=exactly_once_v2}: the store update, the deltas, the sums and the consumed
 * offsets commit atomically, so nothing is applied twice or lost, whatever is delivered again. Build it into any
 * {@link StreamsBuilder}; a second application id over the same sources rebuilds the figures from offset 0.
 */
public final class AggregationTopology {

    public static final String REASON_HEADER = "neuguong-dlt-reason";
    public static final String ORIGIN_HEADER = "neuguong-dlt-origin";
    private static final String AGGREGATES_STORE = "unit-year-aggregates";
    private static final String DELTAS = "unit-year-deltas";
    /** The internal topic (after the application id) through which the deltas reach their unit's aggregate. */
    public static final String REPARTITION_TOPIC_SUFFIX = DELTAS + "-repartition";

    private final List<EventSource> sources;
    private final JsonMapper jsonMapper;
    private final Clock clock;
    private final String ceSource;

    public AggregationTopology(List<EventSource> sources, Clock clock, String ceSource) {
        this.sources = List.copyOf(sources);
        this.jsonMapper = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        this.clock = clock;
        this.ceSource = ceSource;
    }

    /** Adds the aggregation to {@code builder}, writing the figures to {@code outputTopic}; returns them. */
    public KStream<String, UnitYearAggregate> addTo(StreamsBuilder builder, String outputTopic) {
        KStream<String, UnitYearDelta> deltas = null;
        for (EventSource source : sources) {
            KStream<String, UnitYearDelta> sourceDeltas = deltasOf(builder, source);
            deltas = deltas == null ? sourceDeltas : deltas.merge(sourceDeltas, Named.as("merge-" + source.name()));
        }
        if (deltas == null) {
            throw new IllegalStateException("The aggregation needs at least one event source");
        }
        JsonSerde<UnitYearAggregate> aggregateSerde = new JsonSerde<>(jsonMapper, UnitYearAggregate.class);
        KStream<String, UnitYearAggregate> aggregates = deltas
                .groupByKey(Grouped.with(DELTAS, Serdes.String(),
                        new JsonSerde<>(jsonMapper, UnitYearDelta.class)))
                .aggregate(() -> UnitYearAggregate.EMPTY,
                        (key, delta, aggregate) -> aggregate.plus(delta, clock.instant()),
                        Named.as("sum-unit-year"),
                        Materialized.<String, UnitYearAggregate, KeyValueStore<Bytes, byte[]>>as(AGGREGATES_STORE)
                                .withKeySerde(Serdes.String()).withValueSerde(aggregateSerde))
                .toStream(Named.as("unit-year-aggregates-changes"))
                .process(CloudEventHeaders::new, Named.as("aggregate-cloudevent-headers"));
        aggregates.to(outputTopic, Produced.with(Serdes.String(), aggregateSerde).withName("aggregates-sink"));
        return aggregates;
    }

    private KStream<String, UnitYearDelta> deltasOf(StreamsBuilder builder, EventSource source) {
        String storeName = source.name() + "-applied-states";
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(storeName), Serdes.String(),
                new JsonSerde<>(jsonMapper, EntityState.class)));
        var branches = builder
                .stream(source.topic(), Consumed.with(Serdes.String(), Serdes.ByteArray())
                        .withName(source.name() + "-events"))
                .process(() -> new Reading(source), Named.as(source.name() + "-read"))
                .split(Named.as(source.name() + "-"))
                .branch((key, readout) -> readout.change() == null, Branched.as("unreadable"))
                .defaultBranch(Branched.as("readable"));
        branches.get(source.name() + "-unreadable")
                .mapValues(Readout::raw, Named.as(source.name() + "-raw"))
                .to(Topics.deadLetter(source.topic()), Produced.with(Serdes.String(), Serdes.ByteArray())
                        .withName(source.name() + "-dead-letters"));
        return branches.get(source.name() + "-readable")
                .mapValues(Readout::change, Named.as(source.name() + "-changes"))
                .process(() -> new Applying(storeName), Named.as(source.name() + "-apply"), storeName);
    }

    /** A read record: the change, or the raw value and why it cannot be read. */
    private record Readout(EntityChange change, byte[] raw) {
    }

    private static final class Reading implements Processor<String, byte[], String, Readout> {

        private final EventSource source;
        private ProcessorContext<String, Readout> context;

        Reading(EventSource source) {
            this.source = source;
        }

        @Override
        public void init(ProcessorContext<String, Readout> context) {
            this.context = context;
        }

        @Override
        public void process(Record<String, byte[]> record) {
            try {
                EntityChange change = source.read(record.key(), record.value(), record.timestamp());
                context.forward(record.withValue(new Readout(change, null)));
            } catch (UnreadableEventException e) {
                Headers headers = new RecordHeaders(record.headers().toArray());
                headers.add(REASON_HEADER, e.getMessage().getBytes(StandardCharsets.UTF_8));
                context.recordMetadata().ifPresent(origin -> headers.add(ORIGIN_HEADER,
                        (origin.topic() + "-" + origin.partition() + "@" + origin.offset())
                                .getBytes(StandardCharsets.UTF_8)));
                context.forward(record.withValue(new Readout(null, record.value())).withHeaders(headers));
            }
        }
    }

    /**
     * Applies an entity's change at most once: an event whose version is not newer than the last applied one is a
     * duplicate (relay retry, redelivery, replay) or arrives after a newer state and is dropped.
     */
    private static final class Applying implements Processor<String, EntityChange, String, UnitYearDelta> {

        private final String storeName;
        private KeyValueStore<String, EntityState> applied;
        private ProcessorContext<String, UnitYearDelta> context;

        Applying(String storeName) {
            this.storeName = storeName;
        }

        @Override
        public void init(ProcessorContext<String, UnitYearDelta> context) {
            this.context = context;
            this.applied = context.getStateStore(storeName);
        }

        @Override
        public void process(Record<String, EntityChange> record) {
            EntityChange change = record.value();
            EntityState previous = applied.get(change.entityId());
            if (previous != null && change.version() <= previous.version()) {
                return;
            }
            for (UnitYearDelta delta : Deltas.between(previous, change)) {
                // the event's CloudEvents headers describe the event, not the deltas derived from it
                context.forward(new Record<>(UnitYearDelta.key(delta.unitId(), delta.year()), delta,
                        record.timestamp(), new RecordHeaders()));
            }
            applied.put(change.entityId(), EntityState.of(change));
        }
    }

    /** CloudEvents headers for every aggregate record; the id is unique per unit, year and computation. */
    private final class CloudEventHeaders implements Processor<String, UnitYearAggregate, String, UnitYearAggregate> {

        private ProcessorContext<String, UnitYearAggregate> context;

        @Override
        public void init(ProcessorContext<String, UnitYearAggregate> context) {
            this.context = context;
        }

        @Override
        public void process(Record<String, UnitYearAggregate> record) {
            UnitYearAggregate aggregate = record.value();
            Instant asOf = aggregate.asOf();
            Headers headers = new RecordHeaders();
            header(headers, CloudEvents.HEADER_SPEC_VERSION, CloudEvents.SPEC_VERSION);
            header(headers, CloudEvents.HEADER_ID, record.key() + "@" + asOf.toEpochMilli());
            header(headers, CloudEvents.HEADER_TYPE, AggregateUpdated.TYPE);
            header(headers, CloudEvents.HEADER_SOURCE, ceSource);
            header(headers, CloudEvents.HEADER_TIME, asOf.toString());
            header(headers, CloudEvents.HEADER_SUBJECT, record.key());
            header(headers, CloudEvents.HEADER_CONTENT_TYPE, CloudEvents.DATA_CONTENT_TYPE);
            context.forward(record.withHeaders(headers));
        }

        private static void header(Headers headers, String name, String value) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }
}
