package vn.neuguong.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.neuguong.contracts.Role;
import vn.neuguong.testsupport.IntegrationTest;
import vn.neuguong.testsupport.TestInfrastructure;

/** What a service does with bodies it must not read: forms, and bodies above its limits. */
@IntegrationTest
@TestPropertySource(properties = "neuguong.request-size.larger-bodies.[/test/uploads]=3MB")
@ExtendWith(OutputCaptureExtension.class)
class RequestBodyIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String token = TestInfrastructure.get().token("u1", "Người dùng", "vn", Role.MEMBER);

    @Value("${local.server.port}")
    int port;

    @Test
    void jsonSentAsAFormWithAStrayPercentIsA415ProblemAndTheBodyIsNotLogged(CapturedOutput output) throws Exception {
        String marker = "dau-vet-" + System.nanoTime();
        String body = "{\"text\":\"100% " + marker + " " + "x".repeat(50_000) + "\"}";

        for (String method : new String[] {"POST", "PUT"}) {
            HttpResponse<String> response = send(method, method.equals("POST") ? "/test/notes" : "/test/notes/1",
                    "application/x-www-form-urlencoded", BodyPublishers.ofString(body));

            assertThat(response.statusCode()).as(method + " " + response.body()).isEqualTo(415);
            assertThat(problem(response).path("status").asInt()).isEqualTo(415);
        }
        assertThat(send("POST", "/test/notes", "multipart/form-data; boundary=x", BodyPublishers.ofString(body))
                .statusCode()).isEqualTo(415);
        assertThat(output.getAll()).doesNotContain(marker);
    }

    @Test
    void whatTheFiltersAnswerFollowsAcceptLanguage() throws Exception {
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/test/notes"))
                .header("Authorization", "Bearer " + token).header("Accept-Language", "vi-VN,vi;q=0.9")
                .header("Content-Type", "application/x-www-form-urlencoded").POST(BodyPublishers.ofString("a=1")).build(),
                BodyHandlers.ofString());
        HttpResponse<String> large = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/test/notes"))
                .header("Authorization", "Bearer " + token).header("Accept-Language", "vi")
                .header("Content-Type", "application/json").POST(BodyPublishers.ofByteArray(json(2 * 1024 * 1024))).build(),
                BodyHandlers.ofString());
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/test/notes"))
                .header("Accept-Language", "vi").header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{}")).build(), BodyHandlers.ofString());

        assertThat(problem(form).path("title").asString()).isEqualTo("Định dạng dữ liệu không được hỗ trợ");
        assertThat(problem(form).path("detail").asString())
                .isEqualTo("API này nhận nội dung JSON (application/json), không nhận biểu mẫu (form).");
        assertThat(problem(large).path("detail").asString())
                .isEqualTo("Nội dung gửi lên lớn hơn mức 1 MiB được chấp nhận ở đây.");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(problem(anonymous).path("title").asString()).isEqualTo("Chưa đăng nhập hoặc phiên đã hết hạn");
        assertThat(problem(anonymous).path("detail").asString()).isEqualTo("Cần có mã truy cập hợp lệ.");
    }

    @Test
    void aBodyAboveTheLimitIsA413WhetherItsLengthIsDeclaredOrNot() throws Exception {
        byte[] fiveMebibytes = json(5 * 1024 * 1024);

        HttpResponse<String> declared = send("POST", "/test/notes", "application/json",
                BodyPublishers.ofByteArray(fiveMebibytes));
        HttpResponse<String> chunked = send("POST", "/test/notes", "application/json",
                BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(json(2 * 1024 * 1024))));

        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(problem(declared).path("detail").asString())
                .isEqualTo("The request body is larger than the 1 MiB accepted here.");
        assertThat(chunked.statusCode()).as(chunked.body()).isEqualTo(413);
        assertThat(problem(chunked).path("status").asInt()).isEqualTo(413);
        assertThat(send("POST", "/test/notes", "application/json", BodyPublishers.ofByteArray(json(900 * 1024)))
                .statusCode()).isEqualTo(200);
    }

    @Test
    void aPathWithALargerLimitReadsUpToItAndNoFurther() throws Exception {
        byte[] twoMebibytes = new byte[2 * 1024 * 1024];
        byte[] fourMebibytes = new byte[4 * 1024 * 1024];

        HttpResponse<String> within = send("POST", "/test/uploads", "text/csv", BodyPublishers.ofByteArray(twoMebibytes));
        HttpResponse<String> streamedBeyond = send("POST", "/test/uploads", "text/csv",
                BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(fourMebibytes)));

        assertThat(within.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(within.body()).path("bytes").asLong()).isEqualTo(twoMebibytes.length);
        assertThat(streamedBeyond.statusCode()).as(streamedBeyond.body()).isEqualTo(413);
        assertThat(problem(streamedBeyond).path("detail").asString())
                .isEqualTo("The request body is larger than the 3 MiB accepted here.");
    }

    private static byte[] json(int size) {
        byte[] body = new byte[size];
        Arrays.fill(body, (byte) 'x');
        byte[] open = "{\"text\":\"".getBytes();
        System.arraycopy(open, 0, body, 0, open.length);
        body[size - 2] = '"';
        body[size - 1] = '}';
        return body;
    }

    private HttpResponse<String> send(String method, String path, String contentType, BodyPublisher body)
            throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", contentType)
                .method(method, body).build(), BodyHandlers.ofString());
    }

    private static JsonNode problem(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        return JSON.readTree(response.body());
    }
}
