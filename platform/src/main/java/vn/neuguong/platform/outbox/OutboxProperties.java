package vn.neuguong.platform.outbox;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param collections  MongoDB collections whose documents carry an outbox; the relay runs only if non-empty
 * @param source       CloudEvents {@code source} of this service's events
 * @param batchSize    owner documents claimed per round
 * @param idlePoll     pause between rounds that found nothing
 * @param lease        how long a claim keeps other instances' relays away from the same documents
 * @param sweepInterval how often the relay looks for every pending document, besides those it was told about
 */
@ConfigurationProperties("neuguong.outbox")
public record OutboxProperties(List<String> collections, String source, Integer batchSize, Duration idlePoll,
        Duration lease, Duration sweepInterval) {

    public OutboxProperties {
        collections = collections == null ? List.of() : List.copyOf(collections);
        source = source == null ? "/neuguong" : source;
        batchSize = batchSize == null ? 500 : batchSize;
        idlePoll = idlePoll == null ? Duration.ofMillis(25) : idlePoll;
        lease = lease == null ? Duration.ofSeconds(30) : lease;
        sweepInterval = sweepInterval == null ? Duration.ofSeconds(2) : sweepInterval;
    }
}
