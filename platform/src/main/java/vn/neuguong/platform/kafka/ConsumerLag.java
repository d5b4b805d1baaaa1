package vn.neuguong.platform.kafka;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How far this service's consumer groups are behind, per group and topic, from the group's committed offsets:
 * {@code neuguong.consumer.lag.records} (records not yet consumed) and {@code neuguong.consumer.lag.seconds} (the
 * age of the oldest of them: how long the oldest unconsumed record has been waiting). A record count alone cannot
 * tell a stuck consumer of a quiet topic from a busy one that keeps up; the age can. Refreshed every
 * {@code interval} on a thread of its own; every instance of a service reports the same figures of its groups.
 */
public final class ConsumerLag implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ConsumerLag.class);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(2);

    private final Admin admin;
    private final KafkaConsumer<byte[], byte[]> reader;
    private final Supplier<Collection<String>> groups;
    private final MeterRegistry meters;
    private final Clock clock;
    private final Map<List<String>, Figures> figures = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "consumer-lag");
        thread.setDaemon(true);
        return thread;
    });

    /** The lag of one group on one topic; the gauges read it. */
    private static final class Figures {
        final AtomicLong records = new AtomicLong();
        final AtomicLong millis = new AtomicLong();
    }

    /**
     * @param consumerConfig the settings of a consumer without a group that reads the timestamps of the oldest
     *                       unconsumed records (its group, offsets and deserializers are its own)
     */
    public ConsumerLag(Map<String, Object> adminConfig, Map<String, Object> consumerConfig,
            Supplier<Collection<String>> groups, MeterRegistry meters, Clock clock) {
        this.admin = Admin.create(adminConfig);
        Properties readerConfig = new Properties();
        readerConfig.putAll(consumerConfig);
        readerConfig.remove(ConsumerConfig.GROUP_ID_CONFIG);
        readerConfig.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        readerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        readerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        readerConfig.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1);
        readerConfig.put(ConsumerConfig.CLIENT_ID_CONFIG, "consumer-lag-" + Long.toHexString(System.nanoTime()));
        this.reader = new KafkaConsumer<>(readerConfig, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.groups = groups;
        this.meters = meters;
        this.clock = clock;
    }

    public void start(Duration interval) {
        scheduler.scheduleWithFixedDelay(this::refreshQuietly, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (Exception e) {
            log.debug("Consumer lag not refreshed: {}", e.toString());
        }
    }

    /** Reads the committed offsets, end offsets and oldest waiting records of every group, and updates the gauges. */
    void refresh() throws Exception {
        for (String group : groups.get()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            committed.values().removeIf(offset -> offset == null);
            if (committed.isEmpty()) {
                continue;
            }
            Map<TopicPartition, ListOffsetsResultInfo> ends = admin.listOffsets(committed.keySet().stream()
                    .collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest())))
                    .all().get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            Map<String, long[]> byTopic = new HashMap<>();
            committed.forEach((partition, offset) -> {
                long[] topic = byTopic.computeIfAbsent(partition.topic(), t -> new long[] {0, 0});
                long behind = ends.get(partition).offset() - offset.offset();
                if (behind <= 0) {
                    return;
                }
                Long waitingSince = timestampAt(partition, offset.offset());
                // nothing to read at the committed offset: only a transaction marker lies between it and the end
                if (waitingSince != null) {
                    topic[0] += behind;
                    topic[1] = Math.max(topic[1], clock.millis() - waitingSince);
                }
            });
            byTopic.forEach((topic, lag) -> {
                Figures figures = figuresOf(group, topic);
                figures.records.set(lag[0]);
                figures.millis.set(Math.max(0, lag[1]));
            });
        }
    }

    /** The timestamp of the first record at or after {@code offset}, or null when there is none to read. */
    private Long timestampAt(TopicPartition partition, long offset) {
        reader.assign(List.of(partition));
        reader.seek(partition, offset);
        for (ConsumerRecord<byte[], byte[]> record : reader.poll(FETCH_TIMEOUT)) {
            return record.timestamp();
        }
        return null;
    }

    private Figures figuresOf(String group, String topic) {
        return figures.computeIfAbsent(List.of(group, topic), key -> {
            Figures created = new Figures();
            Gauge.builder("neuguong.consumer.lag.records", created.records, AtomicLong::get)
                    .description("Records a consumer group has not consumed yet").tag("group", group)
                    .tag("topic", topic).register(meters);
            Gauge.builder("neuguong.consumer.lag.seconds", created.millis, millis -> millis.get() / 1000.0)
                    .description("Age of the oldest record a consumer group has not consumed yet")
                    .tag("group", group).tag("topic", topic).baseUnit("seconds").register(meters);
            return created;
        });
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        reader.close(Duration.ofSeconds(2));
        admin.close(Duration.ofSeconds(2));
    }
}
