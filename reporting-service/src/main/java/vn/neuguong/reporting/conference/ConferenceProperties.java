package vn.neuguong.reporting.conference;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param pollInterval  how often an instance with live streams checks whether their conferences changed (and then
 *                      recounts): the bound on how stale a pushed total is, besides the recount itself
 * @param safetyRecount how often streamed totals are recounted even without a visible change, which repairs a
 *                      check-in whose instance died between writing the attendance and raising the sequence
 * @param heartbeat     how often a comment keeps idle streams (and the proxies on their way) open
 * @param streamTimeout how long one stream lasts; clients reconnect (EventSource does so by itself)
 */
@ConfigurationProperties("neuguong.conferences")
public record ConferenceProperties(Duration pollInterval, Duration safetyRecount, Duration heartbeat,
        Duration streamTimeout) {

    public ConferenceProperties {
        pollInterval = pollInterval == null ? Duration.ofMillis(200) : pollInterval;
        safetyRecount = safetyRecount == null ? Duration.ofSeconds(5) : safetyRecount;
        heartbeat = heartbeat == null ? Duration.ofSeconds(15) : heartbeat;
        streamTimeout = streamTimeout == null ? Duration.ofMinutes(30) : streamTimeout;
    }
}
