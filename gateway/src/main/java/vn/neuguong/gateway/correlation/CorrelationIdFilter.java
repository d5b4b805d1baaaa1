package vn.neuguong.gateway.correlation;

import java.util.UUID;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * Gives every request a correlation id — the caller's {@code X-Correlation-Id} when it is well formed, a new UUID
 * otherwise — and passes it to the downstream service, back to the caller, and into the log lines the gateway writes
 * (MDC key {@code correlationId}, a field of the structured log). Runs before security so that rejected requests
 * carry it too.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class CorrelationIdFilter implements WebFilter {

    public static final String HEADER = "X-Correlation-Id";
    public static final String MDC_KEY = "correlationId";

    private static final String ATTRIBUTE = CorrelationIdFilter.class.getName() + ".id";
    /**
     * Anything else (too long, control characters …) could forge log lines or bloat headers, so it is replaced. The
     * services accept the same form, so an id the gateway keeps is kept all the way.
     */
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Logger accessLog = LoggerFactory.getLogger("vn.neuguong.gateway.access");

    public static String correlationId(ServerWebExchange exchange) {
        return exchange.getAttribute(ATTRIBUTE);
    }

    /** Runs {@code logStatement} with the exchange's correlation id in the MDC. */
    public static void withCorrelationId(ServerWebExchange exchange, Runnable logStatement) {
        try (MDC.MDCCloseable ignored = MDC.putCloseable(MDC_KEY, correlationId(exchange))) {
            logStatement.run();
        }
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String received = exchange.getRequest().getHeaders().getFirst(HEADER);
        String id = received != null && WELL_FORMED.matcher(received).matches() ? received : UUID.randomUUID().toString();
        ServerHttpRequest request = exchange.getRequest().mutate().headers(headers -> headers.set(HEADER, id)).build();
        ServerWebExchange withId = exchange.mutate().request(request).build();
        withId.getAttributes().put(ATTRIBUTE, id);
        withId.getResponse().beforeCommit(() -> {
            withId.getResponse().getHeaders().set(HEADER, id);
            return Mono.empty();
        });
        long started = System.nanoTime();
        return chain.filter(withId).doFinally(signal -> withCorrelationId(withId, () -> accessLog.info("{} {} {} {}ms",
                request.getMethod(), request.getPath().value(), withId.getResponse().getStatusCode(),
                (System.nanoTime() - started) / 1_000_000)));
    }
}
