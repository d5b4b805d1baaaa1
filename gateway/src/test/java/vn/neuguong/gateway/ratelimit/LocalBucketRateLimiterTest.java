package vn.neuguong.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter.Response;

import io.github.bucket4j.TimeMeter;

class LocalBucketRateLimiterTest {

    private final ManualClock clock = new ManualClock();

    @Test
    void countsDownAndThenAsksToRetryAfterTheRefill() {
        LocalBucketRateLimiter limiter = new LocalBucketRateLimiter(new RateLimitProperties(3, 1), clock);

        assertThat(remaining(limiter.isAllowed("route", "user:a").block())).isEqualTo("2");
        assertThat(remaining(limiter.isAllowed("route", "user:a").block())).isEqualTo("1");
        assertThat(remaining(limiter.isAllowed("route", "user:a").block())).isEqualTo("0");
        Response rejected = limiter.isAllowed("route", "user:a").block();

        assertThat(rejected.isAllowed()).isFalse();
        assertThat(rejected.getHeaders()).containsEntry("Retry-After", "1").containsEntry("X-RateLimit-Remaining", "0");
        assertThat(limiter.isAllowed("route", "user:b").block().isAllowed()).as("another user's bucket").isTrue();
        clock.advanceMillis(1_000);
        assertThat(limiter.isAllowed("route", "user:a").block().isAllowed()).isTrue();
    }

    @Test
    void defaultsAdmitABenchmarkOfAThousandRequestsPerSecondByThirtyUsersButStopABurstOfTenThousand() {
        LocalBucketRateLimiter limiter = new LocalBucketRateLimiter(defaultLimits(), clock);

        int rejectedInBenchmark = 0;
        for (int millisecond = 0; millisecond < 60_000; millisecond++) {
            // one request per millisecond, users taking turns: 1,000 requests/s, about 33 per user and second
            if (!limiter.isAllowed("route", "user:" + millisecond % 30).block().isAllowed()) {
                rejectedInBenchmark++;
            }
            clock.advanceMillis(1);
        }
        int admittedOfBurst = 0;
        for (int request = 0; request < 10_000; request++) {
            if (limiter.isAllowed("route", "user:greedy").block().isAllowed()) {
                admittedOfBurst++;
            }
            clock.advanceNanos(100_000); // 10,000 requests in one second
        }

        assertThat(rejectedInBenchmark).isZero();
        assertThat(admittedOfBurst).isBetween(1_000, 1_250);
    }

    @Test
    void forgetsBucketsThatHaveRefilledCompletely() {
        LocalBucketRateLimiter limiter = new LocalBucketRateLimiter(new RateLimitProperties(10, 5), clock);
        limiter.isAllowed("route", "user:a").block();
        limiter.isAllowed("route", "user:b").block();
        assertThat(limiter.trackedKeys()).isEqualTo(2);

        clock.advanceMillis(1_900);
        for (int request = 0; request < 10; request++) {
            limiter.isAllowed("route", "user:b").block();
        }
        clock.advanceMillis(200);
        limiter.isAllowed("route", "user:c").block();

        assertThat(limiter.trackedKeys()).as("user:a was full again, user:b is still drained").isEqualTo(2);
        assertThat(remaining(limiter.isAllowed("route", "user:b").block())).as("one token refilled").isEqualTo("0");
    }

    private static RateLimitProperties defaultLimits() {
        return new Binder(new MapConfigurationPropertySource(Map.of()))
                .bindOrCreate("neuguong.rate-limit", RateLimitProperties.class);
    }

    private static String remaining(Response response) {
        assertThat(response.isAllowed()).isTrue();
        return response.getHeaders().get("X-RateLimit-Remaining");
    }

    private static final class ManualClock implements TimeMeter {

        private long nanos = 1_000_000_000L;

        void advanceMillis(long millis) {
            nanos += millis * 1_000_000L;
        }

        void advanceNanos(long delta) {
            nanos += delta;
        }

        @Override
        public long currentTimeNanos() {
            return nanos;
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    }
}
