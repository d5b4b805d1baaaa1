package vn.neuguong.gateway.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * Token validation: an RS256 signature by a key of the issuer's JWKS, then {@code iss} equal to the issuer,
 * {@code aud} containing one of the accepted audiences, and {@code exp} present and, with {@code nbf}, within the
 * clock skew.
 */
final class JwtValidation {

    private JwtValidation() {
    }

    /**
     * Fetches the issuer's discovery document and JWKS on first use (and again after a failure), not at startup.
     * When they cannot be fetched, decoding fails with a plain {@link JwtException} — a failure of the server, not
     * of the token — which Spring Security reports as an {@code AuthenticationServiceException}.
     *
     * @param jwkSetUri where to fetch the keys when the issuer's public address is not reachable from here (a
     *                  container network); null: from the issuer's discovery document
     */
    static ReactiveJwtDecoder decoder(String issuerUri, String jwkSetUri, List<String> audiences, Duration clockSkew) {
        NimbusReactiveJwtDecoder decoder = (jwkSetUri == null || jwkSetUri.isBlank()
                ? NimbusReactiveJwtDecoder.withIssuerLocation(issuerUri).jwsAlgorithm(SignatureAlgorithm.RS256)
                : NimbusReactiveJwtDecoder.withJwkSetUri(jwkSetUri).jwsAlgorithm(SignatureAlgorithm.RS256))
                .build();
        decoder.setJwtValidator(validator(issuerUri, audiences, clockSkew));
        return new VerifiedTokenCache(token -> decoder.decode(token).onErrorMap(
                failure -> !(failure instanceof JwtException),
                failure -> new JwtException("The token issuer's keys cannot be fetched", failure)), Clock.systemUTC());
    }

    static OAuth2TokenValidator<Jwt> validator(String issuerUri, List<String> audiences, Duration clockSkew) {
        return new DelegatingOAuth2TokenValidator<>(
                // a token without exp would never expire; the timestamp validator lets it through
                new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull),
                new JwtTimestampValidator(clockSkew),
                new JwtIssuerValidator(issuerUri),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                        audience -> audience != null && audience.stream().anyMatch(audiences::contains)));
    }
}
