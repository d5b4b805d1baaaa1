package vn.neuguong.gateway.security;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * Which other origins' web pages may call the API.
 *
 * @param allowedOrigins exact origins ({@code scheme://host[:port]}); empty (the default): the same origin only
 */
@ConfigurationProperties("neuguong.cors")
public record CorsProperties(@DefaultValue List<String> allowedOrigins) {

    /**
     * Tokens travel in the Authorization header, never in cookies: credentials mode stays off, so a permitted
     * origin gains nothing a page without the token could use. A preflight from any other origin is a 403.
     */
    CorsConfigurationSource source() {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        if (allowedOrigins.isEmpty()) {
            return source;
        }
        CorsConfiguration api = new CorsConfiguration();
        api.setAllowedOrigins(allowedOrigins);
        api.setAllowedMethods(List.of("GET", "POST", "PUT", "DELETE"));
        api.setAllowedHeaders(List.of("Authorization", "Content-Type", "Accept", "Accept-Language", "If-Match",
                "Idempotency-Key", "X-Correlation-Id", "Last-Event-ID"));
        api.setExposedHeaders(List.of("Location", "ETag", "Retry-After", "X-RateLimit-Remaining", "X-Correlation-Id",
                "Idempotent-Replayed", "Content-Disposition"));
        api.setAllowCredentials(false);
        api.setMaxAge(Duration.ofHours(1));
        source.registerCorsConfiguration("/api/**", api);
        return source;
    }
}
