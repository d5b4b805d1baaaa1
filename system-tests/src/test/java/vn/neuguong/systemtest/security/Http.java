package vn.neuguong.systemtest.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.neuguong.systemtest.SystemStack;

/** Raw HTTP to the gateway (or a service), for requests a well-behaved client would never send. */
final class Http {

    static final JsonMapper JSON = SystemStack.JSON;
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Reply(int status, String body, HttpResponse<String> response) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (JacksonException e) {
                return JSON.createObjectNode();
            }
        }

        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }
    }

    static Reply get(String path, String token) throws Exception {
        return send("GET", path, token, null, null, Map.of());
    }

    static Reply json(String method, String path, String token, Object body, String... headers) throws Exception {
        Map<String, String> extra = new LinkedHashMap<>();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            extra.put(headers[i], headers[i + 1]);
        }
        return send(method, path, token, "application/json",
                body == null ? null : JSON.writeValueAsBytes(body), extra);
    }

    static Reply send(String method, String path, String token, String contentType, byte[] body,
            Map<String, String> headers) throws Exception {
        URI uri = path.startsWith("http") ? URI.create(path) : SystemStack.GATEWAY.resolve(path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Reply(response.statusCode(), response.body(), response);
    }

    private Http() {
    }
}
