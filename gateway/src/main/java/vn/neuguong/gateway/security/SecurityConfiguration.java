package vn.neuguong.gateway.security;

import java.net.URI;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;

import vn.neuguong.contracts.Role;
import vn.neuguong.gateway.problem.ProblemResponses;

/**
 * The gateway is a stateless bearer-token resource server. It rejects bad tokens early, but passes the
 * {@code Authorization} header on unchanged: every service validates the token again and applies its own
 * object-level rules.
 * <p>
 * Security headers: Spring Security's defaults (nosniff, X-Frame-Options DENY, Cache-Control no-store unless the
 * response sets its own, HSTS on requests that arrived over TLS, as seen through a trusted proxy's
 * X-Forwarded-Proto) plus a Referrer-Policy and the dashboard's Content-Security-Policy. Each header is written only
 * when the response has none, so the services' stricter API policy passes through on /api/**.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfiguration {

    @Bean
    SecurityWebFilterChain gatewaySecurity(ServerHttpSecurity http, ProblemResponses problems, CorsProperties cors,
            RateLimiter<?> rateLimiter, @Value("${neuguong.dashboard.issuer:}") String dashboardIssuer) {
        ProblemSecurityHandlers handlers = new ProblemSecurityHandlers(problems, rateLimiter);
        return http
                .cors(spec -> spec.configurationSource(cors.source()))
                .headers(headers -> headers
                        .contentSecurityPolicy(policy -> policy
                                .policyDirectives(dashboardContentSecurityPolicy(dashboardIssuer)))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
                // no cookies, no sessions: CSRF protection has nothing to protect
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .pathMatchers("/actuator/**").hasRole("OPERATOR")
                        .pathMatchers("/api/**").authenticated()
                        .pathMatchers("/", "/index.html", "/favicon.ico", "/dashboard-config.json", "/assets/**", "/webjars/**")
                                .permitAll()
                        .anyExchange().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(rolesAsAuthorities()))
                        .authenticationEntryPoint(handlers)
                        .accessDeniedHandler(handlers))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(handlers)
                        .accessDeniedHandler(handlers))
                .build();
    }

    /**
     * A request the firewall refuses (an encoded slash, NUL or line break in the path, a non-standard method …) is a
     * 400 problem like any other instead of an empty response.
     */
    @Bean
    ServerExchangeRejectedHandler rejectedRequests(ProblemResponses problems) {
        return (exchange, rejected) -> problems.write(exchange, HttpStatus.BAD_REQUEST, "request-rejected");
    }

    @Bean
    ReactiveJwtDecoder jwtDecoder(OAuth2ResourceServerProperties resourceServer,
            @Value("${neuguong.security.clock-skew:30s}") Duration clockSkew) {
        OAuth2ResourceServerProperties.Jwt jwt = resourceServer.getJwt();
        return JwtValidation.decoder(jwt.getIssuerUri(), jwt.getJwkSetUri(), jwt.getAudiences(), clockSkew);
    }

    /**
     * For the dashboard at {@code /}: scripts, styles, fonts and data only from the gateway itself (ECharts comes
     * from /webjars), calls only to the gateway and to the token issuer as the browser reaches it (demo tokens, or
     * OIDC discovery and token endpoint), no framing, no plugins. Inline styles stay allowed: ECharts positions its
     * tooltips with style attributes.
     */
    static String dashboardContentSecurityPolicy(String issuer) {
        String connect = issuer.isBlank() ? "'self'" : "'self' " + origin(URI.create(issuer));
        return "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                + "font-src 'self'; connect-src " + connect + "; object-src 'none'; base-uri 'self'; "
                + "form-action 'self'; frame-ancestors 'none'";
    }

    private static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }

    /**
     * The {@code roles} claim ({@code ["UNIT_OFFICER", …]}) becomes the authorities {@code ROLE_UNIT_OFFICER, …}, read
     * by {@link Role#fromClaim} exactly as the services read it.
     */
    static ReactiveJwtAuthenticationConverterAdapter rolesAsAuthorities() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt -> Role.fromClaim(jwt.getClaims().get("roles")).stream()
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority(role.authority()))
                .toList());
        return new ReactiveJwtAuthenticationConverterAdapter(converter);
    }
}
