package vn.neuguong.reporting.aggregate;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import com.mongodb.MongoException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

import vn.neuguong.aggregation.AggregationTopology;

/**
 * Whether this generation of the aggregation (its application id) may publish into the live aggregates
 * (ADR 0001). A generation that has never been live is rebuilding from offset 0: it becomes live once it has
 * committed every source event that existed when it started and every delta its first stage passed on from them
 * (the end of the repartition topic stood still between two checks and is committed) — its lag is zero — and
 * says so in the {@link GenerationStore}, so that every instance and every restart knows.
 */
class GenerationSwitch implements BooleanSupplier, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GenerationSwitch.class);
    private static final Duration CHECK_EVERY = Duration.ofSeconds(1);

    private final String applicationId;
    private final List<String> sourceTopics;
    private final Admin admin;
    private final GenerationStore generations;
    private final Clock clock;
    private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
    private volatile boolean live;
    private Map<TopicPartition, Long> sourceTarget;
    private Map<TopicPartition, Long> repartitionTarget;

    GenerationSwitch(String applicationId, List<String> sourceTopics, Admin admin, GenerationStore generations,
            Clock clock) {
        this.applicationId = applicationId;
        this.sourceTopics = List.copyOf(sourceTopics);
        this.admin = admin;
        this.generations = generations;
        this.clock = clock;
        scheduler.setThreadNamePrefix("aggregates-generation-");
        scheduler.initialize();
        scheduler.scheduleWithFixedDelay(this::check, CHECK_EVERY);
    }

    @Override
    public boolean getAsBoolean() {
        return live;
    }

    private void check() {
        if (live) {
            return;
        }
        try {
            if (generations.isLive(applicationId)) {
                goLive("recorded earlier");
                return;
            }
            if (sourceTarget == null) {
                sourceTarget = endOffsets(sourceTopics);
            }
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(applicationId)
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            if (!reached(committed, sourceTarget)) {
                return;
            }
            // deltas still pending when the sources were committed reach the repartition topic within a delta
            // interval: its end must stand still from one check to the next, and be committed
            Map<TopicPartition, Long> repartitionEnds = endOffsets(
                    List.of(applicationId + "-" + AggregationTopology.REPARTITION_TOPIC_SUFFIX));
            if (repartitionEnds.equals(repartitionTarget) && reached(committed, repartitionEnds)) {
                generations.recordLive(applicationId, clock.instant());
                goLive("caught up with every event");
            }
            repartitionTarget = repartitionEnds;
        } catch (ExecutionException | TimeoutException | KafkaException | MongoException | DataAccessException e) {
            log.warn("Cannot tell yet whether aggregation {} has caught up: {}", applicationId, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void goLive(String why) {
        live = true;
        log.info("Aggregation {} is live ({}): it publishes its figures", applicationId, why);
        scheduler.shutdown();
    }

    private static boolean reached(Map<TopicPartition, OffsetAndMetadata> committed, Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(end -> end.getValue() == 0
                || (committed.get(end.getKey()) != null && committed.get(end.getKey()).offset() >= end.getValue()));
    }

    /** The end offsets of every partition of these topics; a topic that does not exist yet has none. */
    private Map<TopicPartition, Long> endOffsets(List<String> topics)
            throws ExecutionException, InterruptedException, TimeoutException {
        Set<String> existingTopics = existingTopics();
        List<String> existing = topics.stream().filter(existingTopics::contains).toList();
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        admin.describeTopics(existing).allTopicNames().get(10, TimeUnit.SECONDS).forEach((topic, description) ->
                description.partitions().forEach(partition ->
                        request.put(new TopicPartition(topic, partition.partition()), OffsetSpec.latest())));
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(request).all().get(10, TimeUnit.SECONDS)
                .forEach((partition, info) -> ends.put(partition, info.offset()));
        return ends;
    }

    private Set<String> existingTopics() throws ExecutionException, InterruptedException, TimeoutException {
        return admin.listTopics().names().get(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        scheduler.shutdown();
        admin.close(Duration.ofSeconds(5));
    }
}
