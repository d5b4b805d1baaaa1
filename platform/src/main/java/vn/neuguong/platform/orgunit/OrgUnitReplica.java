package vn.neuguong.platform.orgunit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
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
import vn.neuguong.contracts.orgunit.OrgUnit;
import vn.neuguong.contracts.orgunit.OrgUnitChanged;
import vn.neuguong.platform.web.ServiceUnavailableException;

/**
 * An in-memory replica of the compacted {@code neuguong.org-units} topic. Like a global table, every instance
 * reads every partition from the beginning (no consumer group), so each instance answers from the whole
 * registry. It is ready once it has read up to the end offsets it saw when it started. It also keeps its lag
 * against the topic's current end (refreshed every second): a unit it does not know while it is behind may simply
 * not have arrived yet, so that is a 503, never a "no such unit".
 */
public class OrgUnitReplica implements OrgUnitDirectory, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OrgUnitReplica.class);

    private final Map<String, Object> consumerConfig;
    private final KafkaProducer<String, String> deadLetters;
    private final JsonMapper jsonMapper;
    private final Map<String, OrgUnit> units = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean();
    private final Counter unreadable;
    private static final Duration END_REFRESH = Duration.ofSeconds(1);

    private volatile boolean ready;
    private volatile long lag = Long.MAX_VALUE;
    private volatile KafkaConsumer<String, String> consumer;
    private Thread worker;

    public OrgUnitReplica(Map<String, Object> consumerConfig, KafkaProducer<String, String> deadLetters,
            JsonMapper jsonMapper, MeterRegistry meters) {
        this.consumerConfig = consumerConfig;
        this.deadLetters = deadLetters;
        // Events may gain fields over time: a reader tolerates what it does not know.
        this.jsonMapper = jsonMapper.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        this.unreadable = Counter.builder("neuguong.events.dead-lettered").tag("topic", Topics.ORG_UNITS)
                .register(meters);
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

    public int size() {
        return units.size();
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

    private void run() {
        Properties config = new Properties();
        config.putAll(consumerConfig);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        try (KafkaConsumer<String, String> kafka = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            consumer = kafka;
            List<TopicPartition> partitions = awaitPartitions(kafka);
            kafka.assign(partitions);
            kafka.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = kafka.endOffsets(partitions, Duration.ofSeconds(30));
            long endReadAt = System.nanoTime();
            while (running.get()) {
                for (ConsumerRecord<String, String> record : kafka.poll(Duration.ofMillis(200))) {
                    apply(record);
                }
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
        } catch (WakeupException e) {
            // stopping
        } catch (RuntimeException e) {
            if (running.get()) {
                log.error("Org-unit replica stopped reading; restarting in 1 s", e);
                sleepQuietly();
                if (running.get()) {
                    run();
                }
            }
        }
    }

    private List<TopicPartition> awaitPartitions(KafkaConsumer<String, String> kafka) {
        while (running.get()) {
            try {
                List<PartitionInfo> infos = kafka.partitionsFor(Topics.ORG_UNITS, Duration.ofSeconds(10));
                if (infos != null && !infos.isEmpty()) {
                    return infos.stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
                }
            } catch (org.apache.kafka.common.errors.TimeoutException e) {
                log.info("Waiting for topic {}: {}", Topics.ORG_UNITS, e.getMessage());
            }
            sleepQuietly();
        }
        throw new WakeupException();
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
        KafkaConsumer<String, String> current = consumer;
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
