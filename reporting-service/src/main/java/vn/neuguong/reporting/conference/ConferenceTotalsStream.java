package vn.neuguong.reporting.conference;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import vn.neuguong.platform.metrics.ExecutorMeters;

/**
 * Pushes conference totals to server-sent-event streams (event {@code totals}, data = the totals JSON). One
 * scheduler thread per instance ({@code conference-totals-1}, started and stopped with the application, measured as
 * the executor {@code conference.totals}): every {@link ConferenceProperties#pollInterval()} it reads the check-in sequence of
 * each conference that has streams here (one small read each), recounts when it moved (or every
 * {@link ConferenceProperties#safetyRecount()}), and pushes the totals when they differ from the last pushed. Every
 * instance does this on its own, so a check-in handled by any instance reaches every stream within a poll interval
 * plus a recount. New streams get the current totals first, from the same thread, so no stream ever sees older
 * totals after newer ones.
 */
@Component
class ConferenceTotalsStream implements SmartLifecycle {

    static final String EVENT_NAME = "totals";
    private static final Logger log = LoggerFactory.getLogger(ConferenceTotalsStream.class);

    private final class Channel {
        final List<SseEmitter> streams = new CopyOnWriteArrayList<>();
        final List<SseEmitter> waitingForFirst = new CopyOnWriteArrayList<>();
        long sequence = -1;
        Instant countedAt = Instant.EPOCH;
        ConferenceTotals pushed;
    }

    private final ConferenceService conferences;
    private final ConferenceStore store;
    private final ConferenceProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Map<String, Channel> channels = new ConcurrentHashMap<>();
    private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
    private ExecutorMeters schedulerMeters;
    private volatile boolean running;

    ConferenceTotalsStream(ConferenceService conferences, ConferenceStore store, ConferenceProperties properties,
            Clock clock, MeterRegistry meters) {
        this.conferences = conferences;
        this.store = store;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
        scheduler.setPoolSize(1);
        scheduler.setThreadNamePrefix("conference-totals-");
        scheduler.setDaemon(true);
        scheduler.setErrorHandler(error -> log.warn("Conference totals: a round failed", error));
        Gauge.builder("neuguong.conference.streams", channels,
                        all -> all.values().stream().mapToInt(channel -> channel.streams.size()).sum())
                .description("Open server-sent-event streams of conference totals").register(meters);
    }

    /** A new stream of the conference's totals; the caller has checked that the user may see the conference. */
    SseEmitter open(String conferenceId) {
        SseEmitter emitter = new SseEmitter(properties.streamTimeout().toMillis());
        Channel channel = channels.computeIfAbsent(conferenceId, id -> new Channel());
        Runnable remove = () -> {
            channel.streams.remove(emitter);
            channel.waitingForFirst.remove(emitter);
        };
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(error -> remove.run());
        channel.waitingForFirst.add(emitter);
        scheduler.execute(() -> greet(conferenceId, channel));
        return emitter;
    }

    private void greet(String conferenceId, Channel channel) {
        try {
            ConferenceTotals totals = refreshed(conferenceId, channel);
            pushIfChanged(channel, totals);
            for (SseEmitter emitter : channel.waitingForFirst) {
                channel.waitingForFirst.remove(emitter);
                if (send(emitter, totals)) {
                    channel.streams.add(emitter);
                }
            }
        } catch (RuntimeException e) {
            log.warn("Could not count the totals of conference {} for new streams", conferenceId, e);
        }
    }

    private void poll() {
        channels.forEach((conferenceId, channel) -> {
            if (channel.streams.isEmpty() && channel.waitingForFirst.isEmpty()) {
                channels.remove(conferenceId, channel);
                return;
            }
            try {
                pushIfChanged(channel, refreshed(conferenceId, channel));
            } catch (RuntimeException e) {
                log.warn("Could not refresh the totals of conference {}", conferenceId, e);
            }
        });
    }

    private static void pushIfChanged(Channel channel, ConferenceTotals totals) {
        if (channel.pushed == null || !totals.sameFigures(channel.pushed)) {
            channel.pushed = totals;
            channel.streams.forEach(emitter -> send(emitter, totals));
        }
    }

    /** The channel's totals, recounted if the sequence moved or the last count is older than the safety interval. */
    private ConferenceTotals refreshed(String conferenceId, Channel channel) {
        long sequence = store.sequence(conferenceId);
        boolean stale = channel.countedAt.plus(properties.safetyRecount()).isBefore(clock.instant());
        if (sequence != channel.sequence || stale || channel.pushed == null) {
            channel.countedAt = clock.instant();
            channel.sequence = sequence;
            return conferences.recount(conferenceId, sequence);
        }
        return channel.pushed;
    }

    private void heartbeat() {
        channels.values().forEach(channel -> channel.streams.forEach(emitter -> {
            try {
                emitter.send(SseEmitter.event().comment("heartbeat"));
            } catch (IOException | IllegalStateException e) {
                emitter.completeWithError(e);
            }
        }));
    }

    private static boolean send(SseEmitter emitter, ConferenceTotals totals) {
        try {
            emitter.send(SseEmitter.event().name(EVENT_NAME).data(totals, MediaType.APPLICATION_JSON));
            return true;
        } catch (IOException | IllegalStateException e) {
            emitter.completeWithError(e);
            return false;
        }
    }

    @Override
    public void start() {
        scheduler.initialize();
        schedulerMeters = ExecutorMeters.bind(meters, scheduler.getScheduledExecutor(), "conference.totals");
        Instant now = Instant.now();
        scheduler.scheduleWithFixedDelay(this::poll, now.plus(properties.pollInterval()), properties.pollInterval());
        scheduler.scheduleWithFixedDelay(this::heartbeat, now.plus(properties.heartbeat()), properties.heartbeat());
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        scheduler.shutdown();
        schedulerMeters.close();
        channels.values().forEach(channel -> {
            channel.streams.forEach(SseEmitter::complete);
            channel.waitingForFirst.forEach(SseEmitter::complete);
        });
        channels.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
