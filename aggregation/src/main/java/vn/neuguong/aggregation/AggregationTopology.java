package vn.neuguong.aggregation;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.ValueAndTimestamp;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import vn.neuguong.contracts.CloudEvents;
import vn.neuguong.contracts.Topics;
import vn.neuguong.contracts.aggregate.AggregateUpdated;

/**
 * The exact aggregation, per event source:
 * <pre>
 * source topic ─ apply ─┬─ unreadable, or failed to apply ────────────→ &lt;topic&gt;.dlq (reason in headers)
 *                       └─ (state store: entity id → last applied version and state)
 *                          drop if version ≤ stored version, else add new − old per (unit, year) to the
 *                          pending deltas (a changelogged store), sent on every commit interval
 *   ─ merged deltas of all sources, keyed unitId|year ─ repartition ─ sum ─ publish ─→ output (absolute, JSON)
 * </pre>
 * Run with {@code processing.guarantee=exactly_once_v2}: the store updates, the pending deltas, the sums and the
 * consumed offsets commit atomically, so nothing is applied twice or lost, whatever is delivered again. The
 * pending deltas are summed per unit and year before they cross the repartition topic, so an event costs one
 * repartition record per unit only when it is the only change of that unit in the interval. Internal records are
 * binary ({@link BinarySerdes}); only the output is JSON.
 * <p>
 * A new application id over the same sources rebuilds the figures from offset 0. While it is not {@code live}
 * it publishes nothing: its figures would be partial. When it becomes live, each task publishes every figure it
 * holds once, then every change (ADR 0001).
 */
public final class AggregationTopology {

    public static final String REASON_HEADER = "neuguong-dlt-reason";
    public static final String ORIGIN_HEADER = "neuguong-dlt-origin";
    private static final String AGGREGATES_STORE = "unit-year-aggregates";
    private static final String PUBLICATION_STORE = "unit-year-aggregates-publication";
    private static final String DELTAS = "unit-year-deltas";
    /** The internal topic (after the application id) through which the deltas reach their unit's aggregate. */
    public static final String REPARTITION_TOPIC_SUFFIX = DELTAS + "-repartition";
    private static final Duration PUBLICATION_CHECK = Duration.ofMillis(500);

    private final List<EventSource> sources;
    private final JsonMapper jsonMapper;
    private final Clock clock;
    private final String ceSource;
    private final Duration deltaInterval;
    private final DeadLetterListener deadLetters;

    /** Told of every record the topology sends to a dead-letter topic: the topic it came from, and why. */
    @FunctionalInterface
    public interface DeadLetterListener {

        /** @param reason {@code unreadable} (not an event of the topic) or {@code not-applicable} (failed to apply) */
        void deadLettered(String topic, String reason);
    }

    /**
     * @param deltaInterval how often the pending deltas are sent on; the commit interval is the natural choice
     */
    public AggregationTopology(List<EventSource> sources, Clock clock, String ceSource, Duration deltaInterval) {
        this(sources, clock, ceSource, deltaInterval, (topic, reason) -> { });
    }

    public AggregationTopology(List<EventSource> sources, Clock clock, String ceSource, Duration deltaInterval,
            DeadLetterListener deadLetters) {
        this.sources = List.copyOf(sources);
        this.jsonMapper = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        this.clock = clock;
        this.ceSource = ceSource;
        this.deltaInterval = deltaInterval;
        this.deadLetters = deadLetters;
    }

    /** Adds the aggregation to {@code builder}, publishing every figure to {@code outputTopic} from the start. */
    public KStream<String, UnitYearAggregate> addTo(StreamsBuilder builder, String outputTopic) {
        return addTo(builder, outputTopic, () -> true);
    }

