package vn.neuguong.platform.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import tools.jackson.databind.json.JsonMapper;
import vn.neuguong.platform.security.CurrentUser;

/**
 * {@code Idempotency-Key} handling shared by every service: a key belongs to the user who sent it, and the
 * request it was first used with is remembered by a hash, so the same key with another body is told apart.
 */
public final class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";
    static final int MAX_LENGTH = 200;

    /** The key scoped to its user, or null when the request carried none. */
    public static String scoped(CurrentUser user, String idempotencyKey) {
        if (idempotencyKey == null) {
            return null;
        }
        if (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_LENGTH) {
            throw new InvalidInputException(HEADER, "must be 1 to " + MAX_LENGTH + " characters");
        }
        return user.sub() + "|" + idempotencyKey;
    }

    /** A SHA-256 of the request as JSON. */
    public static String requestHash(JsonMapper jsonMapper, Object request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(jsonMapper.writeValueAsString(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private IdempotencyKeys() {
    }
}
