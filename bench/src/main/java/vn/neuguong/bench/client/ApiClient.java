package vn.neuguong.bench.client;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * A small client of the NêuGương API through the gateway. Tokens are minted from the development token
 * issuer and cached per identity.
 */
public class ApiClient {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final URI gateway;
    private final URI issuer;
    private final Map<Identity, String> tokens = new ConcurrentHashMap<>();

    public ApiClient(URI gateway, URI issuer) {
        this.gateway = gateway;
        this.issuer = issuer;
    }

    public record Identity(String sub, String name, String unitId, List<String> roles) {
    }

    public JsonMapper json() {
        return json;
    }

    public String token(Identity identity) {
        return tokens.computeIfAbsent(identity, this::mint);
    }

    private String mint(Identity identity) {
        String body = json.writeValueAsString(Map.of("sub", identity.sub(), "name", identity.name(), "unitId",
                identity.unitId(), "roles", identity.roles()));
        HttpRequest request = HttpRequest.newBuilder(issuer.resolve("/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        ApiResponse response = send(request);
        if (!response.ok()) {
            throw new IllegalStateException("Token issuer answered " + response.status() + ": " + response.body());
        }
        return response.body().path("access_token").asString();
    }

    public ApiResponse get(Identity as, String path) {
        return send(request(as, path).GET().build());
    }

    /** Every item of a paged list ({@code items, page, size, total}), page by page at the API's largest size. */
    public List<JsonNode> list(Identity as, String path) {
        List<JsonNode> items = new java.util.ArrayList<>();
        String separator = path.contains("?") ? "&" : "?";
        for (int page = 0; ; page++) {
            ApiResponse response = get(as, path + separator + "size=200&page=" + page);
            if (!response.ok()) {
                throw new IllegalStateException("GET " + path + ": HTTP " + response.status() + " " + response.body());
            }
            response.body().path("items").forEach(items::add);
            if (response.body().path("items").size() < 200 || items.size() >= response.body().path("total").asLong()) {
                return items;
            }
        }
    }

    public ApiResponse post(Identity as, String path, Object body, Map<String, String> headers) {
        HttpRequest.Builder builder = request(as, path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        headers.forEach(builder::header);
        return send(builder.build());
    }

    public ApiResponse put(Identity as, String path, Object body, Map<String, String> headers) {
        HttpRequest.Builder builder = request(as, path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        headers.forEach(builder::header);
        return send(builder.build());
    }

    /**
     * A write as a careful client sends it, once: the answer, or an {@link IllegalStateException} when none came
     * within {@code timeout} (the write may or may not have been applied).
     */
    public ApiResponse send(Identity as, String method, String path, Object body, Map<String, String> headers,
            Duration timeout) {
        HttpRequest.Builder builder = request(as, path).timeout(timeout).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        headers.forEach(builder::header);
        return send(builder.build());
    }

    /** Uploads a file (e.g. {@code text/csv}) as the request body. */
    public ApiResponse postFile(Identity as, String path, String contentType, java.nio.file.Path file) {
        try {
            return send(request(as, path).timeout(Duration.ofMinutes(10)).header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofFile(file)).build());
        } catch (java.io.FileNotFoundException e) {
            throw new IllegalStateException("No file " + file, e);
        }
    }

    /** For load generation: the request is sent without blocking the caller. */
    public CompletableFuture<ApiResponse> postAsync(Identity as, String path, Object body) {
        HttpRequest request = request(as, path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .thenApply(response -> new ApiResponse(response.statusCode(), parse(response.body()),
                        response.headers().firstValue("ETag").orElse(null)));
    }

    /** A server-sent-event stream: the response's body lines as they arrive. */
    public CompletableFuture<HttpResponse<Stream<String>>> stream(Identity as, String path) {
        HttpRequest request = HttpRequest.newBuilder(gateway.resolve(path))
                .header("Authorization", "Bearer " + token(as)).header("Accept", "text/event-stream").GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
    }

    public static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return json.readTree(body);
        } catch (RuntimeException notJson) {
            return MissingNode.getInstance();
        }
    }

    private HttpRequest.Builder request(Identity as, String path) {
        return HttpRequest.newBuilder(gateway.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token(as)).header("Accept", "application/json");
    }

    private ApiResponse send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new ApiResponse(response.statusCode(), parse(response.body()),
                    response.headers().firstValue("ETag").orElse(null));
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
