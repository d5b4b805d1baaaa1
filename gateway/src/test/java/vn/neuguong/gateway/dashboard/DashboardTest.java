package vn.neuguong.gateway.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The dashboard's page, scripts, map and configuration are served to anyone: signing in happens on the page. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.security.oauth2.resourceserver.jwt.issuer-uri=http://localhost:9",
        "neuguong.dashboard.mode=oidc",
        "neuguong.dashboard.issuer=https://id.example.org/realms/neuguong" })
class DashboardTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void servesThePageAtTheRootWithoutAToken() throws Exception {
        HttpResponse<String> page = get("/", "text/html");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(page.body()).contains("<script type=\"module\" src=\"assets/app.js\"></script>", "NêuGương");
    }

    @Test
    void servesTheScriptsAsJavaScriptModulesAndTheStylesAndTheMap() throws Exception {
        for (String script : new String[] { "/assets/app.js", "/assets/i18n.js", "/assets/views/unit.js" }) {
            HttpResponse<String> response = get(script, "*/*");
            assertThat(response.statusCode()).as(script).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElseThrow()).as(script).contains("javascript");
        }
        assertThat(get("/assets/app.css", "text/css").headers().firstValue("Content-Type").orElseThrow()).startsWith("text/css");

        HttpResponse<String> map = get("/assets/geo/vn-provinces.geojson", "*/*");
        assertThat(map.statusCode()).isEqualTo(200);
        JsonNode provinces = JSON.readTree(map.body()).path("features");
        assertThat(provinces.size()).isEqualTo(34);
        assertThat(get("/assets/geo/LICENSE-vietnamese-provinces-database.txt", "*/*").body()).contains("MIT License");
    }

    @Test
    void servesTheEchartsWebJarThePageLoads() throws Exception {
        Matcher script = Pattern.compile("src=\"(webjars/echarts/[^\"]+)\"").matcher(get("/", "text/html").body());
        assertThat(script.find()).as("the page loads ECharts from the WebJar").isTrue();

        HttpResponse<String> echarts = get("/" + script.group(1), "*/*");

        assertThat(echarts.statusCode()).isEqualTo(200);
        assertThat(echarts.headers().firstValue("Content-Type").orElseThrow()).contains("javascript");
        assertThat(echarts.body()).contains("registerMap");
    }

    @Test
    void servesTheSignInConfigurationUncached() throws Exception {
        HttpResponse<String> response = get("/dashboard-config.json", "application/json");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
        JsonNode config = JSON.readTree(response.body());
        assertThat(config.path("mode").asString()).isEqualTo("oidc");
        assertThat(config.path("issuer").asString()).isEqualTo("https://id.example.org/realms/neuguong");
        assertThat(config.path("clientId").asString()).isEqualTo("neuguong-dashboard");
    }

    @Test
    void keepsTheApiClosedWithoutAToken() throws Exception {
        assertThat(get("/api/aggregates/vn?year=2026", "application/json").statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> get(String path, String accept) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", accept).timeout(Duration.ofSeconds(15)).GET().build(), BodyHandlers.ofString());
    }
}
