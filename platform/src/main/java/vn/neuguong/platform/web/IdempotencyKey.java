package vn.neuguong.platform.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;
import vn.neuguong.platform.security.CurrentUser;

/**
 * An {@code Idempotency-Key} as every write of every service remembers it, stored in the same single-document write
 * as the change it made: the key scoped to the caller who sent it ({@code sub|key}), and a hash of the request —
 * the operation, its target and its body — so that one key cannot stand for two different writes.
 * <p>
 * The rule, everywhere: the same key with the same request answers the first result again (the entity that request
 * created or changed, nothing written a second time); the same key with a different request — another body, another
 * transition, another entity — is a 409 problem. A creation stores its key in a uniquely indexed field (found by
 * it); an entity remembers the keys of its last {@value #KEPT} transitions.
 */
public record IdempotencyKey(String key, String requestHash) {

    public static final String HEADER = "Idempotency-Key";
    /**
     * How many transition keys an entity remembers: a pledge's lifecycle has a handful of writes, a busy nomination
     * the votes of a council and many replications, each retried.
     */
    public static final int KEPT = 100;
    static final int MAX_LENGTH = 200;

    /**
     * The request's key, or null when it carried none.
     *
     * @param operation the write and its target, e.g. {@code "pledge.withdrawal:" + id}
     * @param request   the request body (null for none)
     */
    public static IdempotencyKey of(CurrentUser user, String header, String operation, Object request,
            JsonMapper jsonMapper) {
        if (header == null) {
            return null;
        }
        if (header.isBlank() || header.length() > MAX_LENGTH) {
            throw new InvalidInputException(HEADER, "must be 1 to " + MAX_LENGTH + " characters");
        }
        return new IdempotencyKey(user.sub() + "|" + header,
                sha256(operation + "\n" + jsonMapper.writeValueAsString(request)));
    }

    /**
     * Whether an entity that remembers these keys already applied this request: true for the same key and request,
     * false when the key is new to it.
     *
     * @throws ConflictException the key was used for a different request on this entity
     */
    public boolean appliedIn(Collection<IdempotencyKey> remembered, String entityId) {
        if (remembered == null) {
            return false;
        }
        for (IdempotencyKey earlier : remembered) {
            if (earlier.key.equals(key)) {
                requireSameRequestAs(earlier, entityId);
                return true;
            }
        }
        return false;
    }

    /**
     * For a creation found by this key: the same request may have its first result again.
     *
     * @throws ConflictException the key created {@code existingId} with a different request
     */
    public void requireSameRequestAs(IdempotencyKey earlier, String existingId) {
        if (!requestHash.equals(earlier.requestHash)) {
            throw new ConflictException("This Idempotency-Key was already used for a different request",
                    Map.of("existingId", existingId));
        }
    }

    /** The keys an entity remembers after a write with {@code key} (null: none): the last {@value #KEPT}. */
    public static List<IdempotencyKey> remember(List<IdempotencyKey> remembered, IdempotencyKey key) {
        List<IdempotencyKey> keys = new ArrayList<>(remembered == null ? List.of() : remembered);
        if (key != null) {
            keys.add(key);
        }
        return List.copyOf(keys.subList(Math.max(0, keys.size() - KEPT), keys.size()));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
