package vn.neuguong.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.nimbusds.jwt.JWTClaimsSet;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Which tokens pass: the gateway trusts an issuer whose key this test holds, so it can present tokens that are
 * expired, for another audience, from another issuer, or signed by a foreign key.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TokenValidationTest {

    private static final TestIssuer ISSUER = new TestIssuer();
    private static final StubService PLEDGES = StubService.start("pledge");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void issuerAndService(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", ISSUER::uri);
        registry.add("neuguong.services.pledge-uri", PLEDGES::uri);
    }

    @AfterAll
    static void stop() {
        ISSUER.close();
        PLEDGES.close();
    }

    static Stream<Arguments> unacceptableClaims() {
        return Stream.of(
                unacceptable("expired beyond the clock skew", claims -> claims.expirationTime(secondsFromNow(-45)),
                        "Jwt expired at"),
                unacceptable("without an expiry", claims -> claims.expirationTime(null), "The exp claim is not valid"),
                unacceptable("not yet valid beyond the clock skew", claims -> claims.notBeforeTime(secondsFromNow(45)),
                        "Jwt used before"),
                unacceptable("from another issuer", claims -> claims.issuer("https://issuer.example.org"),
                        "The iss claim is not valid"),
                unacceptable("for another audience", claims -> claims.audience("another-system"),
                        "The aud claim is not valid"),
                unacceptable("without an audience", claims -> claims.audience(List.of()),
                        "The aud claim is not valid"));
    }

    @ParameterizedTest
    @MethodSource("unacceptableClaims")
    void rejectsATokenWithUnacceptableClaims(Consumer<JWTClaimsSet.Builder> flaw, String reason) throws Exception {
        HttpResponse<String> response = get(ISSUER.token(flaw));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow())
                .startsWith("Bearer error=\"invalid_token\"").contains(reason);
        JsonNode problem = JsonMapper.builder().build().readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(401);
        assertThat(problem.path("detail").asString()).contains(reason);
    }

    @Test
    void rejectsATokenSignedByAKeyTheIssuerDoesNotPublish() throws Exception {
        HttpResponse<String> response = get(ISSUER.tokenSignedByAnotherKey());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow()).startsWith("Bearer error=\"invalid_token\"");
    }

    @Test
    void acceptsAValidTokenAndOneExpiredWithinTheClockSkew() throws Exception {
        assertThat(get(ISSUER.token(claims -> { })).statusCode()).isEqualTo(200);
        assertThat(get(ISSUER.token(claims -> claims.expirationTime(secondsFromNow(-10)))).statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> get(String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/pledges"))
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(10))
                .build(), BodyHandlers.ofString());
    }

    private static Arguments unacceptable(String flaw, Consumer<JWTClaimsSet.Builder> claims, String reason) {
        return Arguments.of(Named.of(flaw, claims), reason);
    }

    private static Date secondsFromNow(long seconds) {
        return Date.from(Instant.now().plusSeconds(seconds));
    }
}
