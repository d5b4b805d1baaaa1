package vn.neuguong.systemtest.security;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.RSAPrivateKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * RS256 tokens the local issuer would never mint: each differs from a good one in exactly one respect, so an attack
 * test proves exactly one check. They are signed with the issuer's own development key (read from the stack's data
 * directory) unless the attack is the signature itself.
 */
final class CraftedTokens {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    static final Path STACK_HOME = Path.of(System.getProperty("neuguong.stack.home", "target/stack")).toAbsolutePath();
    private static final Path ISSUER_KEY = STACK_HOME.resolve("data/token-issuer/LOCAL-DEVELOPMENT-ONLY-signing-key.jwk.json");

    private final String issuer;
    private final String keyId;
    private final PrivateKey issuerKey;

    private CraftedTokens(String issuer, String keyId, PrivateKey issuerKey) {
        this.issuer = issuer;
        this.keyId = keyId;
        this.issuerKey = issuerKey;
    }

    static CraftedTokens forIssuer(String issuer) throws Exception {
        JsonNode jwk = JSON.readTree(Files.readString(ISSUER_KEY));
        RSAPrivateKeySpec spec = new RSAPrivateKeySpec(unsigned(jwk.path("n").asString()),
                unsigned(jwk.path("d").asString()));
        return new CraftedTokens(issuer, jwk.path("kid").asString(), KeyFactory.getInstance("RSA").generatePrivate(spec));
    }

    /** Claims of a valid token: issuer, audience, a minute of life, and the user's sub, name, unitId, roles. */
    Map<String, Object> claims(String sub, String unitId, String... roles) {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer);
        claims.put("aud", List.of("neuguong"));
        claims.put("iat", now);
        claims.put("exp", now + 60);
        claims.put("sub", sub);
        claims.put("name", "Người dùng " + sub);
        claims.put("unitId", unitId);
        claims.put("roles", List.of(roles));
        return claims;
    }

    /** Signed by the issuer's key, under its key id. */
    String sign(Map<String, Object> claims) throws GeneralSecurityException {
        return sign(claims, keyId, issuerKey);
    }

    /** Signed by a key that only the attacker has, announced under the issuer's key id. */
    String signWithForeignKey(Map<String, Object> claims) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return sign(claims, keyId, generator.generateKeyPair().getPrivate());
    }

    /** {@code alg: none}, no signature. */
    String unsigned(Map<String, Object> claims) {
        return encode(Map.of("alg", "none", "typ", "JWT")) + "." + encode(claims) + ".";
    }

    private static String sign(Map<String, Object> claims, String keyId, PrivateKey key) throws GeneralSecurityException {
        String signingInput = encode(Map.of("alg", "RS256", "typ", "JWT", "kid", keyId)) + "." + encode(claims);
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initSign(key);
        rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + BASE64URL.encodeToString(rs256.sign());
    }

    private static String encode(Object json) {
        return BASE64URL.encodeToString(JSON.writeValueAsBytes(json));
    }

    private static BigInteger unsigned(String base64url) {
        return new BigInteger(1, Base64.getUrlDecoder().decode(base64url));
    }
}
