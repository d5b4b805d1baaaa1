package vn.neuguong.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Every service validates the token itself (never trust the network): RS256 from the configured issuer,
 * audience checked through {@code spring.security.oauth2.resourceserver.jwt.audiences}, expiry within
 * {@code neuguong.security.clock-skew} (30 s, like the gateway). The {@code roles} claim becomes {@code ROLE_*}
 * authorities; object-level rules live in each service's domain code. Responses carry the security headers of an
 * API that no browser should render or frame (docs/security.md).
 */
@AutoConfiguration(beforeName = {
    "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration",
    "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
    "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration"})
public class ServiceSecurityConfiguration {

    /** JSON is data, never a document: nothing may load from it or frame it. */
    static final String API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/actuator/**").hasRole("OPERATOR")
                        .requestMatchers("/error").permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(rolesClaimConverter()))
                        .authenticationEntryPoint(ProblemSecurityHandlers.authenticationEntryPoint())
                        .accessDeniedHandler(ProblemSecurityHandlers.accessDeniedHandler())
                        .withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
                            @Override
                            public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
                                filter.setAuthenticationFailureHandler(
                                        ProblemSecurityHandlers.authenticationFailureHandler());
                                return filter;
                            }
                        }))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(ProblemSecurityHandlers.authenticationEntryPoint())
                        .accessDeniedHandler(ProblemSecurityHandlers.accessDeniedHandler()))
                // Spring Security's defaults add nosniff, X-Frame-Options DENY, Cache-Control no-store (unless the
                // response sets its own) and HSTS on requests that arrived over TLS
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(API_CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)));
        return http.build();
    }

    /** A request the firewall refuses (an encoded slash or NUL in the path …) is a 400 problem, not an empty 400. */
    @Bean
    RequestRejectedHandler requestRejectedAsProblem() {
        return ProblemSecurityHandlers.requestRejectedHandler();
    }

    /**
     * Added by Boot to the validators of the issuer-uri (or jwk-set-uri) decoder it builds, next to its own timestamp
     * validator (60 s): both must pass, so the stricter skew bounds how long an expired token is still accepted. A
     * token without {@code exp} would never expire, so it is refused (Boot's validator lets it through).
     */
    @Bean
    OAuth2TokenValidator<Jwt> boundedTokenLifetime(@Value("${neuguong.security.clock-skew:30s}") Duration clockSkew) {
        return new DelegatingOAuth2TokenValidator<>(
                new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull),
                new JwtTimestampValidator(clockSkew));
    }

    /**
     * Every token decoder (Boot's issuer-uri one) remembers the tokens it verified ({@link VerifiedTokenCache}) and
     * reports an issuer it cannot reach as the server's failure ({@link #issuerFailuresAsJwtExceptions}).
     */
    @Bean
    static BeanPostProcessor verifiedTokenCache() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof JwtDecoder decoder && !(bean instanceof VerifiedTokenCache)
                        ? new VerifiedTokenCache(issuerFailuresAsJwtExceptions(decoder), Clock.systemUTC()) : bean;
            }
        };
    }

    /**
     * Boot's issuer-uri decoder fetches the issuer's discovery document on first use (and again after a failure),
     * and fails with a plain runtime exception when it cannot. Spring Security reports a failure of the server
     * rather than of the token — an {@code AuthenticationServiceException}, answered 503 — only for a
     * {@link JwtException} that is not a {@code BadJwtException}, as the keys' fetch already throws.
     */
    static JwtDecoder issuerFailuresAsJwtExceptions(JwtDecoder decoder) {
        return token -> {
            try {
                return decoder.decode(token);
            } catch (JwtException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new JwtException("The token issuer cannot be reached", e);
            }
        };
    }

    static JwtAuthenticationConverter rolesClaimConverter() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt -> List.copyOf(CurrentUser.rolesOf(jwt).stream()
                .map(role -> new SimpleGrantedAuthority(role.authority()))
                .toList()));
        return converter;
    }
}
