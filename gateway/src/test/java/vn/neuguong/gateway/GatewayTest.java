package vn.neuguong.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.neuguong.contracts.Role;
import vn.neuguong.testsupport.TestInfrastructure;

/**
 * The gateway over real HTTP: the token issuer of the test infrastructure, and three stub services standing in for
 * pledge-, recognition- and reporting-service.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "neuguong.gateway.response-timeout=1s",
        "neuguong.rate-limit.capacity=30",
        "neuguong.rate-limit.refill-per-second=5" })
@ExtendWith(OutputCaptureExtension.class)
class GatewayTest {

    private static final StubService PLEDGES = StubService.start("pledge");
    private static final StubService RECOGNITION = StubService.start("recognition");
    private static final StubService REPORTING = StubService.start("reporting");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PROBLEM_JSON = "application/problem+json";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("neuguong.services.pledge-uri", PLEDGES::uri);
        registry.add("neuguong.services.recognition-uri", RECOGNITION::uri);
        registry.add("neuguong.services.reporting-uri", REPORTING::uri);
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri",
                () -> TestInfrastructure.get().issuerUri());
    }

    @AfterAll
    static void stopServices() {
        PLEDGES.close();
        RECOGNITION.close();
        REPORTING.close();
    }

    @ParameterizedTest
    @CsvSource({
            "/api/pledges,                                  pledge,      /api/pledges,",
            "/api/pledges/p-1/self-assessment,              pledge,      /api/pledges/p-1/self-assessment,",
            "/api/pledges/imports/job-7,                    pledge,      /api/pledges/imports/job-7,",
            "/api/nominations?year=2026,                    recognition, /api/nominations,          year=2026",
            "/api/nominations/n-1/votes,                    recognition, /api/nominations/n-1/votes,",
            "/api/org-units?q=H%C3%A0%20N%E1%BB%99i,        reporting,   /api/org-units,            q=Hà Nội",
            "/api/org-units/vn/children,                    reporting,   /api/org-units/vn/children,",
            "/api/aggregates/vn?year=2026,                  reporting,   /api/aggregates/vn,        year=2026",
            "/api/periods/2026,                             reporting,   /api/periods/2026,",
            "/api/reports/r-1/approval,                     reporting,   /api/reports/r-1/approval,",
            "/api/completeness?unitId=vn&periodId=2026,     reporting,   /api/completeness,         unitId=vn&periodId=2026",
            "/api/completeness/p-01,                        reporting,   /api/completeness/p-01,",
            "/api/conferences/c-1/totals,                   reporting,   /api/conferences/c-1/totals,",
            "/api/exports/vn.xlsx?year=2026,                reporting,   /api/exports/vn.xlsx,      year=2026" })
    void routesEveryPrefixToItsService(String requestPath, String service, String path, String query) throws Exception {
        HttpResponse<String> response = send(get(requestPath).header("Authorization", bearer("router", Role.MEMBER)));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode echo = JSON.readTree(response.body());
        assertThat(echo.path("service").asString()).isEqualTo(service);
        assertThat(echo.path("path").asString()).isEqualTo(path);
        assertThat(echo.path("query").asString(null)).isEqualTo(query);
    }

    @Test
    void passesTheBearerTokenThroughUnchanged() throws Exception {
        String token = TestInfrastructure.get().token("member-1", "Nguyễn Văn An", "w-00001", Role.MEMBER);

        HttpResponse<String> response = send(post("/api/pledges", "{}").header("Authorization", "Bearer " + token));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).path("authorization").asString()).isEqualTo("Bearer " + token);
    }

    @Test
    void answersARequestWithoutATokenWith401AndAChallenge() throws Exception {
        HttpResponse<String> response = send(get("/api/pledges"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        JsonNode problem = problem(response);
        assertThat(problem.path("status").asInt()).isEqualTo(401);
        assertThat(problem.path("instance").asString()).isEqualTo("/api/pledges");
        assertThat(problem.path("correlationId").asString())
                .isEqualTo(response.headers().firstValue("X-Correlation-Id").orElseThrow());
    }

    @Test
    void answersAMalformedTokenWith401() throws Exception {
        HttpResponse<String> response = send(get("/api/pledges").header("Authorization", "Bearer not.a.token"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow()).startsWith("Bearer error=\"invalid_token\"");
        assertThat(problem(response).path("status").asInt()).isEqualTo(401);
    }

    @Test
    void answersATokenWithForgedClaimsWith401() throws Exception {
        String[] parts = TestInfrastructure.get().token("member-2", "Trần Thị Bình", "w-00001", Role.MEMBER).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        assertThat(payload).contains("\"MEMBER\"");
        String escalated = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.replace("\"MEMBER\"", "\"OPERATOR\"").getBytes(StandardCharsets.UTF_8));
        String forged = parts[0] + "." + escalated + "." + parts[2];

        HttpResponse<String> response = send(get("/actuator/prometheus").header("Authorization", "Bearer " + forged));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("invalid_token");
        assertThat(problem(response).path("status").asInt()).isEqualTo(401);
    }

    @Test
    void carriesTheCallersCorrelationIdDownstreamBackAndIntoTheLogs(CapturedOutput output) throws Exception {
        HttpResponse<String> response = send(get("/api/nominations/n-9")
                .header("Authorization", bearer("correlated", Role.MEMBER))
                .header("X-Correlation-Id", "trace-4711"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).path("correlationId").asString()).isEqualTo("trace-4711");
        assertThat(response.headers().allValues("X-Correlation-Id")).containsExactly("trace-4711");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(output.getOut())
                .containsPattern("\"correlationId\":\"trace-4711\".*/api/nominations/n-9|/api/nominations/n-9.*\"correlationId\":\"trace-4711\""));
    }

    @Test
    void createsACorrelationIdWhenTheCallerSentNoneOrAMalformedOne() throws Exception {
        String token = bearer("uncorrelated", Role.MEMBER);
        for (HttpRequest.Builder request : List.of(get("/api/periods").header("Authorization", token),
                get("/api/periods").header("Authorization", token).header("X-Correlation-Id", "spaces and\tcontrols"))) {
            HttpResponse<String> response = send(request);

            String created = response.headers().firstValue("X-Correlation-Id").orElseThrow();
            assertThat(created).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
            assertThat(JSON.readTree(response.body()).path("correlationId").asString()).isEqualTo(created);
        }
    }

    @Test
    void answersPathsWithoutARouteWith404() throws Exception {
        String token = bearer("lost", Role.MEMBER);
        for (String path : List.of("/api/unknown", "/api", "/nothing-here")) {
            HttpResponse<String> response = send(get(path).header("Authorization", token));

            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(problem(response).path("detail").asString()).isEqualTo("Nothing is served at " + path + ".");
        }
    }

    /** What the gateway answers itself follows Accept-Language like the services' problems: Vietnamese for vi. */
    @Test
    void answersItsOwnProblemsInTheReadersLanguage() throws Exception {
        PLEDGES.on("/api/pledges/cham", exchange -> {
            try {
                Thread.sleep(3_000);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(204, -1);
        });
        String member = bearer("doc-gia", Role.MEMBER);

        assertVietnamese(send(get("/api/pledges").header("Accept-Language", "vi")), 401,
                "Chưa đăng nhập hoặc phiên đã hết hạn", "Cần có mã truy cập (bearer token) hợp lệ.");
        assertVietnamese(send(get("/actuator/prometheus").header("Authorization", member)
                .header("Accept-Language", "vi-VN,vi;q=0.9,en;q=0.5")), 403, "Không có quyền",
                "Vai trò trong mã truy cập không cho phép yêu cầu này.");
        assertVietnamese(send(get("/api/khong-co").header("Authorization", member).header("Accept-Language", "vi")),
                404, "Không tìm thấy", "Không có nội dung nào tại /api/khong-co.");
        assertVietnamese(send(post("/api/pledges", new byte[1024 * 1024 + 1]).header("Authorization", member)
                .header("Accept-Language", "vi")), 413, "Dữ liệu gửi lên quá lớn",
                "Nội dung gửi lên lớn hơn mức 1 MiB được chấp nhận ở đây.");
        assertVietnamese(send(request("/api/pledges").header("Authorization", member).header("Accept-Language", "vi")
                .header("Content-Type", "application/x-www-form-urlencoded").POST(BodyPublishers.ofString("a=1"))),
                415, "Định dạng dữ liệu không được hỗ trợ",
                "API này nhận nội dung JSON (application/json), không nhận biểu mẫu (form).");
        assertVietnamese(send(get("/api/pledges/cham").header("Authorization", member).header("Accept-Language", "vi")),
                503, "Dịch vụ tạm thời không sẵn sàng", "pledge-service hiện không sẵn sàng; vui lòng thử lại sau.");
        String greedy = bearer("doc-gia-voi-vang", Role.MEMBER);
        HttpResponse<String> limited = null;
        for (int request = 0; request < 60 && limited == null; request++) {
            HttpResponse<String> response = send(get("/api/aggregates/vn").header("Authorization", greedy)
                    .header("Accept-Language", "vi"));
            limited = response.statusCode() == 429 ? response : null;
        }
        assertVietnamese(limited, 429, "Quá nhiều yêu cầu",
                "Quá nhiều yêu cầu; vui lòng giảm tốc độ và thử lại sau khoảng thời gian ghi trong Retry-After.");

        HttpResponse<String> english = send(get("/api/khong-co").header("Authorization", member)
                .header("Accept-Language", "en-GB,fr;q=0.5"));
        assertThat(problem(english).path("title").asString()).isEqualTo("Not Found");
        assertThat(problem(english).path("detail").asString()).isEqualTo("Nothing is served at /api/khong-co.");
    }

    private static void assertVietnamese(HttpResponse<String> response, int status, String title, String detail) {
        assertThat(response).as("a %d", status).isNotNull();
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith(PROBLEM_JSON));
        JsonNode problem = problem(response);
        assertThat(problem.path("title").asString()).isEqualTo(title);
        assertThat(problem.path("detail").asString()).isEqualTo(detail);
    }

    @Test
    void opensHealthAndKeepsTheRestOfActuatorForOperators() throws Exception {
        assertThat(send(get("/actuator/health")).statusCode()).isEqualTo(200);
        assertThat(send(get("/actuator/health/liveness")).statusCode()).isEqualTo(200);

        HttpResponse<String> anonymous = send(get("/actuator/prometheus"));
        HttpResponse<String> member = send(get("/actuator/prometheus").header("Authorization", bearer("curious", Role.MEMBER)));
        HttpResponse<String> operator = send(get("/actuator/prometheus").header("Authorization", bearer("ops", Role.OPERATOR)));

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(member.statusCode()).isEqualTo(403);
        assertThat(problem(member).path("status").asInt()).isEqualTo(403);
        assertThat(operator.statusCode()).isEqualTo(200);
        assertThat(operator.body()).contains("neuguong_gateway_rate_limited_total");
    }

    @Test
    void answersA503ProblemWhenAServiceIsTooSlow() throws Exception {
        PLEDGES.on("/api/pledges/slow", exchange -> {
            try {
                Thread.sleep(3_000);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(204, -1);
        });
        long started = System.nanoTime();

        HttpResponse<String> response = send(get("/api/pledges/slow").header("Authorization", bearer("patient", Role.MEMBER)));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2_500));
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(problem(response).path("detail").asString()).isEqualTo("pledge-service is unavailable at the moment; please try again later.");
        assertThat(response.body()).doesNotContain("localhost", "127.0.0.1", "Exception");
    }

    @Test
    void rejectsBodiesAboveTheLimitWith413() throws Exception {
        String token = bearer("uploader", Role.UNIT_OFFICER);
        byte[] oneMebibyteAndOne = new byte[1024 * 1024 + 1];
        byte[] twoMebibytes = new byte[2 * 1024 * 1024];

        HttpResponse<String> declared = send(post("/api/pledges", oneMebibyteAndOne).header("Authorization", token));
        HttpResponse<String> chunked = send(request("/api/reports").header("Authorization", token)
                .POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(twoMebibytes))));
        HttpResponse<String> importFile = send(post("/api/pledges/imports", twoMebibytes).header("Authorization", token));

        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(problem(declared).path("detail").asString()).isEqualTo("The request body is larger than the 1 MiB accepted here.");
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(problem(chunked).path("status").asInt()).isEqualTo(413);
        assertThat(importFile.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(importFile.body()).path("bodyBytes").asLong()).isEqualTo(twoMebibytes.length);
    }

    @Test
    void refusesFormBodiesWith415BeforeForwardingThem() throws Exception {
        HttpResponse<String> form = send(request("/api/pledges/p-1").header("Authorization", bearer("former", Role.MEMBER))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .PUT(BodyPublishers.ofString("{\"a\":\"100% x\"}")));

        assertThat(form.statusCode()).isEqualTo(415);
        assertThat(problem(form).path("detail").asString()).contains("not forms");
    }

    @Test
    void limitsEachUsersRateWith429AndRetryAfter() throws Exception {
        String greedy = bearer("greedy", Role.MEMBER);
        List<HttpResponse<String>> responses = new ArrayList<>();
        for (int request = 0; request < 60; request++) {
            responses.add(send(get("/api/aggregates/vn").header("Authorization", greedy)));
        }

        assertThat(responses.get(0).statusCode()).isEqualTo(200);
        assertThat(responses.get(0).headers().firstValue("X-RateLimit-Remaining")).hasValue("29");
        HttpResponse<String> limited = responses.stream().filter(response -> response.statusCode() == 429).findFirst().orElseThrow();
        assertThat(Integer.parseInt(limited.headers().firstValue("Retry-After").orElseThrow())).isPositive();
        assertThat(limited.headers().firstValue("X-RateLimit-Remaining")).hasValue("0");
        assertThat(problem(limited).path("status").asInt()).isEqualTo(429);
        assertThat(send(get("/api/aggregates/vn").header("Authorization", bearer("modest", Role.MEMBER))).statusCode())
                .as("another user is not limited").isEqualTo(200);
    }

    @Test
    void streamsServerSentEventsAsTheyComeWithoutAResponseTimeout() throws Exception {
        CountDownLatch firstEventArrived = new CountDownLatch(1);
        AtomicBoolean secondEventWaitedForTheFirst = new AtomicBoolean();
        REPORTING.on("/api/conferences/c-1/totals/stream", exchange -> {
            try {
                Thread.sleep(1_500); // longer than the response timeout of ordinary routes
                exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
                exchange.sendResponseHeaders(200, 0);
                OutputStream events = exchange.getResponseBody();
                events.write("data: {\"attendees\":1200}\n\n".getBytes(StandardCharsets.UTF_8));
                events.flush();
                secondEventWaitedForTheFirst.set(firstEventArrived.await(10, TimeUnit.SECONDS));
                events.write("data: {\"attendees\":2500}\n\n".getBytes(StandardCharsets.UTF_8));
                events.flush();
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        HttpResponse<Stream<String>> response = http.send(request("/api/conferences/c-1/totals/stream")
                .header("Authorization", bearer("watcher", Role.CENTRAL_BOARD))
                .header("Accept", "text/event-stream")
                .build(), BodyHandlers.ofLines());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/event-stream");
        try (Stream<String> lines = response.body()) {
            Iterator<String> events = lines.filter(line -> line.startsWith("data:")).iterator();
            assertThat(events.next()).isEqualTo("data: {\"attendees\":1200}");
            firstEventArrived.countDown();
            assertThat(events.next()).isEqualTo("data: {\"attendees\":2500}");
        }
        assertThat(secondEventWaitedForTheFirst).as("the first event arrived while the stream was open").isTrue();
    }

    private String bearer(String sub, Role... roles) {
        return "Bearer " + TestInfrastructure.get().token(sub, "Người dùng " + sub, "w-00001", roles);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(15));
    }

    private HttpRequest.Builder get(String path) {
        return request(path).GET();
    }

    private HttpRequest.Builder post(String path, String json) {
        return request(path).header("Content-Type", "application/json").POST(BodyPublishers.ofString(json));
    }

    private HttpRequest.Builder post(String path, byte[] body) {
        return request(path).header("Content-Type", "text/csv").POST(BodyPublishers.ofByteArray(body));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), BodyHandlers.ofString());
    }

    private static JsonNode problem(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith(PROBLEM_JSON);
        assertThat(response.body()).doesNotContain("Exception", "\tat ");
        return JSON.readTree(response.body());
    }
}
