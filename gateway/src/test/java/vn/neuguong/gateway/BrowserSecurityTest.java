package vn.neuguong.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.neuguong.contracts.Role;
import vn.neuguong.testsupport.TestInfrastructure;

/** Security headers and CORS as a browser sees them: on the dashboard, on API responses, on the gateway's errors. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "neuguong.cors.allowed-origins=https://portal.example.vn",
        "neuguong.dashboard.issuer=https://login.example.vn/realms/neuguong" })
class BrowserSecurityTest {

    private static final StubService SERVICE = StubService.start("reporting");
    private static final String SERVICE_POLICY = "default-src 'none'; frame-ancestors 'none'";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("neuguong.services.pledge-uri", SERVICE::uri);
        registry.add("neuguong.services.recognition-uri", SERVICE::uri);
        registry.add("neuguong.services.reporting-uri", SERVICE::uri);
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> TestInfrastructure.get().issuerUri());
        SERVICE.on("/api/periods/with-policy", exchange -> {
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.getResponseHeaders().set("Content-Security-Policy", SERVICE_POLICY);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        });
    }

    @AfterAll
    static void stopService() {
        SERVICE.close();
    }

    @Test
    void theDashboardLoadsScriptsOnlyFromTheGatewayAndCannotBeFramed() throws Exception {
        HttpResponse<String> page = send(request("/"));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy -> assertThat(policy)
                .contains("script-src 'self';", "object-src 'none'", "frame-ancestors 'none'",
                        "connect-src 'self' https://login.example.vn;"));
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
    }

    @Test
    void apiResponsesAreNeverCachedAndKeepTheServicesStricterPolicy() throws Exception {
        HttpResponse<String> response = send(request("/api/periods/with-policy").header("Authorization", bearer()));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().allValues("Content-Security-Policy")).containsExactly(SERVICE_POLICY);
        assertThat(response.headers().firstValue("Cache-Control")).hasValueSatisfying(
                value -> assertThat(value).contains("no-store"));
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void theGatewaysOwnErrorsCarryTheHeadersToo() throws Exception {
        HttpResponse<String> unauthorized = send(request("/api/pledges"));

        assertThat(unauthorized.statusCode()).isEqualTo(401);
        assertThat(unauthorized.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(unauthorized.headers().firstValue("Cache-Control")).hasValueSatisfying(
                value -> assertThat(value).contains("no-store"));
    }

    @Test
    void aRequestTheFirewallRefusesIsAProblemToo() throws Exception {
        HttpResponse<String> refused = send(request("/api/pledges/%00%0A..%2F..%2Fetc").header("Authorization", bearer()));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.body()).contains("\"status\":400").doesNotContainIgnoringCase("exception");
    }

    @Test
    void aConfiguredOriginMayCallTheApi() throws Exception {
        HttpResponse<String> preflight = send(preflight("https://portal.example.vn"));
        HttpResponse<String> call = send(request("/api/periods").header("Origin", "https://portal.example.vn")
                .header("Authorization", bearer()));

        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://portal.example.vn");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
        assertThat(call.statusCode()).isEqualTo(200);
        assertThat(call.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://portal.example.vn");
    }

    @Test
    void anyOtherOriginIsRefused() throws Exception {
        HttpResponse<String> preflight = send(preflight("https://evil.example.com"));
        HttpResponse<String> call = send(request("/api/periods").header("Origin", "https://evil.example.com")
                .header("Authorization", bearer()));

        assertThat(preflight.statusCode()).isEqualTo(403);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(call.statusCode()).isEqualTo(403);
        assertThat(call.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    private HttpRequest.Builder preflight(String origin) {
        return request("/api/pledges").method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type,idempotency-key");
    }

    private static String bearer() {
        return "Bearer " + TestInfrastructure.get().token("browser-user", "Người dùng", "p-19", Role.PROVINCE_OFFICER);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), BodyHandlers.ofString());
    }
}
