package vn.neuguong.gateway.security;

import java.time.Clock;
import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import reactor.core.publisher.Mono;

/**
 * Remembers tokens whose signature and claims were verified, so a client sending the same token with every
 * request costs one RS256 verification rather than one per request (JFR at 100 registrations/s: the RSA
 * arithmetic was about a quarter of the gateway's CPU). A remembered token is used only until its {@code exp};
 * after that it goes through the full check again, clock skew included. A token signed with a key that left the
 * issuer's key set stays accepted for at most {@link #LIFETIME}. The services keep the same cache for their own
 * check (platform's {@code VerifiedTokenCache}).
 */
final class VerifiedTokenCache implements ReactiveJwtDecoder {

    static final Duration LIFETIME = Duration.ofMinutes(5);
    private static final int MAXIMUM_TOKENS = 10_000;

    private final ReactiveJwtDecoder verifier;
    private final Clock clock;
    private final Cache<String, Jwt> verified = Caffeine.newBuilder().maximumSize(MAXIMUM_TOKENS)
            .expireAfterWrite(LIFETIME).build();

    VerifiedTokenCache(ReactiveJwtDecoder verifier, Clock clock) {
        this.verifier = verifier;
        this.clock = clock;
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Jwt remembered = verified.getIfPresent(token);
        if (remembered != null && remembered.getExpiresAt() != null
                && clock.instant().isBefore(remembered.getExpiresAt())) {
            return Mono.just(remembered);
        }
        return verifier.decode(token).doOnNext(jwt -> verified.put(token, jwt));
    }
}
