package vn.neuguong.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

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

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.neuguong.contracts.Role;
import vn.neuguong.testsupport.IntegrationTest;
import vn.neuguong.testsupport.TestInfrastructure;

/**
 * A service whose token issuer cannot be reached (its keys cannot be fetched) cannot tell a good token from a bad
 * one: that is its own trouble, a 503 the caller may retry, not the caller's 401 nor a 500.
 */
@IntegrationTest
class IssuerUnavailableIT {

    private static final int CLOSED_PORT = closedPort();

    @DynamicPropertySource
    static void unreachableIssuer(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri",
                () -> "http://localhost:" + CLOSED_PORT + "/realms/neuguong");
    }

    @Value("${local.server.port}")
    int port;

    @Test
    void aTokenThatCannotBeVerifiedForWantOfTheIssuerIsA503Problem() throws Exception {
        String token = TestInfrastructure.get().token("u1", "Người dùng", "vn", Role.MEMBER);
        for (int attempt = 0; attempt < 2; attempt++) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest
                    .newBuilder(URI.create("http://localhost:" + port + "/test/notes"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(30)).POST(BodyPublishers.ofString("{\"text\":\"ghi chú\"}")).build(),
                    BodyHandlers.ofString());

            assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(response.headers().firstValue("Retry-After")).isPresent();
            JsonNode problem = JsonMapper.builder().build().readTree(response.body());
            assertThat(problem.path("status").asInt()).isEqualTo(503);
            assertThat(problem.path("detail").asString())
                    .isEqualTo("Bearer tokens cannot be verified at the moment; please try again later.");
            assertThat(response.body()).doesNotContain("localhost", "Exception");
        }
        HttpResponse<String> vietnamese = HttpClient.newHttpClient().send(HttpRequest
                .newBuilder(URI.create("http://localhost:" + port + "/test/notes"))
                .header("Authorization", "Bearer " + token).header("Accept-Language", "vi")
                .timeout(Duration.ofSeconds(30)).GET().build(), BodyHandlers.ofString());
        JsonNode problem = JsonMapper.builder().build().readTree(vietnamese.body());
        assertThat(problem.path("title").asString()).isEqualTo("Dịch vụ tạm thời không sẵn sàng");
        assertThat(problem.path("detail").asString()).isEqualTo("Hiện chưa thể xác minh mã truy cập; vui lòng thử lại sau.");
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
