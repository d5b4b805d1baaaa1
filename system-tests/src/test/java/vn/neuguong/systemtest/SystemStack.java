package vn.neuguong.systemtest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole system, started once per test JVM with {@code ./local.sh up --detach} (every process real, ports
 * shifted by an offset so it runs beside a developer's stack), and the HTTP calls the system tests make through
 * the gateway. {@link ShutdownSystemIT}, ordered last, stops it and checks that nothing is left behind.
 */
public final class SystemStack {

    static final Path ROOT = Path.of(System.getProperty("neuguong.root", "..")).toAbsolutePath().normalize();
    static final Path HOME = Path.of(System.getProperty("neuguong.stack.home", "target/stack")).toAbsolutePath();
    static final int OFFSET = Integer.getInteger("neuguong.system-test.port-offset", 20000);
    static final Map<String, Integer> SERVICE_PORTS = Map.of(
            "gateway", 8080 + OFFSET,
            "pledge-service", 8081 + OFFSET,
            "recognition-service", 8082 + OFFSET,
            "reporting-service", 8083 + OFFSET);
    public static final URI GATEWAY = URI.create("http://localhost:" + (8080 + OFFSET));
    public static final URI ISSUER = URI.create("http://localhost:" + (8090 + OFFSET));

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static boolean started;

    /** Starts the stack unless this JVM already did; fails with local.sh's output if it cannot. */
    public static synchronized void ensureStarted() throws Exception {
        if (started) {
            return;
        }
        localSh("down");
        deleteRecursively(HOME.resolve("data"));
        LocalShResult up = localSh("up", "--detach");
        if (up.exitCode() != 0) {
            throw new IllegalStateException("./local.sh up --detach failed:\n" + up.output());
        }
        started = true;
        // a safety net when a run stops before ShutdownSystemIT (a filtered or failed run)
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                localSh("down");
            } catch (Exception ignored) {
                // the JVM is exiting; local.sh down can be run by hand
            }
        }));
    }

    public static String token(String sub, String name, String unitId, String... roles) throws Exception {
        String body = JSON.writeValueAsString(Map.of("sub", sub, "name", name, "unitId", unitId, "roles", List.of(roles)));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(ISSUER.resolve("/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Token issuer answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body()).path("access_token").asString();
    }

    public static HttpResponse<String> get(URI uri, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    public static HttpResponse<String> get(String path, String token) throws Exception {
        return get(GATEWAY.resolve(path), token);
    }

    public static HttpResponse<String> send(String method, String path, String token, Object body,
            Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(GATEWAY.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    public static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    /** The response's JSON, after checking it is a 201 (the body is in the failure message otherwise). */
    public static JsonNode created(HttpResponse<String> response) {
        return expect(201, response);
    }

    /** The response's JSON, after checking it is a 200. */
    public static JsonNode ok(HttpResponse<String> response) {
        return expect(200, response);
    }

    private static JsonNode expect(int status, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            throw new AssertionError("Expected HTTP " + status + " but got " + response.statusCode() + ": "
                    + response.body());
        }
        return json(response);
    }

    /** Repeats a GET until {@code done} holds or a minute passes: what the system does next is eventual. */
    public static HttpResponse<String> getUntil(String path, String token, Predicate<HttpResponse<String>> done)
            throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        HttpResponse<String> response = get(path, token);
        while (!done.test(response) && System.nanoTime() < deadline) {
            Thread.sleep(250);
            response = get(path, token);
        }
        return response;
    }

    static List<ProcessHandle> startedProcesses() throws IOException {
        Path pids = HOME.resolve("pids");
        List<ProcessHandle> processes = new ArrayList<>();
        if (Files.isDirectory(pids)) {
            try (Stream<Path> files = Files.list(pids)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".pid")).toList()) {
                    ProcessHandle.of(Long.parseLong(Files.readString(file).strip()))
                            .filter(ProcessHandle::isAlive)
                            .ifPresent(processes::add);
                }
            }
        }
        return processes;
    }

    record LocalShResult(int exitCode, String output) {
    }

    static LocalShResult localSh(String... arguments) throws Exception {
        Files.createDirectories(HOME);
        Path output = HOME.resolve("local-sh-" + arguments[0] + ".out");
        List<String> command = new ArrayList<>(List.of(ROOT.resolve("local.sh").toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(ROOT.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        builder.environment().put("NEUGUONG_HOME", HOME.toString());
        builder.environment().put("NEUGUONG_PORT_OFFSET", String.valueOf(OFFSET));
        // the reactor has just built every jar; a build from inside the build would race it
        builder.environment().put("NEUGUONG_SKIP_BUILD", "1");
        Process process = builder.start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("./local.sh " + String.join(" ", arguments) + " did not finish in 10 minutes");
        }
        return new LocalShResult(process.exitValue(), Files.readString(output));
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private SystemStack() {
    }
}
