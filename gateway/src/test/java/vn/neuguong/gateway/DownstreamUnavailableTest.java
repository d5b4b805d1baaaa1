package vn.neuguong.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.neuguong.contracts.Role;
import vn.neuguong.testsupport.TestInfrastructure;

/** Every service is down: nothing listens where the gateway routes to. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DownstreamUnavailableTest {

    private static final int CLOSED_PORT = unusedPort();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        String nowhere = "http://localhost:" + CLOSED_PORT;
        registry.add("neuguong.services.pledge-uri", () -> nowhere);
        registry.add("neuguong.services.recognition-uri", () -> nowhere);
        registry.add("neuguong.services.reporting-uri", () -> nowhere);
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> TestInfrastructure.get().issuerUri());
    }

    @ParameterizedTest
    @CsvSource({
            "/api/pledges/p-1,            pledge-service",
            "/api/nominations,            recognition-service",
            "/api/aggregates/vn?year=2026, reporting-service" })
    void answers503ProblemNamingOnlyTheService(String path, String service) throws Exception {
        String token = TestInfrastructure.get().token("officer-1", "Lê Văn Cường", "p-01", Role.UNIT_OFFICER);
        long started = System.nanoTime();

        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(10))
                .build(), BodyHandlers.ofString());

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        JsonNode problem = JsonMapper.builder().build().readTree(response.body());
        assertThat(problem.path("title").asString()).isEqualTo("Service Unavailable");
        assertThat(problem.path("detail").asString()).isEqualTo(service + " is unavailable at the moment; please try again later.");
        assertThat(response.body()).doesNotContain("localhost", "127.0.0.1", String.valueOf(CLOSED_PORT), "Exception");
    }

    private static int unusedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
