package vn.neuguong.platform.security;

import java.time.Clock;
import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Remembers tokens whose signature and claims were verified, so a client sending the same token with every
 * request costs one RS256 verification rather than one per request (JFR at 100 registrations/s: the RSA
 * arithmetic was about an eighth of pledge-service's CPU, and a quarter of the gateway's). A remembered token is
 * used only until its {@code exp}; after that it goes through the full check again, clock skew included. A token
 * signed with a key that left the issuer's key set stays accepted for at most {@link #LIFETIME}.
 */
final class VerifiedTokenCache implements JwtDecoder {

    static final Duration LIFETIME = Duration.ofMinutes(5);
    private static final int MAXIMUM_TOKENS = 10_000;

    private final JwtDecoder verifier;
    private final Clock clock;
    private final Cache<String, Jwt> verified = Caffeine.newBuilder().maximumSize(MAXIMUM_TOKENS)
            .expireAfterWrite(LIFETIME).build();

    VerifiedTokenCache(JwtDecoder verifier, Clock clock) {
        this.verifier = verifier;
        this.clock = clock;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt remembered = verified.getIfPresent(token);
        if (remembered != null && remembered.getExpiresAt() != null
                && clock.instant().isBefore(remembered.getExpiresAt())) {
            return remembered;
        }
        Jwt jwt = verifier.decode(token);
        verified.put(token, jwt);
        return jwt;
    }
}
