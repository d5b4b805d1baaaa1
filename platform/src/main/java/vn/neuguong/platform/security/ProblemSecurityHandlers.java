package vn.neuguong.platform.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import vn.neuguong.platform.web.ProblemResponses;

/**
 * 401 and 403 from the security filters as problem+json, keeping the standard WWW-Authenticate header; 503 when
 * tokens cannot be verified; 400 for a request the firewall rejects.
 */
final class ProblemSecurityHandlers {

    private static final Logger log = LoggerFactory.getLogger(ProblemSecurityHandlers.class);
    /** Long enough for the issuer to come back or the keys to be fetched again, short enough for a user to wait. */
    private static final String ISSUER_RETRY_AFTER_SECONDS = "5";

    static AuthenticationEntryPoint authenticationEntryPoint() {
        BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
        return (request, response, exception) -> {
            bearer.commence(request, response, exception);
            ProblemResponses.write(request, response, HttpStatus.UNAUTHORIZED, "A valid bearer token is required.");
        };
    }

    /**
     * A token the decoder could not check because the issuer's keys could not be fetched is the service's trouble,
     * not the caller's: 503 with Retry-After, so the client retries instead of signing in again. Spring Security
     * would rethrow it, and the servlet container answer 500. Every other failure is the 401 of the entry point.
     */
    static AuthenticationFailureHandler authenticationFailureHandler() {
        AuthenticationEntryPoint entryPoint = authenticationEntryPoint();
        return (request, response, exception) -> {
            if (!(exception instanceof AuthenticationServiceException)) {
                entryPoint.commence(request, response, exception);
                return;
            }
            log.warn("Bearer tokens cannot be verified: {}", exception.toString());
            response.setHeader(HttpHeaders.RETRY_AFTER, ISSUER_RETRY_AFTER_SECONDS);
            ProblemResponses.write(request, response, HttpStatus.SERVICE_UNAVAILABLE,
                    "Bearer tokens cannot be verified at the moment; please try again later.");
        };
    }

    static AccessDeniedHandler accessDeniedHandler() {
        BearerTokenAccessDeniedHandler bearer = new BearerTokenAccessDeniedHandler();
        return (request, response, exception) -> {
            bearer.handle(request, response, exception);
            ProblemResponses.write(request, response, HttpStatus.FORBIDDEN, "Your roles do not allow this request.");
        };
    }

    static RequestRejectedHandler requestRejectedHandler() {
        return (request, response, rejected) -> ProblemResponses.write(request, response, HttpStatus.BAD_REQUEST,
                "The request's URL or method is not acceptable.");
    }

    private ProblemSecurityHandlers() {
    }
}
