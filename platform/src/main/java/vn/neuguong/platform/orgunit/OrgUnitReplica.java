package vn.neuguong.platform.orgunit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import vn.neuguong.contracts.Topics;
import vn.neuguong.platform.kafka.DeadLetterCounter;
import vn.neuguong.contracts.orgunit.OrgUnit;
import vn.neuguong.contracts.orgunit.OrgUnitChanged;
import vn.neuguong.platform.web.ServiceUnavailableException;

/**
 * An in-memory replica of the compacted {@code neuguong.org-units} topic. Like a global table, every instance
 * reads every partition from the beginning (no consumer group), so each instance answers from the whole
 * registry. It is ready once it has read up to the end offsets it saw when it started. It also keeps its lag
 * against the topic's current end (refreshed every second): a unit it does not know while it is behind may simply
 * not have arrived yet, so that is a 503, never a "no such unit". While it cannot read (a broker outage), it keeps
 * answering for the units it knows, treats an unknown one as not arrived yet, and its health says it is not reading.
 */
public class OrgUnitReplica implements OrgUnitDirectory, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OrgUnitReplica.class);

    private final Supplier<Consumer<String, String>> consumers;
    private final Duration firstPause;
    private final Duration longestPause;
    private final Producer<String, String> deadLetters;
    private final JsonMapper jsonMapper;
    private final Map<String, OrgUnit> units = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean();
    private final Counter unreadable;
    private static final Duration END_REFRESH = Duration.ofSeconds(1);

    private volatile boolean ready;
    private volatile long lag = Long.MAX_VALUE;
    private volatile boolean reading;
    private volatile long pollsSinceFailure;
    private volatile Consumer<String, String> consumer;
    private Thread worker;

    public OrgUnitReplica(Map<String, Object> consumerConfig, Producer<String, String> deadLetters,
            JsonMapper jsonMapper, MeterRegistry meters) {
        this(() -> newConsumer(consumerConfig), Duration.ofSeconds(1), Duration.ofSeconds(30), deadLetters, jsonMapper,
                meters);
    }

    OrgUnitReplica(Supplier<Consumer<String, String>> consumers, Duration firstPause, Duration longestPause,
            Producer<String, String> deadLetters, JsonMapper jsonMapper, MeterRegistry meters) {
        this.consumers = consumers;
        this.firstPause = firstPause;
        this.longestPause = longestPause;
        this.deadLetters = deadLetters;
        // Events may gain fields over time: a reader tolerates what it does not know.
        this.jsonMapper = jsonMapper.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        this.unreadable = Counter.builder(DeadLetterCounter.NAME).tag("topic", Topics.ORG_UNITS)
                .tag("reason", "unreadable").register(meters);
        meters.gauge("neuguong.org-units.replica.size", units, Map::size);
    }

    @Override
    public Optional<OrgUnit> find(String id) {
        if (!ready) {
            throw new ServiceUnavailableException("The org-unit registry is still loading; retry shortly.");
        }
        Optional<OrgUnit> unit = Optional.ofNullable(id).map(units::get);
        if (unit.isEmpty() && lag > 0) {
            throw new ServiceUnavailableException("Changes to the org-unit registry are still arriving; retry shortly.");
        }
        return unit;
    }

    /** Records not yet read, against the end offsets of at most a second ago. */
    public long lag() {
        return lag;
    }

    @Override
    public boolean ready() {
        return ready;
    }

    /** False while the replica cannot read the topic (it then starts over with a fresh consumer). */
    public boolean reading() {
        return reading;
    }

    public int size() {
        return units.size();
    }

    private static Consumer<String, String> newConsumer(Map<String, Object> consumerConfig) {
        Properties config = new Properties();
        config.putAll(consumerConfig);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }

    void apply(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            units.remove(record.key());
            return;
        }
        try {
            OrgUnitChanged changed = jsonMapper.readValue(record.value(), OrgUnitChanged.class);
            if (changed.to() == null || changed.to().id() == null) {
                throw new IllegalArgumentException("event has no unit state");
            }
            units.merge(changed.to().id(), changed.to(), (known, incoming) -> incoming);
        } catch (RuntimeException e) {
            deadLetter(record, e);
        }
    }

    private void deadLetter(ConsumerRecord<String, String> record, RuntimeException reason) {
        unreadable.increment();
        log.warn("Unreadable org-unit event at {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                reason.getMessage());
        ProducerRecord<String, String> dead = new ProducerRecord<>(Topics.deadLetter(record.topic()), record.key(),
                record.value());
        record.headers().forEach(dead.headers()::add);
        dead.headers().add("neuguong-dlt-reason", String.valueOf(reason.getMessage()).getBytes(StandardCharsets.UTF_8));
        dead.headers().add("neuguong-dlt-origin",
                (record.topic() + "-" + record.partition() + "@" + record.offset()).getBytes(StandardCharsets.UTF_8));
        deadLetters.send(dead);
    }

    /**
     * Follows the topic until stopped. A failure (a long broker outage makes the offset lookups time out) closes
     * the consumer and starts over from the beginning with a fresh one after a growing pause; meanwhile the
     * replica keeps answering for the units it knows but reports that it is not reading.
     */
    private void run() {
        int failures = 0;
        while (running.get()) {
            try (Consumer<String, String> kafka = consumers.get()) {
                consumer = kafka;
                follow(kafka);
            } catch (WakeupException e) {
                // stopping
            } catch (RuntimeException e) {
                reading = false;
                lag = Long.MAX_VALUE;
                failures = pollsSinceFailure > 0 ? 1 : failures + 1;
                Duration pause = backoff(failures);
                if (failures == 1) {
                    log.error("Org-unit replica stopped reading; starting over in {}", pause, e);
                } else {
                    log.warn("Org-unit replica still cannot read ({} failures in a row: {}); starting over in {}",
                            failures, e.getMessage(), pause);
                }
                pauseWhileRunning(pause);
            } finally {
                consumer = null;
            }
        }
    }

    private void follow(Consumer<String, String> kafka) {
        pollsSinceFailure = 0;
        List<TopicPartition> partitions = awaitPartitions(kafka);
        kafka.assign(partitions);
        kafka.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = kafka.endOffsets(partitions, Duration.ofSeconds(30));
        long endReadAt = System.nanoTime();
        while (running.get()) {
            for (ConsumerRecord<String, String> record : kafka.poll(Duration.ofMillis(200))) {
                apply(record);
            }
            pollsSinceFailure++;
            reading = true;
            if (System.nanoTime() - endReadAt > END_REFRESH.toNanos()) {
                end = kafka.endOffsets(partitions, Duration.ofSeconds(10));
                endReadAt = System.nanoTime();
            }
            long behind = 0;
            for (Map.Entry<TopicPartition, Long> partitionEnd : end.entrySet()) {
                behind += Math.max(0, partitionEnd.getValue() - kafka.position(partitionEnd.getKey()));
            }
            lag = behind;
            if (!ready && behind == 0) {
                ready = true;
                log.info("Org-unit replica caught up: {} units", units.size());
            }
        }
    }

    /** Doubles from the first pause up to the longest, so an outage of hours costs a retry every few seconds. */
    Duration backoff(int failures) {
        long factor = 1L << Math.min(failures - 1, 20);
        Duration pause = firstPause.multipliedBy(factor);
        return pause.compareTo(longestPause) > 0 ? longestPause : pause;
    }

    private List<TopicPartition> awaitPartitions(Consumer<String, String> kafka) {
        while (running.get()) {
            try {
                List<PartitionInfo> infos = kafka.partitionsFor(Topics.ORG_UNITS, Duration.ofSeconds(10));
                if (infos != null && !infos.isEmpty()) {
                    return infos.stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
                }
            } catch (org.apache.kafka.common.errors.TimeoutException e) {
                log.info("Waiting for topic {}: {}", Topics.ORG_UNITS, e.getMessage());
            }
            pauseWhileRunning(firstPause);
        }
        throw new WakeupException();
    }

    private void pauseWhileRunning(Duration pause) {
        long until = System.nanoTime() + pause.toNanos();
        try {
            while (running.get() && System.nanoTime() < until) {
                Thread.sleep(Math.max(1, Math.min(100, (until - System.nanoTime()) / 1_000_000)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.set(false);
        }
    }

    @Override
    public void start() {
        if (running.compareAndSet(false, true)) {
            worker = new Thread(this::run, "org-unit-replica");
            worker.setDaemon(true);
            worker.start();
        }
    }

    @Override
    public void stop() {
        running.set(false);
        Consumer<String, String> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (worker != null) {
            try {
                worker.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        deadLetters.close(Duration.ofSeconds(5));
    }

    @Override
    public boolean isRunning() {
        return running.get();
    }
}
