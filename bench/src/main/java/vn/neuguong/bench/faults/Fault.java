package vn.neuguong.bench.faults;

import java.util.List;
import java.util.Optional;

/** One fault the scenario injects under load, then ends (restart, resume) before the checks. */
interface Fault {

    /** The row's name, e.g. {@code kill -9 pledge-service-2}. */
    String name();

    /** Why this stack cannot take the fault (it is then reported, not injected); empty when it can. */
    default Optional<String> unavailable() {
        return Optional.empty();
    }

    /** Injects the fault and ends it; returns a note for the row (what was done in its place), or "". */
    String inject() throws Exception;

    /** What must hold after recovery beyond the common checks: the problems found, none when it holds. */
    default List<String> verify() throws Exception {
        return List.of();
    }
}
