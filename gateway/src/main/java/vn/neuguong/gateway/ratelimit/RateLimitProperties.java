package vn.neuguong.gateway.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * One token bucket per user (or client address).
 *
 * @param capacity        the burst a user may send at once
 * @param refillPerSecond the sustained rate a user may keep up
 */
@ConfigurationProperties("neuguong.rate-limit")
public record RateLimitProperties(@DefaultValue("1000") long capacity, @DefaultValue("200") long refillPerSecond) {

    public RateLimitProperties {
        if (capacity < 1 || refillPerSecond < 1) {
            throw new IllegalArgumentException("neuguong.rate-limit.capacity and refill-per-second must be positive");
        }
    }
}
