package vn.neuguong.platform.kafka;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param partitions        partitions of every topic; the ceiling of consumer parallelism, so chosen generously
 * @param replicationFactor 1 on the one-node local broker, 3 in production
 */
@ConfigurationProperties("neuguong.topics")
public record TopicProperties(Integer partitions, Short replicationFactor) {

    public TopicProperties {
        partitions = partitions == null ? 12 : partitions;
        replicationFactor = replicationFactor == null ? 1 : replicationFactor;
    }
}
