package vn.neuguong.pledge.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The service's clock runs from 20 March 2026, 09:00 in Vietnam: registration season. Test classes that
 * {@code @Import} it (with the same properties) share one application context.
 */
@TestConfiguration(proxyBeanMethods = false)
public class RegistrationSeason {

    @Bean
    Clock clock() {
        return Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), Instant.parse("2026-03-20T02:00:00Z")));
    }
}
