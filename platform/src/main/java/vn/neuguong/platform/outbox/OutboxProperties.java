package vn.neuguong.platform.outbox;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param collections   MongoDB collections whose documents carry an outbox; the relay runs only if non-empty
 * @param source        CloudEvents {@code source} of this service's events
 * @param batchSize     owner documents published per round
 * @param lease         how long a sweep's claim keeps other instances' relays away from the same documents
 * @param sweepInterval how often the relay looks for every pending document, whatever the load
 * @param sweepGrace    how long a document may wait for the relay of the instance that wrote it before any relay's
 *                      sweep takes it (another instance's, a crashed one's, or one left while Kafka was down)
 */
@ConfigurationProperties("neuguong.outbox")
public record OutboxProperties(List<String> collections, String source, Integer batchSize, Duration lease,
        Duration sweepInterval, Duration sweepGrace) {

    public OutboxProperties {
        collections = collections == null ? List.of() : List.copyOf(collections);
        source = source == null ? "/neuguong" : source;
        batchSize = batchSize == null ? 500 : batchSize;
        lease = lease == null ? Duration.ofSeconds(30) : lease;
        sweepInterval = sweepInterval == null ? Duration.ofSeconds(2) : sweepInterval;
        sweepGrace = sweepGrace == null ? Duration.ofSeconds(5) : sweepGrace;
    }
}
