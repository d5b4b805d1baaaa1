package vn.neuguong.platform.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import vn.neuguong.platform.web.ProblemResponses;

/**
 * 401 and 403 from the security filters as problem+json, keeping the standard WWW-Authenticate header; 400 for a
 * request the firewall rejects.
 */
final class ProblemSecurityHandlers {

    static AuthenticationEntryPoint authenticationEntryPoint() {
        BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
        return (request, response, exception) -> {
            bearer.commence(request, response, exception);
            write(response, HttpStatus.UNAUTHORIZED, "A valid bearer token is required.");
        };
    }

    static AccessDeniedHandler accessDeniedHandler() {
        BearerTokenAccessDeniedHandler bearer = new BearerTokenAccessDeniedHandler();
        return (request, response, exception) -> {
            bearer.handle(request, response, exception);
            write(response, HttpStatus.FORBIDDEN, "Your roles do not allow this request.");
        };
    }

    private static void write(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        ProblemResponses.write(response, status, detail);
    }

    static RequestRejectedHandler requestRejectedHandler() {
        return (request, response, rejected) -> write(response, HttpStatus.BAD_REQUEST,
                "The request's URL or method is not acceptable.");
    }

    private ProblemSecurityHandlers() {
    }
}
