package vn.neuguong.bench.scenario;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.bson.Document;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import vn.neuguong.aggregation.AggregationTopology;
import vn.neuguong.aggregation.PledgeEvents;
import vn.neuguong.aggregation.UnitYearAggregate;
import vn.neuguong.bench.cost.ProcessCpu;
import vn.neuguong.bench.kafka.TopicToEnd;
import vn.neuguong.contracts.Topics;

/**
 * Replays the pledge topic from offset 0 into a fresh aggregation — the reporting service's own topology, under a
 * new application id, exactly-once, writing to a topic of its own — and reports events per second and whether
 * every unit's pledge figures equal the live ones. Events per second are given from the start (group join and
 * task assignment included) and from the moment the application is running. Run it while nothing is being
 * written, or the live figures move on during the replay. Its cost is the CPU time from the start until the
 * replay has committed, per event; the topology runs in the bench's own JVM.
 */
public final class Rebuild {

    private static final String PLEDGE_PREFIX = "pledges.";
    private static final Duration PATIENCE = Duration.ofMinutes(30);

    private final ProcessCpu cpu;
    private final String bootstrapServers;
    private final String mongoUri;
    private final Duration commitInterval;
    private final int threads;
    private final JsonMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    public Rebuild(ProcessCpu cpu, String bootstrapServers, String mongoUri, Duration commitInterval, int threads) {
        this.cpu = cpu;
        this.bootstrapServers = bootstrapServers;
        this.mongoUri = mongoUri;
        this.commitInterval = commitInterval;
        this.threads = threads;
    }

    public Map<String, Object> run() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String applicationId = "bench-rebuild-" + run;
        String outputTopic = "neuguong.bench.rebuild-" + run;
        Path stateDir = Files.createTempDirectory("neuguong-rebuild");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Map<TopicPartition, Long> ends = endOffsets(admin, Topics.PLEDGE_EVENTS);
            long events = ends.values().stream().mapToLong(Long::longValue).sum()
                    - beginningOffsets(admin, Topics.PLEDGE_EVENTS).values().stream().mapToLong(Long::longValue).sum();
            admin.createTopics(List.of(new NewTopic(outputTopic, ends.size(), (short) 1))).all().get();
            Map<String, Map<String, Long>> live = livePledgeFigures();

            StreamsBuilder builder = new StreamsBuilder();
            new AggregationTopology(List.of(new PledgeEvents(json)), Clock.systemUTC(), "/bench/rebuild",
                    commitInterval)
                    .addTo(builder, outputTopic);
            Properties config = streamsConfig(applicationId, stateDir);
            ProcessCpu.Sample window = cpu.sample();
            long started = System.nanoTime();
            AtomicLong running = new AtomicLong();
            double seconds;
            double secondsRunning;
            Map<String, Object> cost;
            try (KafkaStreams streams = new KafkaStreams(builder.build(config), config)) {
                streams.setStateListener((now, before) -> {
                    if (now == KafkaStreams.State.RUNNING) {
                        running.compareAndSet(0, System.nanoTime());
                    }
                });
                streams.start();
                long finished = awaitCommitted(admin, applicationId, ends);
                cost = cpu.costSince(window, "event", events);
                seconds = (finished - started) / 1e9;
                secondsRunning = (finished - (running.get() == 0 ? started : running.get())) / 1e9;
                streams.close(Duration.ofSeconds(30));
                streams.cleanUp();
            }
            Map<String, Map<String, Long>> rebuilt = rebuiltPledgeFigures(outputTopic);
            admin.deleteTopics(List.of(outputTopic));

