package vn.neuguong.pledge.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for the service under test (no test-only shortcuts through Spring). */
public final class Api {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final JsonMapper json = JsonMapper.builder().build();

    public Api(int port) {
        this.base = "http://localhost:" + port;
    }

    public record Response(int status, java.net.http.HttpHeaders headers, String text, JsonNode body) {

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    public Response send(String method, String path, String token, Object body, String... headers) {
        byte[] bytes = body == null ? null : body instanceof byte[] raw ? raw
                : (body instanceof String s ? s : json.writeValueAsString(body)).getBytes(StandardCharsets.UTF_8);
        String contentType = "application/json";
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        for (int i = 0; i < headers.length; i += 2) {
            if (headers[i].equalsIgnoreCase("Content-Type")) {
                contentType = headers[i + 1];
            } else {
                request.header(headers[i], headers[i + 1]);
            }
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        request.method(method, bytes == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(bytes));
        if (bytes != null) {
            request.header("Content-Type", contentType);
        }
        try {
            HttpResponse<String> response = http.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            String responseText = response.body();
            JsonNode node = responseText == null || responseText.isBlank() ? null : json.readTree(responseText);
            return new Response(response.statusCode(), response.headers(), responseText, node);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Response get(String path, String token) {
        return send("GET", path, token, null);
    }

    public Response post(String path, String token, Object body, String... headers) {
        return send("POST", path, token, body, headers);
    }

    public Response put(String path, String token, Object body, String... headers) {
        return send("PUT", path, token, body, headers);
    }
}
