package vn.neuguong.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import vn.neuguong.contracts.Role;

/**
 * The development token issuer: mints RS256 tokens for whoever asks, so it must never run in production.
 * It listens on the loopback interface only and serves
 * <ul>
 *   <li>{@code POST /token} {@code {"sub","name","unitId","roles"}} → {@code {"access_token","token_type","expires_in"}},</li>
 *   <li>{@code GET /jwks}, its public key,</li>
 *   <li>{@code GET /.well-known/openid-configuration}, so resource servers configure it by issuer URI.</li>
 * </ul>
 * Tokens carry iss (this issuer's base URL), aud {@value #AUDIENCE}, iat, exp, sub, name, unitId and roles.
 * Browsers on the allowed origins (the dashboard served by the gateway) may call it cross-origin (CORS).
 */
public final class TokenIssuer implements AutoCloseable {

    public static final String AUDIENCE = "neuguong";
    public static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofHours(12);
    /** The dashboard on the gateway's default port. */
    public static final Set<String> DEFAULT_ALLOWED_ORIGINS = Set.of("http://localhost:8080");

    private static final String KEY_FILE_NAME = "LOCAL-DEVELOPMENT-ONLY-signing-key.jwk.json";

    private final RSAKey signingKey;
    private final int requestedPort;
    private final Duration tokenLifetime;
    private final Set<String> allowedOrigins;
    private HttpServer server;
    private ExecutorService executor;
    private URI issuerUri;

    private TokenIssuer(RSAKey signingKey, int port, Duration tokenLifetime, Set<String> allowedOrigins) {
        this.signingKey = signingKey;
        this.requestedPort = port;
        this.tokenLifetime = tokenLifetime;
        this.allowedOrigins = Set.copyOf(allowedOrigins);
    }

    /**
     * An issuer whose key pair is kept in {@code keyDir}, generated there on first use: tokens stay valid across
     * restarts of the local stack. The file holds a private key for local development only. Web pages served from
     * {@code allowedOrigins} (such as {@code http://localhost:8080}) may call it.
     */
    public static TokenIssuer withKeyIn(Path keyDir, int port, Duration tokenLifetime, Set<String> allowedOrigins) {
        return new TokenIssuer(loadOrCreateKey(keyDir.resolve(KEY_FILE_NAME)), port, tokenLifetime, allowedOrigins);
    }

    /** An issuer with a key pair that lives only in memory (tests). Port 0 picks a free port. */
    public static TokenIssuer withEphemeralKey(int port) {
        return new TokenIssuer(generateKey(), port, DEFAULT_TOKEN_LIFETIME, DEFAULT_ALLOWED_ORIGINS);
    }

