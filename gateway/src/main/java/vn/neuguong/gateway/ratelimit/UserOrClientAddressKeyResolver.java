package vn.neuguong.gateway.ratelimit;

import java.net.InetSocketAddress;

import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Rate-limits per user: the token's {@code sub}. A request without a token is keyed by the client's address (the
 * socket peer, or what {@code server.forward-headers-strategy} makes of a trusted proxy's headers).
 */
public class UserOrClientAddressKeyResolver implements KeyResolver {

    @Override
    public Mono<String> resolve(ServerWebExchange exchange) {
        return exchange.getPrincipal()
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(principal -> "user:" + ((JwtAuthenticationToken) principal).getToken().getSubject())
                .switchIfEmpty(Mono.fromSupplier(() -> addressKey(exchange)));
    }

    /** The key of a request's client address, shared by every limit on requests that have no valid token. */
    public static String addressKey(ServerWebExchange exchange) {
        return "address:" + clientAddress(exchange);
    }

    private static String clientAddress(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        if (remote == null) {
            return "unknown";
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }
}
