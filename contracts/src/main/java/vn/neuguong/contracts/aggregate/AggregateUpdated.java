package vn.neuguong.contracts.aggregate;

import java.time.Instant;
import java.util.Map;

/**
 * Data of {@code vn.neuguong.aggregate.updated.v1} on the compacted topic {@code neuguong.aggregates} (key
 * {@code unitId|year}): the absolute figures of one unit and year, so the latest record per key is the aggregate.
 *
 * @param counters      counter name → value, e.g. {@code pledges.registered}; counters at zero are left out
 * @param lastEventTime the latest time of the events the figures contain
 * @param asOf          when the figures were computed; strictly increasing per key
 */
public record AggregateUpdated(String unitId, int year, Map<String, Long> counters, Instant lastEventTime,
        Instant asOf) {

    public static final String TYPE = "vn.neuguong.aggregate.updated.v1";
}
