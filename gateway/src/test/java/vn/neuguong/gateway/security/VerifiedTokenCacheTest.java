package vn.neuguong.gateway.security;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerifiedTokenCacheTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    private final AtomicInteger verifications = new AtomicInteger();

    private ReactiveJwtDecoder verifier(Instant expiresAt) {
        return token -> Mono.fromCallable(() -> {
            verifications.incrementAndGet();
            if (token.startsWith("forged")) {
                throw new BadJwtException("bad signature");
            }
            return Jwt.withTokenValue(token).header("alg", "RS256").subject("officer").issuedAt(NOW.minusSeconds(60))
                    .expiresAt(expiresAt).build();
        });
    }

    @Test
    void aTokenIsVerifiedOnceUntilItExpires() {
        VerifiedTokenCache cache = new VerifiedTokenCache(verifier(NOW.plusSeconds(600)),
                Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(cache.decode("token-a").block().getSubject()).isEqualTo("officer");
        assertThat(cache.decode("token-a").block().getSubject()).isEqualTo("officer");
        assertThat(verifications).hasValue(1);
    }

    @Test
    void anExpiredTokenIsCheckedAgainAndARejectedOneIsNeverRemembered() {
        VerifiedTokenCache cache = new VerifiedTokenCache(verifier(NOW.minusSeconds(1)),
                Clock.fixed(NOW, ZoneOffset.UTC));

        cache.decode("token-a").block();
        cache.decode("token-a").block();
        assertThat(verifications).hasValue(2);

        assertThatThrownBy(() -> cache.decode("forged-token").block()).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> cache.decode("forged-token").block()).isInstanceOf(BadJwtException.class);
        assertThat(verifications).hasValue(4);
    }
}
