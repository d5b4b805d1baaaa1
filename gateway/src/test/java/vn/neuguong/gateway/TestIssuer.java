package vn.neuguong.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An OIDC issuer (discovery document and JWKS over real HTTP) that signs whatever claims a test asks for, including
 * the expired, misaddressed and foreign tokens the shared development issuer never mints.
 */
final class TestIssuer implements AutoCloseable {

    private final RSAKey signingKey = generateKey();
    private final RSAKey foreignKey = generateKey();
    private final HttpServer server;

    TestIssuer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/.well-known/openid-configuration", exchange -> respond(exchange,
                "{\"issuer\":\"" + uri() + "\",\"jwks_uri\":\"" + uri() + "/jwks\"}"));
        server.createContext("/jwks", exchange -> respond(exchange, new JWKSet(signingKey.toPublicJWK()).toString()));
        server.start();
    }

    String uri() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    /** A token a resource server of this issuer accepts, after {@code adjust} changed its claims. */
    String token(Consumer<JWTClaimsSet.Builder> adjust) {
        return sign(signingKey, adjust);
    }

    /** A token with valid claims, signed by a key the issuer does not publish. */
    String tokenSignedByAnotherKey() {
        return sign(foreignKey, claims -> { });
    }

    private String sign(RSAKey key, Consumer<JWTClaimsSet.Builder> adjust) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(uri())
                .audience("neuguong")
                .issueTime(Date.from(now.minusSeconds(600)))
                .expirationTime(Date.from(now.plusSeconds(600)))
                .subject("member-1")
                .claim("name", "Phạm Thị Dung")
                .claim("unitId", "w-00001")
                .claim("roles", List.of("MEMBER"));
        adjust.accept(claims);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID()).build(),
                claims.build());
        try {
            jwt.sign(new RSASSASigner(key));
        }
        catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static void respond(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (exchange) {
            exchange.getResponseBody().write(body);
        }
    }

    private static RSAKey generateKey() {
        try {
            return new RSAKeyGenerator(2048).keyIDFromThumbprint(true).generate();
        }
        catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
