package vn.neuguong.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;

class ClockSkewTest {

    private final OAuth2TokenValidator<Jwt> validator = new ServiceSecurityConfiguration()
            .boundedTokenLifetime(Duration.ofSeconds(30));

    @Test
    void aTokenExpiredWithinTheSkewIsStillAccepted() {
        assertThat(validator.validate(expiredSecondsAgo(20)).hasErrors()).isFalse();
    }

    @Test
    void aTokenExpiredLongerThanTheSkewIsRejectedThoughBootAllowsAMinute() {
        assertThat(validator.validate(expiredSecondsAgo(45)).hasErrors()).isTrue();
    }

    @Test
    void aCorrectlySignedTokenWithoutAnExpiryIsRejected() {
        Jwt forever = Jwt.withTokenValue("t").header("alg", "RS256").subject("s").issuedAt(Instant.now()).build();
        assertThat(validator.validate(forever).hasErrors()).isTrue();
    }

    private static Jwt expiredSecondsAgo(long seconds) {
        Instant expiry = Instant.now().minusSeconds(seconds);
        return Jwt.withTokenValue("t").header("alg", "RS256").subject("s")
                .issuedAt(expiry.minusSeconds(300)).expiresAt(expiry).build();
    }
}