    public synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            HttpServer starting = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), requestedPort), 0);
            starting.createContext("/", this::handle);
            executor = Executors.newFixedThreadPool(2, runnable -> {
                Thread thread = new Thread(runnable, "token-issuer");
                thread.setDaemon(true);
                return thread;
            });
            starting.setExecutor(executor);
            starting.start();
            server = starting;
            issuerUri = URI.create("http://localhost:" + starting.getAddress().getPort());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the token issuer on port " + requestedPort, e);
        }
    }

    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.stop(0);
        executor.shutdown();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server = null;
        executor = null;
    }

    @Override
    public void close() {
        stop();
    }

    /** The issuer's base URL, e.g. {@code http://localhost:8090}: the {@code iss} claim and the issuer URI. */
    public synchronized URI issuerUri() {
        if (issuerUri == null) {
            throw new IllegalStateException("The token issuer is not running");
        }
        return issuerUri;
    }

    public JWKSet publicKeys() {
        return new JWKSet(signingKey.toPublicJWK());
    }

    /** Mints a signed token valid for the configured lifetime from now. */
    public String issue(TokenRequest request) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuerUri().toString())
                .audience(AUDIENCE)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(tokenLifetime)))
                .subject(request.sub())
                .claim("name", request.name())
                .claim("unitId", request.unitId())
                .claim("roles", request.roles().stream().map(Role::name).toList())
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256)
                .type(JOSEObjectType.JWT)
                .keyID(signingKey.getKeyID())
                .build(), claims);
        try {
            jwt.sign(new RSASSASigner(signingKey));
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign a token", e);
        }
        return jwt.serialize();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            boolean allowedOrigin = allowCrossOrigin(exchange);
            if (method.equals("OPTIONS")) {
                preflight(exchange, allowedOrigin);
                return;
            }
            switch (path) {
                case "/token" -> {
                    if (requireMethod(exchange, "POST")) {
                        token(exchange);
                    }
                }
                case "/jwks" -> {
                    if (requireMethod(exchange, "GET")) {
                        respond(exchange, 200, "application/json", publicKeys().toString());
                    }
                }
                case "/.well-known/openid-configuration" -> {
                    if (requireMethod(exchange, "GET")) {
                        respond(exchange, 200, "application/json", JSONObjectUtils.toJSONString(discoveryDocument()));
                    }
                }
                default -> problem(exchange, 404, "Not Found", "No such endpoint: " + method + " " + path, List.of());
            }
        } catch (RuntimeException e) {
            problem(exchange, 500, "Internal Server Error", e.toString(), List.of());
        } finally {
            exchange.close();
        }
    }

    /** Adds the CORS response headers when the request comes from an allowed origin; false for other origins. */
    private boolean allowCrossOrigin(HttpExchange exchange) {
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        exchange.getResponseHeaders().add("Vary", "Origin");
        if (origin == null || !allowedOrigins.contains(origin)) {
            return false;
        }
        exchange.getResponseHeaders().set("Access-Control-Allow-Origin", origin);
        return true;
    }

    private static void preflight(HttpExchange exchange, boolean allowedOrigin) throws IOException {
        if (!allowedOrigin) {
            problem(exchange, 403, "Forbidden", "Cross-origin requests are accepted only from the configured origins",
                    List.of());
            return;
        }
        exchange.getResponseHeaders().set("Access-Control-Allow-Methods", "GET, POST");
        exchange.getResponseHeaders().set("Access-Control-Allow-Headers", "Content-Type");
        exchange.getResponseHeaders().set("Access-Control-Max-Age", "600");
        exchange.sendResponseHeaders(204, -1);
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, Object> body;
        try (InputStream in = exchange.getRequestBody()) {
            body = JSONObjectUtils.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (ParseException e) {
            problem(exchange, 400, "Bad Request", "The body must be a JSON object: " + e.getMessage(), List.of());
            return;
        }
        TokenRequest request;
        try {
            request = TokenRequest.fromJson(body);
        } catch (InvalidTokenRequestException e) {
            problem(exchange, 400, "Bad Request", e.getMessage(), e.problems());
            return;
        }
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("access_token", issue(request));
        response.put("token_type", "Bearer");
        response.put("expires_in", tokenLifetime.toSeconds());
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        respond(exchange, 200, "application/json", JSONObjectUtils.toJSONString(response));
    }

    private Map<String, Object> discoveryDocument() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("issuer", issuerUri().toString());
        document.put("jwks_uri", issuerUri() + "/jwks");
        document.put("response_types_supported", List.of("token"));
        document.put("subject_types_supported", List.of("public"));
        document.put("id_token_signing_alg_values_supported", List.of(JWSAlgorithm.RS256.getName()));
        return document;
    }

    private static boolean requireMethod(HttpExchange exchange, String method) throws IOException {
        if (exchange.getRequestMethod().equals(method)) {
            return true;
        }
        exchange.getResponseHeaders().set("Allow", method);
        problem(exchange, 405, "Method Not Allowed", exchange.getRequestURI().getPath() + " accepts " + method, List.of());
        return false;
    }

    private static void problem(HttpExchange exchange, int status, String title, String detail,
                                List<InvalidTokenRequestException.FieldProblem> errors) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        if (!errors.isEmpty()) {
            problem.put("errors", errors.stream()
                    .map(error -> Map.<String, Object>of("field", error.field(), "message", error.message()))
                    .toList());
        }
        respond(exchange, status, "application/problem+json", JSONObjectUtils.toJSONString(problem));
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType + ";charset=UTF-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static RSAKey loadOrCreateKey(Path keyFile) {
        try {
            if (Files.exists(keyFile)) {
                return RSAKey.parse(Files.readString(keyFile));
            }
            RSAKey key = generateKey();
            Files.createDirectories(keyFile.getParent());
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(keyFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            Files.writeString(keyFile, key.toJSONString());
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the development signing key " + keyFile, e);
        } catch (ParseException e) {
            throw new IllegalStateException("The development signing key " + keyFile
                    + " is not a JWK; delete it to generate a new one", e);
        }
    }

    private static RSAKey generateKey() {
        try {
            return new RSAKeyGenerator(2048)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .keyIDFromThumbprint(true)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate an RSA key pair", e);
        }
    }
}
