package vn.neuguong.contracts.pledge;

import java.time.Instant;
import java.util.List;

/**
 * Data of every pledge event on {@code neuguong.pledge.events} (keyed by pledge id). {@code version} counts
 * 1, 2, 3, … per pledge; {@code from} is null for the registration.
 *
 * @param unitPath ids from {@code vn} down to {@code unitId}, as they were when the event happened
 */
public record PledgeChanged(
        String pledgeId,
        long version,
        String unitId,
        List<String> unitPath,
        int year,
        PledgeSnapshot from,
        PledgeSnapshot to,
        Instant occurredAt) {

    public static final String REGISTERED = "vn.neuguong.pledge.registered.v1";
    public static final String REVISED = "vn.neuguong.pledge.revised.v1";
    public static final String SELF_ASSESSED = "vn.neuguong.pledge.self-assessed.v1";
    public static final String EVALUATED = "vn.neuguong.pledge.evaluated.v1";
    public static final String WITHDRAWN = "vn.neuguong.pledge.withdrawn.v1";
}
