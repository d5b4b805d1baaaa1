package vn.neuguong.platform.web;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The one retry policy for optimistic writes: a write guarded by the version it read fails when another writer got
 * in between; it then reads and decides again on the new state (which may now refuse it), up to
 * {@value #MAX_ATTEMPTS} times, after which the caller gets a 409 to retry later. With {@code If-Match} the second
 * decision is a 412, so a client's precondition is never retried away.
 */
public final class ConcurrentChanges {

    /** Enough for a whole council's votes arriving at once: each lost race costs one re-read. */
    public static final int MAX_ATTEMPTS = 20;

    /**
     * @param entity  what is written, for the 409's text ("pledge")
     * @param attempt reads, decides and writes once: the result, or empty when the guarded write found another version
     */
    public static <T> T retry(String entity, Supplier<Optional<T>> attempt) {
        for (int i = 0; i < MAX_ATTEMPTS; i++) {
            Optional<T> result = attempt.get();
            if (result.isPresent()) {
                return result.get();
            }
        }
        throw new ConflictException("The " + entity + " is being changed concurrently; try again");
    }

    private ConcurrentChanges() {
    }
}
