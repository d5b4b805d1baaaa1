package vn.neuguong.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.neuguong.contracts.Role;
import vn.neuguong.testsupport.TestInfrastructure;

/**
 * The gateway balances over the instances of a service: pledge-service has three here, one healthy, one that dies on
 * every request it gets (it reports ready, reads the request and closes the connection) and one that is not running.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LoadBalancingTest {

    private static final StubService HEALTHY = StubService.start("pledge");
    private static final DyingService DYING = DyingService.start();
    private static final StubService OTHERS = StubService.start("other");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.discovery.client.simple.instances.pledge-service[0].uri", HEALTHY::uri);
        registry.add("spring.cloud.discovery.client.simple.instances.pledge-service[1].uri", DYING::uri);
        registry.add("spring.cloud.discovery.client.simple.instances.pledge-service[2].uri",
                () -> "http://localhost:" + unusedPort());
        registry.add("neuguong.services.recognition-uri", OTHERS::uri);
        registry.add("neuguong.services.reporting-uri", OTHERS::uri);
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> TestInfrastructure.get().issuerUri());
    }

    @AfterAll
    static void stopServices() {
        HEALTHY.close();
        DYING.close();
        OTHERS.close();
    }

    /** The first readiness probes have answered: both ready instances are in the rotation. */
    @BeforeEach
    void awaitBothInstancesInRotation() {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            int before = DYING.requests();
            boolean allAnswered = true;
            for (int i = 0; i < 4; i++) {
                allAnswered &= send(request("/api/pledges/warm-up").GET()).statusCode() == 200;
            }
            return allAnswered && DYING.requests() > before;
        });
    }

    @Test
    void readsAndKeyedWritesReachAHealthyInstanceWhenAnotherDiesOnThem() throws Exception {
        int reachedDying = DYING.requests();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            HttpResponse<String> read = send(request("/api/pledges/p-" + i).GET());
            statuses.add(read.statusCode());
            assertThat(JSON.readTree(read.body()).path("service").asString()).isEqualTo("pledge");

            HttpResponse<String> write = send(request("/api/pledges").header("Idempotency-Key", UUID.randomUUID().toString())
                    .header("Content-Type", "application/json")
                    .POST(BodyPublishers.ofString("{\"title\":\"Học tập và làm theo tấm gương đạo đức Hồ Chí Minh\"}")));
            statuses.add(write.statusCode());
            JsonNode echo = JSON.readTree(write.body());
            assertThat(echo.path("method").asString()).isEqualTo("POST");
            assertThat(echo.path("bodyBytes").asInt()).as("the body travels again on the second attempt")
                    .isEqualTo("{\"title\":\"Học tập và làm theo tấm gương đạo đức Hồ Chí Minh\"}"
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        }
        assertThat(statuses).containsOnly(200);
        assertThat(DYING.requests() - reachedDying).as("requests that met the dying instance first").isPositive();
    }

    @Test
    void aWriteWithoutKeyThatMetADyingInstanceIsA502SayingItMayHaveBeenApplied() throws Exception {
        List<HttpResponse<String>> responses = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            responses.add(send(request("/api/pledges").header("Content-Type", "application/json")
                    .POST(BodyPublishers.ofString("{}"))));
        }
        assertThat(responses).extracting(HttpResponse::statusCode).containsOnly(200, 502).contains(502);
        HttpResponse<String> badGateway = responses.stream().filter(response -> response.statusCode() == 502)
                .findFirst().orElseThrow();
        assertThat(badGateway.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(JSON.readTree(badGateway.body()).path("detail").asString())
                .isEqualTo("pledge-service stopped before answering. The request may have been applied. Send writes"
                        + " with an Idempotency-Key: sending one again with the same key is safe (it is applied at"
                        + " most once).");
        assertThat(badGateway.body()).doesNotContain("localhost", "127.0.0.1", "Exception");
    }

    private HttpRequest.Builder request(String path) {
        String token = TestInfrastructure.get().token("officer-19", "Cán bộ Tỉnh ủy Thái Nguyên", "p-19",
                Role.UNIT_OFFICER);
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), BodyHandlers.ofString());
    }

    private static int unusedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
