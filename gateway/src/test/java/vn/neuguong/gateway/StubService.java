package vn.neuguong.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server standing in for a downstream service. By default it answers every request with a JSON echo of
 * what reached it: {@code service, method, path, query, authorization, correlationId, bodyBytes}.
 */
final class StubService implements AutoCloseable {

    private final String name;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, HttpHandler> handlers = new ConcurrentHashMap<>();

    private StubService(String name) {
        this.name = name;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    static StubService start(String name) {
        return new StubService(name);
    }

    String uri() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    /** Answers requests for exactly {@code path} with {@code handler} instead of the echo. */
    void on(String path, HttpHandler handler) {
        handlers.put(path, handler);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            HttpHandler special = handlers.get(exchange.getRequestURI().getPath());
            if (special != null) {
                special.handle(exchange);
            }
            else {
                echo(exchange);
            }
        }
    }

    private void echo(HttpExchange exchange) throws IOException {
        long bodyBytes;
        try (InputStream body = exchange.getRequestBody()) {
            bodyBytes = body.transferTo(OutputStream.nullOutputStream());
        }
        String json = "{" + field("service", name)
                + "," + field("method", exchange.getRequestMethod())
                + "," + field("path", exchange.getRequestURI().getPath())
                + "," + field("query", exchange.getRequestURI().getQuery())
                + "," + field("authorization", exchange.getRequestHeaders().getFirst("Authorization"))
                + "," + field("correlationId", exchange.getRequestHeaders().getFirst("X-Correlation-Id"))
                + ",\"bodyBytes\":" + bodyBytes + "}";
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static String field(String key, String value) {
        return "\"" + key + "\":" + (value == null ? "null" : "\"" + value.replace("\"", "\\\"") + "\"");
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
