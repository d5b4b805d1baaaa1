package vn.neuguong.gateway.streams;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Caps the server-sent event streams (live conference totals) a user holds open at once: each one ties up a
 * connection here and a subscription in reporting-service for as long as the client wants, so one user must not
 * hold hundreds. Beyond the cap the answer is 429; a stream's place is freed when it ends, however it ends.
 */
@Component
class StreamLimitFilter implements GlobalFilter, Ordered {

    static final String STREAM_ROUTE = "reporting-service-events";

    private final int maxStreamsPerUser;
    private final Map<String, Integer> openStreams = new ConcurrentHashMap<>();

    StreamLimitFilter(@Value("${neuguong.gateway.max-streams-per-user:5}") int maxStreamsPerUser) {
        this.maxStreamsPerUser = maxStreamsPerUser;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        if (route == null || !STREAM_ROUTE.equals(route.getId())) {
            return chain.filter(exchange);
        }
        return exchange.getPrincipal()
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(principal -> ((JwtAuthenticationToken) principal).getToken().getSubject())
                // every route needs a token: a request without one does not get here
                .defaultIfEmpty("")
                .flatMap(user -> {
                    if (user.isEmpty()) {
                        return chain.filter(exchange);
                    }
                    if (!tryOpen(user)) {
                        ErrorResponseException tooMany = new ErrorResponseException(HttpStatus.TOO_MANY_REQUESTS,
                                ProblemDetail.forStatus(HttpStatus.TOO_MANY_REQUESTS), null, "too-many-streams",
                                new Object[] {String.valueOf(maxStreamsPerUser)});
                        tooMany.getHeaders().set("Retry-After", "30");
                        return Mono.<Void>error(tooMany);
                    }
                    AtomicBoolean closed = new AtomicBoolean();
                    return chain.filter(exchange).doFinally(signal -> {
                        if (closed.compareAndSet(false, true)) {
                            close(user);
                        }
                    });
                });
    }

    private boolean tryOpen(String user) {
        boolean[] opened = {false};
        openStreams.compute(user, (key, open) -> {
            int current = open == null ? 0 : open;
            if (current >= maxStreamsPerUser) {
                return open;
            }
            opened[0] = true;
            return current + 1;
        });
        return opened[0];
    }

    private void close(String user) {
        openStreams.computeIfPresent(user, (key, open) -> open <= 1 ? null : open - 1);
    }

    /** After the per-user rate limit, so a refused request also counts there. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 150;
    }
}
