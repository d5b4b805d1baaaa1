package vn.neuguong.bench.faults;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import vn.neuguong.bench.client.ApiClient;
import vn.neuguong.bench.client.ApiClient.Identity;
import vn.neuguong.bench.client.ApiResponse;

/**
 * Sends a write as DESIGN.md tells a client to: with an {@code Idempotency-Key}, and again with the same key after
 * a 5xx, a 429 or no answer at all, until the answer is final (2xx or another 4xx) or {@link #PATIENCE} has passed.
 * Every outcome goes to the {@link Ledger}.
 */
final class CarefulClient {

    static final Duration PATIENCE = Duration.ofMinutes(4);
    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final long MAX_BACKOFF_MILLIS = 2_000;

    private final ApiClient api;
    private final Ledger ledger;

    CarefulClient(ApiClient api, Ledger ledger) {
        this.api = api;
        this.ledger = ledger;
    }

    /** A write that takes no If-Match. */
    Optional<ApiResponse> write(String kind, Identity as, String method, String path, Object body) {
        return write(kind, as, method, path, body, Map.of(), TIMEOUT);
    }

    /**
     * The final answer if it was a 2xx, recorded as acknowledged with the entity {@code readBack} reads (the
     * {@code Location} of a creation is the id in its body); empty otherwise.
     *
     * @param firstTimeout the first attempt's timeout: a client in a hurry (the others wait {@link #TIMEOUT})
     */
    Optional<ApiResponse> write(String kind, Identity as, String method, String path, Object body,
            Map<String, String> headers, Duration firstTimeout) {
        Map<String, String> withKey = new HashMap<>(headers);
        withKey.put("Idempotency-Key", "faults-" + UUID.randomUUID());
        long sent = System.nanoTime();
        long deadline = sent + PATIENCE.toNanos();
        long backoff = 250;
        Duration timeout = firstTimeout;
        while (true) {
            try {
                ApiResponse response = api.send(as, method, path, body, withKey, timeout);
                if (response.ok()) {
                    ledger.acknowledged(kind, readBack(path, response), response.version(), sent);
                    return Optional.of(response);
                }
                if (response.status() < 500 && response.status() != 429) {
                    ledger.refused(kind, response.status(), response.body().path("detail").asString(
                            response.body().toString()));
                    return Optional.empty();
                }
            } catch (IllegalStateException noAnswer) {
                // the write may have been applied: the same key makes sending it again safe
            }
            if (System.nanoTime() > deadline) {
                ledger.unanswered(kind, path);
                return Optional.empty();
            }
            sleep(backoff);
            backoff = Math.min(MAX_BACKOFF_MILLIS, backoff * 2);
            timeout = TIMEOUT;
        }
    }

    /** Where the written entity is read back: the path written to, or the collection's path plus the new id. */
    private static String readBack(String path, ApiResponse response) {
        String id = response.body().path("id").asString();
        String collection = path.replaceFirst("^(/api/[a-z]+)(/.*)?$", "$1");
        return id.isEmpty() ? path : collection + "/" + id;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
