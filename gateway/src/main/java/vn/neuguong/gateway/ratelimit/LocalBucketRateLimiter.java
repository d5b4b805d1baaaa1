package vn.neuguong.gateway.ratelimit;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import reactor.core.publisher.Mono;

/**
 * A Spring Cloud Gateway {@link RateLimiter} with one bucket4j token bucket per key.
 * <p>
 * The buckets live in this gateway instance's memory: with N instances behind a load balancer a user may get up to
 * N times the limit. Limits shared by all instances would keep the buckets in one of bucket4j's distributed backends
 * (a {@code ProxyManager} over Redis, Hazelcast, a JDBC database …) behind this same interface.
 * <p>
 * A full bucket behaves exactly like a new one, so full buckets are dropped once per refill period: memory stays
 * proportional to the users active recently.
 */
public class LocalBucketRateLimiter implements RateLimiter<RateLimitProperties> {

    public static final String REMAINING_HEADER = "X-RateLimit-Remaining";
    public static final String RETRY_AFTER_HEADER = "Retry-After";

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final RateLimitProperties limits;
    private final TimeMeter clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final long refillPeriodNanos;
    private final AtomicLong nextSweep;

    public LocalBucketRateLimiter(RateLimitProperties limits) {
        this(limits, TimeMeter.SYSTEM_NANOTIME);
    }

    LocalBucketRateLimiter(RateLimitProperties limits, TimeMeter clock) {
        this.limits = limits;
        this.clock = clock;
        this.refillPeriodNanos = Math.max(NANOS_PER_SECOND, limits.capacity() * NANOS_PER_SECOND / limits.refillPerSecond());
        this.nextSweep = new AtomicLong(clock.currentTimeNanos() + refillPeriodNanos);
    }

    @Override
    public Mono<Response> isAllowed(String routeId, String key) {
        dropFullBucketsWhenDue();
        ConsumptionProbe probe = buckets.computeIfAbsent(key, ignored -> newBucket()).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return Mono.just(new Response(true, Map.of(REMAINING_HEADER, Long.toString(probe.getRemainingTokens()))));
        }
        long retryAfterSeconds = Math.max(1, (probe.getNanosToWaitForRefill() + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND);
        return Mono.just(new Response(false,
                Map.of(REMAINING_HEADER, "0", RETRY_AFTER_HEADER, Long.toString(retryAfterSeconds))));
    }

    int trackedKeys() {
        return buckets.size();
    }

    private void dropFullBucketsWhenDue() {
        long due = nextSweep.get();
        long now = clock.currentTimeNanos();
        if (now - due >= 0 && nextSweep.compareAndSet(due, now + refillPeriodNanos)) {
            buckets.values().removeIf(bucket -> bucket.getAvailableTokens() >= limits.capacity());
        }
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(limits.capacity())
                        .refillGreedy(limits.refillPerSecond(), Duration.ofSeconds(1))
                        .build())
                .withCustomTimePrecision(clock)
                .build();
    }

    /** The same limit applies to every route, so there is no per-route configuration. */
    @Override
    public Map<String, RateLimitProperties> getConfig() {
        return Map.of();
    }

    @Override
    public Class<RateLimitProperties> getConfigClass() {
        return RateLimitProperties.class;
    }

    @Override
    public RateLimitProperties newConfig() {
        return limits;
    }
}
