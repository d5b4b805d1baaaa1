package vn.neuguong.gateway.security;

import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;
import vn.neuguong.gateway.problem.ProblemResponses;
import vn.neuguong.gateway.ratelimit.UserOrClientAddressKeyResolver;

/**
 * 401 and 403 as problem+json; a 401 carries the RFC 6750 {@code WWW-Authenticate} challenge. Requests without a
 * valid token are never routed, so the per-user limit of routed requests does not see them: each 401 is charged to
 * the client address's bucket instead, and once that is empty the answer is 429 with {@code Retry-After}.
 */
class ProblemSecurityHandlers implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

    /** The limiter's route id of requests refused for want of a valid token. */
    static final String UNAUTHENTICATED = "unauthenticated";

    private final ProblemResponses problems;
    private final RateLimiter<?> rateLimiter;

    ProblemSecurityHandlers(ProblemResponses problems, RateLimiter<?> rateLimiter) {
        this.problems = problems;
        this.rateLimiter = rateLimiter;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException failure) {
        return rateLimiter.isAllowed(UNAUTHENTICATED, UserOrClientAddressKeyResolver.addressKey(exchange))
                .flatMap(decision -> {
                    decision.getHeaders().forEach(exchange.getResponse().getHeaders()::set);
                    return decision.isAllowed() ? unauthorized(exchange, failure)
                            : problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "too-many-unauthenticated");
                });
    }

    private Mono<Void> unauthorized(ServerWebExchange exchange, AuthenticationException failure) {
        if (!(failure instanceof OAuth2AuthenticationException invalid)) {
            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            return problems.write(exchange, HttpStatus.UNAUTHORIZED, "token-required");
        }
        // the challenge is for programs: in English, whatever the reader's language
        OAuth2Error error = invalid.getError();
        String description = error.getDescription() != null ? error.getDescription() : "The bearer token is not valid.";
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"" + error.getErrorCode()
                + "\", error_description=\"" + quotable(description) + "\"");
        return error.getDescription() != null
                ? problems.write(exchange, HttpStatus.UNAUTHORIZED, "token-invalid", error.getDescription())
                : problems.write(exchange, HttpStatus.UNAUTHORIZED, "token-invalid-unexplained");
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE,
                "Bearer error=\"insufficient_scope\", error_description=\"The token's roles do not allow this request.\"");
        return problems.write(exchange, HttpStatus.FORBIDDEN, "forbidden");
    }

    private static String quotable(String text) {
        return text.replace("\\", "\\\\").replace("\"", "'").replaceAll("[\\r\\n]", " ");
    }
}