            List<String> differences = differences(live, rebuilt);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("scenario", "rebuild");
            result.put("topic", Topics.PLEDGE_EVENTS);
            result.put("partitions", ends.size());
            result.put("events", events);
            result.put("commitIntervalMs", commitInterval.toMillis());
            result.put("streamThreads", threads);
            result.put("seconds", Math.round(seconds * 100) / 100.0);
            result.put("eventsPerSecond", Math.round(events / seconds));
            result.put("secondsRunning", Math.round(secondsRunning * 100) / 100.0);
            result.put("eventsPerSecondRunning", Math.round(events / secondsRunning));
            result.put("unitYears", rebuilt.size());
            result.put("equalsLive", differences.isEmpty());
            result.put("differences", differences.stream().limit(20).toList());
            result.put("cost", cost);
            return result;
        } finally {
            deleteRecursively(stateDir);
        }
    }

    private Properties streamsConfig(String applicationId, Path stateDir) {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitInterval.toMillis());
        config.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        config.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
        config.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        return config;
    }

    /**
     * Until the rebuild has committed (exactly-once: with its results) every event that was there at the start, and
     * its second stage every delta the first one passed it through the repartition topic. The first stage sends the
     * deltas of an interval on at its end, so the end of the repartition topic must also stand still for a few
     * intervals; returns when it was first reached.
     */
    private long awaitCommitted(Admin admin, String groupId, Map<TopicPartition, Long> ends) throws Exception {
        String repartitionTopic = groupId + "-" + AggregationTopology.REPARTITION_TOPIC_SUFFIX;
        long settle = 3 * commitInterval.toNanos() + 200_000_000L;
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        Map<TopicPartition, Long> repartitionEnds = null;
        long reachedAt = 0;
        while (System.nanoTime() < deadline) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                    .partitionsToOffsetAndMetadata().get();
            if (reached(committed, ends) && admin.listTopics().names().get().contains(repartitionTopic)) {
                Map<TopicPartition, Long> now = endOffsets(admin, repartitionTopic);
                if (!now.equals(repartitionEnds)) {
                    repartitionEnds = now;
                    reachedAt = 0;
                }
                if (reached(committed, repartitionEnds)) {
                    reachedAt = reachedAt == 0 ? System.nanoTime() : reachedAt;
                    if (System.nanoTime() - reachedAt >= settle) {
                        return reachedAt;
                    }
                }
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("The rebuild did not finish within " + PATIENCE);
    }

    private static boolean reached(Map<TopicPartition, OffsetAndMetadata> committed, Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(end -> end.getValue() == 0
                || (committed.get(end.getKey()) != null && committed.get(end.getKey()).offset() >= end.getValue()));
    }

    /** The pledge counters of every unit and year in the reporting service's aggregate store. */
    private Map<String, Map<String, Long>> livePledgeFigures() {
        Map<String, Map<String, Long>> live = new TreeMap<>();
        try (MongoClient client = MongoClients.create(mongoUri)) {
            for (Document aggregate : client.getDatabase("neuguong_reporting").getCollection("aggregates").find()) {
                Map<String, Long> counters = new TreeMap<>();
                flatten("", aggregate.get("counters", Document.class), counters);
                live.put(aggregate.getString("_id"), pledgeCounters(counters));
            }
        }
        live.values().removeIf(Map::isEmpty);
        return live;
    }

    private static void flatten(String prefix, Document nested, Map<String, Long> counters) {
        if (nested == null) {
            return;
        }
        nested.forEach((name, value) -> {
            if (value instanceof Document child) {
                flatten(prefix + name + ".", child, counters);
            } else if (value instanceof Number number) {
                counters.put(prefix + name, number.longValue());
            }
        });
    }

    /** The last figure of every unit and year on the rebuild's output topic (committed records only). */
    private Map<String, Map<String, Long>> rebuiltPledgeFigures(String topic) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Map<String, Map<String, Long>> rebuilt = new TreeMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            TopicToEnd.read(consumer, topic, record -> rebuilt.put(record.key(),
                    pledgeCounters(json.readValue(record.value(), UnitYearAggregate.class).counters())));
        }
        rebuilt.values().removeIf(Map::isEmpty);
        return rebuilt;
    }

    private static Map<String, Long> pledgeCounters(Map<String, Long> counters) {
        Map<String, Long> pledges = new TreeMap<>();
        counters.forEach((name, value) -> {
            if (name.startsWith(PLEDGE_PREFIX) && value != 0) {
                pledges.put(name, value);
            }
        });
        return pledges;
    }

    private static List<String> differences(Map<String, Map<String, Long>> live, Map<String, Map<String, Long>> rebuilt) {
        List<String> differences = new ArrayList<>();
        Map<String, Map<String, Long>> all = new TreeMap<>(live);
        rebuilt.forEach(all::putIfAbsent);
        for (String unitYear : all.keySet()) {
            Map<String, Long> expected = live.getOrDefault(unitYear, Map.of());
            Map<String, Long> actual = rebuilt.getOrDefault(unitYear, Map.of());
            if (!expected.equals(actual)) {
                differences.add(unitYear + ": live " + expected + " ≠ rebuilt " + actual);
            }
        }
        return differences;
    }

    private static Map<TopicPartition, Long> endOffsets(Admin admin, String topic) throws Exception {
        return offsets(admin, topic, OffsetSpec.latest());
    }

    private static Map<TopicPartition, Long> beginningOffsets(Admin admin, String topic) throws Exception {
        return offsets(admin, topic, OffsetSpec.earliest());
    }

    private static Map<TopicPartition, Long> offsets(Admin admin, String topic, OffsetSpec spec) throws Exception {
        int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        for (int partition = 0; partition < partitions; partition++) {
            request.put(new TopicPartition(topic, partition), spec);
        }
        Map<TopicPartition, Long> offsets = new HashMap<>();
        admin.listOffsets(request).all().get().forEach((partition, info) -> offsets.put(partition, info.offset()));
        return offsets;
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
