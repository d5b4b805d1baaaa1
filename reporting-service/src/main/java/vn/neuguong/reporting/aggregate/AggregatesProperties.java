package vn.neuguong.reporting.aggregate;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param applicationId  the Kafka Streams application id (consumer group, prefix of internal topics): the
 *                       generation of the aggregation. A new id rebuilds every aggregate from offset 0 and
 *                       replaces the live figures once it has caught up (ADR 0001); it must change whenever the
 *                       contributions or the internal record format change
 * @param stateDir       where the state stores (RocksDB) live; restored from their changelogs when lost
 * @param commitInterval how often results are committed (and become visible downstream) under exactly-once
 * @param source         CloudEvents {@code source} of the aggregate records
 * @param instanceId     a name of this instance that survives its restarts (e.g. {@code reporting-service-2}), unique
 *                       among the instances: makes it a static member of the Kafka Streams group, so a restarted
 *                       instance takes its tasks back at once instead of waiting for the session timeout of the
 *                       process it replaces; none (the default) for dynamic membership
 */
@ConfigurationProperties("neuguong.aggregates")
public record AggregatesProperties(String applicationId, Path stateDir, Duration commitInterval, String source,
        String instanceId) {

    public AggregatesProperties {
        applicationId = applicationId == null ? "reporting-aggregates-v2" : applicationId;
        stateDir = stateDir == null ? Path.of(System.getProperty("java.io.tmpdir"), "neuguong-kafka-streams") : stateDir;
        commitInterval = commitInterval == null ? Duration.ofMillis(100) : commitInterval;
        source = source == null ? "/reporting-service/aggregates" : source;
        instanceId = instanceId == null || instanceId.isBlank() ? null : instanceId;
    }

    /** The consumer group writing the aggregates to MongoDB; follows the application id, so a rebuild gets its own. */
    public String writerGroupId() {
        return applicationId + "-mongodb-writer";
    }
}
