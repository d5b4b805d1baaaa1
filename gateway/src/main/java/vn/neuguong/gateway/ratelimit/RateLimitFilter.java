package vn.neuguong.gateway.ratelimit;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.server.ServerWebExchange;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

/**
 * Applies the {@link RateLimiter} to every routed request. Spring Cloud Gateway's own {@code RequestRateLimiter}
 * filter would answer a rejected request with an empty body; this one raises a 429 that the error handler renders as
 * problem+json, with the limiter's {@code Retry-After} and {@code X-RateLimit-Remaining} headers.
 */
public class RateLimitFilter implements GlobalFilter, Ordered {

    private final RateLimiter<?> rateLimiter;
    private final KeyResolver keyResolver;
    private final Counter rejected;

    public RateLimitFilter(RateLimiter<?> rateLimiter, KeyResolver keyResolver, MeterRegistry meters) {
        this.rateLimiter = rateLimiter;
        this.keyResolver = keyResolver;
        this.rejected = Counter.builder("neuguong.gateway.rate-limited")
                .description("Requests rejected with 429 by the per-user rate limit")
                .register(meters);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Route route = exchange.getRequiredAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        return keyResolver.resolve(exchange)
                .flatMap(key -> rateLimiter.isAllowed(route.getId(), key))
                .flatMap(decision -> {
                    if (decision.isAllowed()) {
                        decision.getHeaders().forEach(exchange.getResponse().getHeaders()::set);
                        return chain.filter(exchange);
                    }
                    rejected.increment();
                    ErrorResponseException tooMany = new ErrorResponseException(HttpStatus.TOO_MANY_REQUESTS,
                            ProblemDetail.forStatus(HttpStatus.TOO_MANY_REQUESTS), null, "too-many", null);
                    decision.getHeaders().forEach(tooMany.getHeaders()::set);
                    return Mono.error(tooMany);
                });
    }

    /** Early, so that a rejected request costs nothing else. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 100;
    }
}
