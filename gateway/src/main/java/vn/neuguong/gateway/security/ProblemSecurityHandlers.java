package vn.neuguong.gateway.security;

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

/** 401 and 403 as problem+json; a 401 carries the RFC 6750 {@code WWW-Authenticate} challenge. */
class ProblemSecurityHandlers implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

    private final ProblemResponses problems;

    ProblemSecurityHandlers(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException failure) {
        String detail;
        String challenge;
        if (failure instanceof OAuth2AuthenticationException invalid) {
            OAuth2Error error = invalid.getError();
            detail = error.getDescription() != null ? error.getDescription() : "The bearer token is not valid.";
            challenge = "Bearer error=\"" + error.getErrorCode() + "\", error_description=\"" + quotable(detail) + "\"";
        }
        else {
            detail = "A bearer token is required.";
            challenge = "Bearer";
        }
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, challenge);
        return problems.write(exchange, HttpStatus.UNAUTHORIZED, detail);
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE,
                "Bearer error=\"insufficient_scope\", error_description=\"The token's roles do not allow this request.\"");
        return problems.write(exchange, HttpStatus.FORBIDDEN, "The token's roles do not allow this request.");
    }

    private static String quotable(String text) {
        return text.replace("\\", "\\\\").replace("\"", "'").replaceAll("[\\r\\n]", " ");
    }
}
