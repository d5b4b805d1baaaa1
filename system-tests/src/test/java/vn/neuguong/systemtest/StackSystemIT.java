package vn.neuguong.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.neuguong.systemtest.SystemStack.JSON;
import static vn.neuguong.systemtest.SystemStack.get;
import static vn.neuguong.systemtest.SystemStack.getUntil;
import static vn.neuguong.systemtest.SystemStack.token;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import tools.jackson.core.JacksonException;

/** The foundation through the real processes: health, tokens, problems, tone-insensitive search. */
@Order(1)
class StackSystemIT {

    @BeforeAll
    static void startTheStack() throws Exception {
        SystemStack.ensureStarted();
    }

    @Test
    void everyServiceIsHealthy() throws Exception {
        for (Map.Entry<String, Integer> service : SystemStack.SERVICE_PORTS.entrySet()) {
            HttpResponse<String> health = get(URI.create("http://localhost:" + service.getValue() + "/actuator/health"), null);

            assertThat(health.statusCode()).as(service.getKey()).isEqualTo(200);
            assertThat(JSON.readTree(health.body()).path("status").asString()).as(service.getKey()).isEqualTo("UP");
        }
    }

    @Test
    void theGatewayAcceptsATokenFromTheIssuer() throws Exception {
        String token = token("province-officer-19", "Cán bộ Tỉnh ủy Thái Nguyên", "p-19", "PROVINCE_OFFICER");

        HttpResponse<String> response = getUntil("/api/org-units/p-19", token, found -> found.statusCode() == 200);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).path("name").asString()).isEqualTo("Thái Nguyên");
    }

    @Test
    void aRequestWithoutATokenIsUnauthorizedWithAProblem() throws Exception {
        HttpResponse<String> response = get("/api/org-units/p-19", null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void searchingWithoutToneMarksFindsTheProvince() throws Exception {
        String token = token("central-board", "Ban Tuyên giáo và Dân vận Trung ương", "vn", "CENTRAL_BOARD");
        String search = "/api/org-units?q=" + URLEncoder.encode("thai nguyen", StandardCharsets.UTF_8);

        HttpResponse<String> response = getUntil(search, token,
                found -> found.statusCode() == 200 && namesIn(found).contains("Thái Nguyên"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(namesIn(response)).contains("Thái Nguyên");
    }

    private static List<String> namesIn(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body()).findValuesAsString("name");
        } catch (JacksonException e) {
            return List.of();
        }
    }
}
