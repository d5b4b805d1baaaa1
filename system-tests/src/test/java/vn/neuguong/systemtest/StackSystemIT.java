package vn.neuguong.systemtest;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
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

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts the whole system with {@code ./local.sh up --detach} (every process real, on ports shifted by an offset so
 * that it runs beside a developer's stack), talks to it through the gateway, and stops it with {@code ./local.sh down}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StackSystemIT {

    private static final Path ROOT = Path.of(System.getProperty("neuguong.root", "..")).toAbsolutePath().normalize();
    private static final Path HOME = Path.of(System.getProperty("neuguong.stack.home", "target/stack")).toAbsolutePath();
    private static final int OFFSET = Integer.getInteger("neuguong.system-test.port-offset", 20000);
    private static final Map<String, Integer> SERVICE_PORTS = Map.of(
            "gateway", 8080 + OFFSET,
            "pledge-service", 8081 + OFFSET,
            "recognition-service", 8082 + OFFSET,
            "reporting-service", 8083 + OFFSET);
    private static final URI GATEWAY = URI.create("http://localhost:" + (8080 + OFFSET));
    private static final URI ISSUER = URI.create("http://localhost:" + (8090 + OFFSET));

    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper json = JsonMapper.builder().build();

    @BeforeAll
    static void startTheStack() throws Exception {
        localSh("down");
        deleteRecursively(HOME.resolve("data"));

        LocalShResult up = localSh("up", "--detach");

        assertThat(up.exitCode()).as("./local.sh up --detach failed:%n%s", up.output()).isZero();
    }

    @AfterAll
    static void stopTheStack() throws Exception {
        localSh("down");
    }

    @Test
    @Order(1)
    void everyServiceIsHealthy() throws Exception {
        for (Map.Entry<String, Integer> service : SERVICE_PORTS.entrySet()) {
            HttpResponse<String> health = get(URI.create("http://localhost:" + service.getValue() + "/actuator/health"), null);

            assertThat(health.statusCode()).as(service.getKey()).isEqualTo(200);
            assertThat(json.readTree(health.body()).path("status").asString()).as(service.getKey()).isEqualTo("UP");
        }
    }

    @Test
    @Order(2)
    void theGatewayAcceptsATokenFromTheIssuer() throws Exception {
        String token = token("province-officer-19", "Cán bộ Tỉnh ủy Thái Nguyên", "p-19", "PROVINCE_OFFICER");

        HttpResponse<String> response = getUntil(GATEWAY.resolve("/api/org-units/p-19"), token,
                found -> found.statusCode() == 200);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json.readTree(response.body()).path("name").asString()).isEqualTo("Thái Nguyên");
    }

    @Test
    @Order(3)
    void aRequestWithoutATokenIsUnauthorizedWithAProblem() throws Exception {
        HttpResponse<String> response = get(GATEWAY.resolve("/api/org-units/p-19"), null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    @Order(4)
    void searchingWithoutToneMarksFindsTheProvince() throws Exception {
        String token = token("central-board", "Ban Tuyên giáo và Dân vận Trung ương", "vn", "CENTRAL_BOARD");
        URI search = GATEWAY.resolve("/api/org-units?q=" + URLEncoder.encode("thai nguyen", StandardCharsets.UTF_8));

        HttpResponse<String> response = getUntil(search, token,
                found -> found.statusCode() == 200 && namesIn(found).contains("Thái Nguyên"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(namesIn(response)).contains("Thái Nguyên");
    }

    @Test
    @Order(5)
    void downLeavesNoProcess() throws Exception {
        List<ProcessHandle> started = startedProcesses();
        assertThat(started).hasSize(5);

        LocalShResult down = localSh("down");

        assertThat(down.exitCode()).as(down.output()).isZero();
        assertThat(started).noneMatch(ProcessHandle::isAlive);
        assertThat(startedProcesses()).isEmpty();
        assertThat(localSh("status").exitCode()).isEqualTo(3);
    }

    private static String token(String sub, String name, String unitId, String role) throws Exception {
        String body = json.writeValueAsString(Map.of("sub", sub, "name", name, "unitId", unitId, "roles", List.of(role)));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(ISSUER.resolve("/token"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body()).path("access_token").asString();
    }

    private static HttpResponse<String> get(URI uri, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** The reference data may reach the registry a little after the services report healthy. */
    private static HttpResponse<String> getUntil(URI uri, String token, Predicate<HttpResponse<String>> done)
            throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        HttpResponse<String> response = get(uri, token);
        while (!done.test(response) && System.nanoTime() < deadline) {
            Thread.sleep(1000);
            response = get(uri, token);
        }
        return response;
    }

    private static List<String> namesIn(HttpResponse<String> response) {
        try {
            return json.readTree(response.body()).findValuesAsString("name");
        } catch (JacksonException e) {
            return List.of();
        }
    }

    private static List<ProcessHandle> startedProcesses() throws IOException {
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

    private record LocalShResult(int exitCode, String output) {
    }

    private static LocalShResult localSh(String... arguments) throws Exception {
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
}
