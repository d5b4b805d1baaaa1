package vn.neuguong.localstack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.neuguong.contracts.Role;

import static org.assertj.core.api.Assertions.assertThat;

class TokenIssuerTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private TokenIssuer issuer;

    @BeforeEach
    void startIssuer() {
        issuer = TokenIssuer.withEphemeralKey(0);
        issuer.start();
    }

    @AfterEach
    void stopIssuer() {
        issuer.stop();
    }

    @Test
    void aMintedTokenVerifiesAgainstTheJwksAdvertisedByDiscovery() throws Exception {
        Map<String, Object> discovery = getJson("/.well-known/openid-configuration");
        assertThat(discovery).containsEntry("issuer", issuer.issuerUri().toString());

        HttpResponse<String> response = post("""
                {"sub":"officer-1","name":"Nguyễn Văn An","unitId":"p-19","roles":["PROVINCE_OFFICER","MEMBER"]}""");
        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, Object> body = JSONObjectUtils.parse(response.body());
        assertThat(body).containsEntry("token_type", "Bearer").containsEntry("expires_in", 43200L);

        JWKSet keys = JWKSet.parse(http.send(HttpRequest.newBuilder(URI.create((String) discovery.get("jwks_uri"))).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        SignedJWT jwt = SignedJWT.parse((String) body.get("access_token"));
        RSAKey key = (RSAKey) keys.getKeyByKeyId(jwt.getHeader().getKeyID());
        assertThat(key.isPrivate()).isFalse();
        assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();

        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo(issuer.issuerUri().toString());
        assertThat(claims.getAudience()).containsExactly("neuguong");
        assertThat(claims.getSubject()).isEqualTo("officer-1");
        assertThat(claims.getStringClaim("name")).isEqualTo("Nguyễn Văn An");
        assertThat(claims.getStringClaim("unitId")).isEqualTo("p-19");
        assertThat(claims.getStringListClaim("roles")).containsExactly("PROVINCE_OFFICER", "MEMBER");
        assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofHours(12));
    }

    @Test
    void aRequestWithoutSubOrUnitIdOrWithAnUnknownRoleIsABadRequestNamingTheFields() throws Exception {
        HttpResponse<String> response = post("""
                {"name":"X","roles":["MEMBER","KING"]}""");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        List<Object> errors = JSONObjectUtils.getJSONArray(JSONObjectUtils.parse(response.body()), "errors");
        assertThat(errors.stream().map(error -> (String) ((Map<?, ?>) error).get("field")).toList())
                .containsExactlyInAnyOrder("sub", "unitId", "roles");
    }

    @Test
    void aBodyThatIsNotJsonIsABadRequest() throws Exception {
        assertThat(post("sub=x").statusCode()).isEqualTo(400);
    }

    @Test
    void otherMethodsAndPathsAreRefused() throws Exception {
        HttpResponse<String> get = http.send(HttpRequest.newBuilder(issuer.issuerUri().resolve("/token")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> unknown = http.send(HttpRequest.newBuilder(issuer.issuerUri().resolve("/admin")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.headers().firstValue("Allow")).hasValue("POST");
        assertThat(unknown.statusCode()).isEqualTo(404);
    }

    @Test
    void aPageFromAnAllowedOriginMayMintATokenAfterThePreflight() throws Exception {
        HttpResponse<String> preflight = http.send(HttpRequest.newBuilder(issuer.issuerUri().resolve("/token"))
                        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                        .header("Origin", "http://localhost:8080")
                        .header("Access-Control-Request-Method", "POST")
                        .header("Access-Control-Request-Headers", "content-type").build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> minted = post("http://localhost:8080", """
                {"sub":"central-board","name":"Ban Tuyên giáo","unitId":"vn","roles":["CENTRAL_BOARD"]}""");

        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:8080");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods").orElseThrow()).contains("POST");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers").orElseThrow()).containsIgnoringCase("content-type");
        assertThat(minted.statusCode()).isEqualTo(200);
        assertThat(minted.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:8080");
    }

    @Test
    void pagesFromOtherOriginsGetNoCorsPermission() throws Exception {
        HttpResponse<String> preflight = http.send(HttpRequest.newBuilder(issuer.issuerUri().resolve("/token"))
                        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                        .header("Origin", "http://evil.example")
                        .header("Access-Control-Request-Method", "POST").build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> minted = post("http://evil.example", """
                {"sub":"x","name":"X","unitId":"vn","roles":["ADMIN"]}""");

        assertThat(preflight.statusCode()).isEqualTo(403);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(minted.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void theAllowedOriginsAreConfigurable(@TempDir Path keyDir) throws Exception {
        try (TokenIssuer shifted = TokenIssuer.withKeyIn(keyDir, 0, Duration.ofMinutes(5), Set.of("http://localhost:28080"))) {
            shifted.start();
            HttpResponse<String> discovery = http.send(HttpRequest.newBuilder(shifted.issuerUri().resolve("/jwks"))
                    .header("Origin", "http://localhost:28080").build(), HttpResponse.BodyHandlers.ofString());

            assertThat(discovery.statusCode()).isEqualTo(200);
            assertThat(discovery.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:28080");
        }
    }

    @Test
    void aKeptKeyPairIsReusedByTheNextIssuer(@TempDir Path keyDir) {
        TokenIssuer first = TokenIssuer.withKeyIn(keyDir, 0, Duration.ofMinutes(5), Set.of());
        TokenIssuer second = TokenIssuer.withKeyIn(keyDir, 0, Duration.ofMinutes(5), Set.of());

        assertThat(second.publicKeys().getKeys()).isEqualTo(first.publicKeys().getKeys());
        assertThat(keyDir.resolve("LOCAL-DEVELOPMENT-ONLY-signing-key.jwk.json")).exists();
    }

    @Test
    void issuedTokensNameTheRequestedRolesOnce() throws Exception {
        String token = issuer.issue(new TokenRequest("m-1", "Lê Thị Bình", "w-05569", List.of(Role.MEMBER)));

        assertThat(SignedJWT.parse(token).getJWTClaimsSet().getStringListClaim("roles")).containsExactly("MEMBER");
    }

    private Map<String, Object> getJson(String path) throws Exception {
        return JSONObjectUtils.parse(http.send(HttpRequest.newBuilder(issuer.issuerUri().resolve(path)).build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }

    private HttpResponse<String> post(String body) throws Exception {
        return http.send(HttpRequest.newBuilder(issuer.issuerUri().resolve("/token"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String origin, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(issuer.issuerUri().resolve("/token"))
                        .header("Content-Type", "application/json")
                        .header("Origin", origin)
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
