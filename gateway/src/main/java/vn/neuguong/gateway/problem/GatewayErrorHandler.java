package vn.neuguong.gateway.problem;

import java.net.ConnectException;
import java.net.UnknownHostException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

import io.netty.channel.ConnectTimeoutException;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.PrematureCloseException;
import vn.neuguong.gateway.correlation.CorrelationIdFilter;

/**
 * Turns every failure into problem+json. Bodies never carry stack traces, exception messages of infrastructure or
 * downstream host names: a service that cannot be reached, or answers too slowly, is a 503 naming only the route;
 * one that stops while it handles the request (the connection closes before its answer) is a 502. When a write may
 * have been applied without its answer arriving, the detail says that sending it again with the same
 * {@code Idempotency-Key} is safe.
 * Ordered before Spring Boot's own error handler, which therefore never answers.
 */
@Component
@Order(-2)
class GatewayErrorHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GatewayErrorHandler.class);
    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    /** Long enough for the issuer to come back or its keys to be fetched again, short enough for a user to wait. */
    private static final String ISSUER_RETRY_AFTER_SECONDS = "5";

    private final ProblemResponses problems;

    GatewayErrorHandler(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(failure);
        }
        // the token issuer's keys could not be fetched: not the caller's fault
        if (failure instanceof AuthenticationServiceException) {
            CorrelationIdFilter.withCorrelationId(exchange,
                    () -> log.warn("Bearer tokens cannot be verified: {}", failure.toString()));
            exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, ISSUER_RETRY_AFTER_SECONDS);
            return problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "issuer-unavailable");
        }
        if (causedBy(failure, PrematureCloseException.class)) {
            String service = routeId(exchange);
            CorrelationIdFilter.withCorrelationId(exchange,
                    () -> log.warn("{} closed the connection before answering: {}", service, failure.toString()));
            return problems.write(exchange, HttpStatus.BAD_GATEWAY, "service-stopped", service,
                    mayHaveBeenApplied(exchange));
        }
        if (isTimeout(failure) && isWrite(exchange)) {
            String service = routeId(exchange);
            CorrelationIdFilter.withCorrelationId(exchange,
                    () -> log.warn("{} did not answer in time: {}", service, failure.toString()));
            return problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "service-timeout", service,
                    mayHaveBeenApplied(exchange));
        }
        if (isTimeout(failure) || isDownstreamUnavailable(failure)) {
            String service = routeId(exchange);
            CorrelationIdFilter.withCorrelationId(exchange,
                    () -> log.warn("{} is unavailable: {}", service, failure.toString()));
            return problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", service);
        }
        if (failure instanceof ErrorResponse error && error.getStatusCode().is4xxClientError()) {
            error.getHeaders().forEach((name, values) -> exchange.getResponse().getHeaders().put(name, values));
            if (error.getStatusCode().isSameCodeAs(HttpStatus.NOT_FOUND)) {
                return problems.write(exchange, HttpStatus.NOT_FOUND, "not-found",
                        exchange.getRequest().getPath().value());
            }
            return problems.write(exchange, error);
        }
        CorrelationIdFilter.withCorrelationId(exchange,
                () -> log.error("Request {} {} failed", exchange.getRequest().getMethod(),
                        exchange.getRequest().getPath().value(), failure));
        return problems.write(exchange, HttpStatus.INTERNAL_SERVER_ERROR, "failed");
    }

    /** The routing filter reports a response timeout as 504. */
    private static boolean isTimeout(Throwable failure) {
        return failure instanceof ErrorResponse error && error.getStatusCode().isSameCodeAs(HttpStatus.GATEWAY_TIMEOUT);
    }

    /** Nothing reached the service: no instance is up (the load balancer's 503), or none could be connected to. */
    private static boolean isDownstreamUnavailable(Throwable failure) {
        if (failure instanceof ErrorResponse error
                && error.getStatusCode().isSameCodeAs(HttpStatus.SERVICE_UNAVAILABLE)) {
            return true;
        }
        return causedBy(failure, ConnectException.class) || causedBy(failure, ConnectTimeoutException.class)
                || causedBy(failure, UnknownHostException.class);
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isWrite(ServerWebExchange exchange) {
        HttpMethod method = exchange.getRequest().getMethod();
        return !HttpMethod.GET.equals(method) && !HttpMethod.HEAD.equals(method) && !HttpMethod.OPTIONS.equals(method);
    }

    /** A client cannot tell whether a write it got no answer for was applied: say how to find out safely. */
    private String mayHaveBeenApplied(ServerWebExchange exchange) {
        if (!isWrite(exchange)) {
            return problems.message(exchange, "read-retry");
        }
        return problems.message(exchange, exchange.getRequest().getHeaders().containsHeader(IDEMPOTENCY_KEY)
                ? "write-may-be-applied-with-key" : "write-may-be-applied");
    }

    private static String routeId(ServerWebExchange exchange) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        return route != null ? route.getId() : "The service";
    }
}
