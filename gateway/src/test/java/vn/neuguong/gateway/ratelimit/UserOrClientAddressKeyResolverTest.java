package vn.neuguong.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

class UserOrClientAddressKeyResolverTest {

    private final UserOrClientAddressKeyResolver resolver = new UserOrClientAddressKeyResolver();
    private final MockServerHttpRequest request = MockServerHttpRequest.get("/api/pledges")
            .remoteAddress(new InetSocketAddress("203.0.113.7", 51234))
            .build();

    @Test
    void keysAnAuthenticatedRequestByTheTokensSubject() {
        Jwt jwt = Jwt.withTokenValue("token").header("alg", "RS256").subject("member-42")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60)).build();
        MockServerWebExchange exchange = MockServerWebExchange.builder(request)
                .principal(new JwtAuthenticationToken(jwt))
                .build();

        assertThat(resolver.resolve(exchange).block()).isEqualTo("user:member-42");
    }

    @Test
    void keysAnAnonymousRequestByTheClientAddress() {
        assertThat(resolver.resolve(MockServerWebExchange.from(request)).block()).isEqualTo("address:203.0.113.7");
    }
}
