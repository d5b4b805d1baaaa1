package vn.neuguong.aggregation;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;

/**
 * The absolute figures of one unit and year, as published on {@code neuguong.aggregates} (key
 * {@code unitId|year}); the contract's {@link vn.neuguong.contracts.aggregate.AggregateUpdated} has the same
 * components, so consumers read this JSON with it.
 *
 * @param counters      counter name → value; counters at zero are left out
 * @param lastEventTime the latest time of the events it contains
 * @param asOf          when it was computed; strictly increasing per unit and year, so a writer can tell a newer
 *                      figure from an older one delivered late
 */
public record UnitYearAggregate(String unitId, int year, Map<String, Long> counters, Instant lastEventTime,
        Instant asOf) {

    static final UnitYearAggregate EMPTY = new UnitYearAggregate(null, 0, Map.of(), null, null);

    UnitYearAggregate plus(UnitYearDelta delta, Instant now) {
        Map<String, Long> sum = new TreeMap<>(counters);
        delta.counters().forEach((name, amount) -> sum.merge(name, amount, Long::sum));
        sum.values().removeIf(value -> value == 0);
        Instant computed = now.truncatedTo(ChronoUnit.MILLIS);
        Instant nextAsOf = asOf != null && !computed.isAfter(asOf) ? asOf.plusMillis(1) : computed;
        return new UnitYearAggregate(delta.unitId(), delta.year(), sum, later(lastEventTime, delta.eventTime()),
                nextAsOf);
    }

    private static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}
