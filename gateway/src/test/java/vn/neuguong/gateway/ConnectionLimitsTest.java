package vn.neuguong.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.neuguong.contracts.Role;
import vn.neuguong.testsupport.TestInfrastructure;

/** Limits that hold where the per-user rate limit of routed requests does not reach. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "neuguong.rate-limit.capacity=20",
        "neuguong.rate-limit.refill-per-second=1",
        "neuguong.gateway.max-streams-per-user=2" })
class ConnectionLimitsTest {

    private static final StubService REPORTING = StubService.start("reporting");
    private static final CountDownLatch RELEASE_STREAMS = new CountDownLatch(1);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("neuguong.services.reporting-uri", REPORTING::uri);
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri",
                () -> TestInfrastructure.get().issuerUri());
    }

    @AfterAll
    static void stop() {
        RELEASE_STREAMS.countDown();
        REPORTING.close();
    }

    @Test
    void requestsWithoutAValidTokenAreLimitedPerClientAddress() throws Exception {
        List<Integer> statuses = new ArrayList<>();
        HttpResponse<String> limited = null;
        for (int i = 0; i < 40; i++) {
            String token = i % 2 == 0 ? null : "Bearer not-a-token-" + i;
            HttpRequest.Builder request = request("/api/aggregates/vn").GET();
            if (token != null) {
                request.header("Authorization", token);
            }
            HttpResponse<String> response = http.send(request.build(), BodyHandlers.ofString());
            statuses.add(response.statusCode());
            if (response.statusCode() == 429 && limited == null) {
                limited = response;
            }
        }

        assertThat(statuses.subList(0, 10)).containsOnly(401);
        assertThat(statuses).contains(429);
        assertThat(limited.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(Integer.parseInt(limited.headers().firstValue("Retry-After").orElseThrow())).isPositive();
    }

    @Test
    void aUserHoldsAtMostTheCappedNumberOfLiveStreamsAndMayOpenAnotherWhenOneEnds() throws Exception {
        REPORTING.on("/api/conferences/c-1/totals/stream", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            OutputStream events = exchange.getResponseBody();
            events.write("data: {\"attendees\":1}\n\n".getBytes(StandardCharsets.UTF_8));
            events.flush();
            try {
                RELEASE_STREAMS.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        String watcher = bearer("watcher");

        CompletableFuture<HttpResponse<Stream<String>>> first = stream(watcher);
        CompletableFuture<HttpResponse<Stream<String>>> second = stream(watcher);
        assertThat(first.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertThat(second.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);

        HttpResponse<Stream<String>> third = stream(watcher).get(10, TimeUnit.SECONDS);
        assertThat(third.statusCode()).isEqualTo(429);
        assertThat(third.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(stream(bearer("another-watcher")).get(10, TimeUnit.SECONDS).statusCode())
                .as("another user is not affected").isEqualTo(200);

        first.get().body().close();
        HttpResponse<Stream<String>> again = null;
        for (int attempt = 0; attempt < 50 && (again == null || again.statusCode() != 200); attempt++) {
            Thread.sleep(100);
            again = stream(watcher).get(10, TimeUnit.SECONDS);
        }
        assertThat(again.statusCode()).as("a closed stream frees its place").isEqualTo(200);
    }

    private CompletableFuture<HttpResponse<Stream<String>>> stream(String token) {
        return http.sendAsync(request("/api/conferences/c-1/totals/stream").header("Authorization", token)
                .header("Accept", "text/event-stream").GET().build(), BodyHandlers.ofLines());
    }

    private static String bearer(String sub) {
        return "Bearer " + TestInfrastructure.get().token(sub, "Người dùng " + sub, "w-00001", Role.CENTRAL_BOARD);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(15));
    }
}
