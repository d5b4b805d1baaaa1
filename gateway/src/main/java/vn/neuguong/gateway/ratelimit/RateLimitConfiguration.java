package vn.neuguong.gateway.ratelimit;

import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.micrometer.core.instrument.MeterRegistry;

@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    @Bean
    LocalBucketRateLimiter rateLimiter(RateLimitProperties limits) {
        return new LocalBucketRateLimiter(limits);
    }

    @Bean
    UserOrClientAddressKeyResolver userOrClientAddressKeyResolver() {
        return new UserOrClientAddressKeyResolver();
    }

    @Bean
    RateLimitFilter rateLimitFilter(RateLimiter<?> rateLimiter, KeyResolver keyResolver, MeterRegistry meters) {
        return new RateLimitFilter(rateLimiter, keyResolver, meters);
    }
}