    /**
     * Adds the aggregation to {@code builder}, writing the figures to {@code outputTopic} once {@code live}; returns
     * them.
     */
    public KStream<String, UnitYearAggregate> addTo(StreamsBuilder builder, String outputTopic, BooleanSupplier live) {
        KStream<String, UnitYearDelta> deltas = null;
        for (EventSource source : sources) {
            KStream<String, UnitYearDelta> sourceDeltas = deltasOf(builder, source);
            deltas = deltas == null ? sourceDeltas : deltas.merge(sourceDeltas, Named.as("merge-" + source.name()));
        }
        if (deltas == null) {
            throw new IllegalStateException("The aggregation needs at least one event source");
        }
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PUBLICATION_STORE),
                Serdes.String(), Serdes.Long()));
        KStream<String, UnitYearAggregate> aggregates = deltas
                .groupByKey(Grouped.with(DELTAS, Serdes.String(), BinarySerdes.DELTA))
                .aggregate(() -> UnitYearAggregate.EMPTY,
                        (key, delta, aggregate) -> aggregate.plus(delta, clock.instant()),
                        Named.as("sum-unit-year"),
                        Materialized.<String, UnitYearAggregate, KeyValueStore<Bytes, byte[]>>as(AGGREGATES_STORE)
                                .withKeySerde(Serdes.String()).withValueSerde(BinarySerdes.AGGREGATE))
                .toStream(Named.as("unit-year-aggregates-changes"))
                .process(() -> new Publishing(live), Named.as("publish-aggregates"), AGGREGATES_STORE,
                        PUBLICATION_STORE);
        aggregates.to(outputTopic, Produced.with(Serdes.String(), new JsonSerde<>(jsonMapper, UnitYearAggregate.class))
                .withName("aggregates-sink"));
        return aggregates;
    }

    private KStream<String, UnitYearDelta> deltasOf(StreamsBuilder builder, EventSource source) {
        String appliedStore = source.name() + "-applied-states";
        String pendingStore = source.name() + "-pending-deltas";
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(appliedStore),
                Serdes.String(), BinarySerdes.ENTITY_STATE));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(pendingStore),
                Serdes.String(), BinarySerdes.DELTA).withCachingEnabled());
        var branches = builder
                .stream(source.topic(), Consumed.with(Serdes.String(), Serdes.ByteArray())
                        .withName(source.name() + "-events"))
                .process(() -> new Applying(source, appliedStore, pendingStore, deltaInterval, deadLetters),
                        Named.as(source.name() + "-apply"), appliedStore, pendingStore)
                .split(Named.as(source.name() + "-"))
                .branch((key, outcome) -> outcome.deadLetter() != null, Branched.as("dead-letters"))
                .defaultBranch(Branched.as("deltas"));
        branches.get(source.name() + "-dead-letters")
                .mapValues(Outcome::deadLetter, Named.as(source.name() + "-raw"))
                .to(Topics.deadLetter(source.topic()), Produced.with(Serdes.String(), Serdes.ByteArray())
                        .withName(source.name() + "-dead-letter-sink"));
        return branches.get(source.name() + "-deltas")
                .mapValues(Outcome::delta, Named.as(source.name() + "-delta-values"));
    }

    /** What applying a record gives: the raw record for the dead-letter topic, or a delta of the aggregates. */
    private record Outcome(byte[] deadLetter, UnitYearDelta delta) {
    }

    /**
     * Applies an entity's change at most once: an event whose version is not newer than the last applied one is a
     * duplicate (relay retry, redelivery, replay) or arrives after a newer state and is dropped. A record that
     * cannot be read or applied goes to the dead-letter topic in the same transaction, so the partition flows on;
     * it is not counted until it is published again, fixed, with a newer version.
     */
    private static final class Applying implements Processor<String, byte[], String, Outcome> {

        private final EventSource source;
        private final String appliedStore;
        private final String pendingStore;
        private final Duration interval;
        private final DeadLetterListener deadLetters;
        private KeyValueStore<String, EntityState> applied;
        private KeyValueStore<String, UnitYearDelta> pending;
        private ProcessorContext<String, Outcome> context;
        /**
         * Scheduled only while deltas are pending: every wall-clock punctuation makes Kafka Streams commit the task
         * (under exactly-once, a transaction), so a punctuation on every interval made each idle task commit ten
         * times a second, forever.
         */
        private Cancellable sending;

        Applying(EventSource source, String appliedStore, String pendingStore, Duration interval,
                DeadLetterListener deadLetters) {
            this.source = source;
            this.appliedStore = appliedStore;
            this.pendingStore = pendingStore;
            this.interval = interval;
            this.deadLetters = deadLetters;
        }

        @Override
        public void init(ProcessorContext<String, Outcome> context) {
            this.context = context;
            this.applied = context.getStateStore(appliedStore);
            this.pending = context.getStateStore(pendingStore);
            try (KeyValueIterator<String, UnitYearDelta> restored = pending.all()) {
                if (restored.hasNext()) {
                    scheduleSending();
                }
            }
        }

        private void scheduleSending() {
            sending = context.schedule(interval, PunctuationType.WALL_CLOCK_TIME, this::sendPending);
        }

        @Override
        public void process(Record<String, byte[]> record) {
            List<UnitYearDelta> deltas;
            try {
                EntityChange change = source.read(record.key(), record.value(), record.timestamp());
                EntityState previous = applied.get(change.entityId());
                if (previous != null && change.version() <= previous.version()) {
                    return;
                }
                deltas = Deltas.between(previous, change);
                applied.put(change.entityId(), EntityState.of(change));
            } catch (UnreadableEventException e) {
                deadLetter(record, e.getMessage());
                deadLetters.deadLettered(source.topic(), "unreadable");
                return;
            } catch (RuntimeException e) {
                deadLetter(record, "cannot be applied: " + e);
                deadLetters.deadLettered(source.topic(), "not-applicable");
                return;
            }
            for (UnitYearDelta delta : deltas) {
                String key = UnitYearDelta.key(delta.unitId(), delta.year());
                UnitYearDelta sum = pending.get(key);
                pending.put(key, sum == null ? delta : sum.plus(delta));
            }
            if (!deltas.isEmpty() && sending == null) {
                scheduleSending();
            }
        }

        private void deadLetter(Record<String, byte[]> record, String reason) {
            Headers headers = new RecordHeaders(record.headers().toArray());
            headers.add(REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
            context.recordMetadata().ifPresent(origin -> headers.add(ORIGIN_HEADER,
                    (origin.topic() + "-" + origin.partition() + "@" + origin.offset())
                            .getBytes(StandardCharsets.UTF_8)));
            context.forward(record.withValue(new Outcome(record.value(), null)).withHeaders(headers));
        }

        /** Sends the summed deltas on and forgets them, in the transaction that commits next. */
        private void sendPending(long now) {
            List<KeyValue<String, UnitYearDelta>> due = new ArrayList<>();
            try (KeyValueIterator<String, UnitYearDelta> all = pending.all()) {
                all.forEachRemaining(due::add);
            }
            for (KeyValue<String, UnitYearDelta> delta : due) {
                pending.delete(delta.key);
                if (!delta.value.counters().isEmpty()) {
                    // the events' CloudEvents headers describe the events, not the deltas derived from them
                    context.forward(new Record<>(delta.key, new Outcome(null, delta.value), now, new RecordHeaders()));
                }
            }
            sending.cancel();
            sending = null;
        }
    }

    /**
     * Publishes the figures once the aggregation is live: then every figure this task holds once (with a fresh
     * {@code asOf}, so it replaces what an earlier generation published), and from then on every change. Whether
     * the task did so is kept in a changelogged store, so a restart or a moved task does not do it again.
     */
    private final class Publishing implements Processor<String, UnitYearAggregate, String, UnitYearAggregate> {

        private static final String PUBLISHED = "published";
        private final BooleanSupplier live;
        private ProcessorContext<String, UnitYearAggregate> context;
        private KeyValueStore<String, ValueAndTimestamp<UnitYearAggregate>> aggregates;
        private KeyValueStore<String, Long> publication;
        /** Until this task has published (a punctuation commits the task: see {@code Applying#sending}). */
        private Cancellable waitingForLive;

        Publishing(BooleanSupplier live) {
            this.live = live;
        }

        @Override
        public void init(ProcessorContext<String, UnitYearAggregate> context) {
            this.context = context;
            this.aggregates = context.getStateStore(AGGREGATES_STORE);
            this.publication = context.getStateStore(PUBLICATION_STORE);
            if (publication.get(PUBLISHED) == null) {
                waitingForLive = context.schedule(PUBLICATION_CHECK, PunctuationType.WALL_CLOCK_TIME,
                        now -> publishAllOnceLive());
            }
        }

        @Override
        public void process(Record<String, UnitYearAggregate> record) {
            if (publication.get(PUBLISHED) != null) {
                forward(record);
            } else {
                publishAllOnceLive();
            }
        }

        private void publishAllOnceLive() {
            if (publication.get(PUBLISHED) != null || !live.getAsBoolean()) {
                return;
            }
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS).minusMillis(1);
            List<KeyValue<String, ValueAndTimestamp<UnitYearAggregate>>> all = new ArrayList<>();
            try (KeyValueIterator<String, ValueAndTimestamp<UnitYearAggregate>> figures = aggregates.all()) {
                figures.forEachRemaining(all::add);
            }
            for (KeyValue<String, ValueAndTimestamp<UnitYearAggregate>> figure : all) {
                UnitYearAggregate aggregate = figure.value.value();
                UnitYearAggregate fresh = aggregate.asOf().isBefore(now)
                        ? new UnitYearAggregate(aggregate.unitId(), aggregate.year(), aggregate.counters(),
                                aggregate.lastEventTime(), now)
                        : aggregate;
                forward(new Record<>(figure.key, fresh, figure.value.timestamp()));
            }
            publication.put(PUBLISHED, now.toEpochMilli());
            if (waitingForLive != null) {
                waitingForLive.cancel();
                waitingForLive = null;
            }
        }

        /** With CloudEvents headers; the id is unique per unit, year and computation. */
        private void forward(Record<String, UnitYearAggregate> record) {
            Instant asOf = record.value().asOf();
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
