package vn.neuguong.bench.faults;

import java.time.Duration;

/**
 * Clients that give up on their first attempt before the answer comes (the write may be applied, or not yet) and
 * send it again with the same key. Each must be stored once: the read-back and the recount check it.
 */
final class ClientTimeout implements Fault {

    private static final int WRITES = 20;
    private static final Duration IMPATIENCE = Duration.ofMillis(30);

    private final Workload workload;

    ClientTimeout(Workload workload) {
        this.workload = workload;
    }

    @Override
    public String name() {
        return "a client times out (" + IMPATIENCE.toMillis() + " ms) and retries with the same key";
    }

    @Override
    public String inject() {
        int acknowledged = 0;
        for (int i = 0; i < WRITES; i++) {
            if (workload.registerInAHurry(IMPATIENCE)) {
                acknowledged++;
            }
        }
        return acknowledged + " of " + WRITES + " registrations acknowledged after the retry";
    }
}
