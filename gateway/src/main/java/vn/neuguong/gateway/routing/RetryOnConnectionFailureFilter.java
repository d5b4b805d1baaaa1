package vn.neuguong.gateway.routing;

import java.net.ConnectException;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.RouteToRequestUrlFilter;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;

import io.netty.channel.ConnectTimeoutException;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.PrematureCloseException;
import vn.neuguong.gateway.correlation.CorrelationIdFilter;

/**
 * Sends a request a second time, to the next instance the load balancer picks, when the first attempt failed on its
 * connection: refused or not established (nothing was sent, so any request may go again), or closed before the
 * answer (the service may have applied it, so only a request that is safe to repeat goes again: a read, or a write
 * carrying an {@code Idempotency-Key}, which the services apply at most once). A request whose body is too large to
 * hold for a second attempt is sent once. Ordered just before the route's URL is resolved, so each attempt is
 * balanced afresh.
 */
@Component
public class RetryOnConnectionFailureFilter implements GlobalFilter, Ordered {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    /** Bodies up to this size are held in memory so a second attempt can send them again. */
    private static final DataSize LARGEST_RETRIED_BODY = DataSize.ofMegabytes(1);
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
    private static final Logger log = LoggerFactory.getLogger(RetryOnConnectionFailureFilter.class);

    @Override
    public int getOrder() {
        return RouteToRequestUrlFilter.ROUTE_TO_URL_FILTER_ORDER - 1;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (SAFE.contains(request.getMethod()) || !hasBody(request)) {
            return attempt(exchange, chain);
        }
        long length = request.getHeaders().getContentLength();
        if (length < 0 || length > LARGEST_RETRIED_BODY.toBytes()) {
            return chain.filter(exchange);
        }
        return ServerWebExchangeUtils.cacheRequestBody(exchange,
                cached -> attempt(exchange.mutate().request(cached).build(), chain));
    }

    private Mono<Void> attempt(ServerWebExchange exchange, GatewayFilterChain chain) {
        return chain.filter(exchange).onErrorResume(failure -> retriable(exchange, failure), failure -> {
            CorrelationIdFilter.withCorrelationId(exchange, () -> log.info("{} {} to {}: {}; sending it again",
                    exchange.getRequest().getMethod(), exchange.getRequest().getPath().value(),
                    exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR), failure.toString()));
            ServerWebExchangeUtils.reset(exchange);
            return chain.filter(exchange);
        });
    }

    private static boolean retriable(ServerWebExchange exchange, Throwable failure) {
        if (exchange.getResponse().isCommitted()) {
            return false;
        }
        if (causedBy(failure, ConnectException.class) || causedBy(failure, ConnectTimeoutException.class)) {
            return true;
        }
        return causedBy(failure, PrematureCloseException.class) && safeToRepeat(exchange.getRequest());
    }

    static boolean safeToRepeat(ServerHttpRequest request) {
        return SAFE.contains(request.getMethod()) || request.getHeaders().containsHeader(IDEMPOTENCY_KEY);
    }

    private static boolean hasBody(ServerHttpRequest request) {
        return request.getHeaders().getContentLength() != 0 || request.getHeaders().containsHeader("Transfer-Encoding");
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
