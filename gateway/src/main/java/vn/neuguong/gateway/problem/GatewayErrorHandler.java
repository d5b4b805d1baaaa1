package vn.neuguong.gateway.problem;

import java.net.ConnectException;
import java.net.UnknownHostException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.annotation.Order;
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
 * downstream host names: a service that cannot be reached, or answers too slowly, is a 503 naming only the route.
 * Ordered before Spring Boot's own error handler, which therefore never answers.
 */
@Component
@Order(-2)
class GatewayErrorHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GatewayErrorHandler.class);

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
            return problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE,
                    "Bearer tokens cannot be verified at the moment; please try again later.");
        }
        if (isDownstreamUnavailable(failure)) {
            String service = routeId(exchange);
            CorrelationIdFilter.withCorrelationId(exchange,
                    () -> log.warn("{} is unavailable: {}", service, failure.toString()));
            return problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE,
                    service + " is unavailable at the moment; please try again later.");
        }
        if (failure instanceof ErrorResponse error && error.getStatusCode().is4xxClientError()) {
            error.getHeaders().forEach((name, values) -> exchange.getResponse().getHeaders().put(name, values));
            return problems.write(exchange, error.getStatusCode(), clientErrorDetail(exchange, error));
        }
        CorrelationIdFilter.withCorrelationId(exchange,
                () -> log.error("Request {} {} failed", exchange.getRequest().getMethod(),
                        exchange.getRequest().getPath().value(), failure));
        return problems.write(exchange, HttpStatus.INTERNAL_SERVER_ERROR,
                "The gateway could not handle the request.");
    }

    private static boolean isDownstreamUnavailable(Throwable failure) {
        // the routing filter reports a response timeout as 504
        if (failure instanceof ErrorResponse error && error.getStatusCode().isSameCodeAs(HttpStatus.GATEWAY_TIMEOUT)) {
            return true;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof ConnectTimeoutException
                    || cause instanceof UnknownHostException || cause instanceof PrematureCloseException) {
                return true;
            }
        }
        return false;
    }

    private static String routeId(ServerWebExchange exchange) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        return route != null ? route.getId() : "The service";
    }

    private static String clientErrorDetail(ServerWebExchange exchange, ErrorResponse error) {
        if (error.getStatusCode().isSameCodeAs(HttpStatus.NOT_FOUND)) {
            return "Nothing is served at " + exchange.getRequest().getPath().value() + ".";
        }
        return error.getBody().getDetail();
    }
}
