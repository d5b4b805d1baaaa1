package vn.neuguong.aggregation;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/** How much the aggregate of one unit and year moves because one entity (or several) changed. */
public record UnitYearDelta(String unitId, int year, Map<String, Long> counters, Instant eventTime) {

    public static String key(String unitId, int year) {
        return unitId + "|" + year;
    }

    /** Both moves of the same unit and year as one; counters that cancel out are left out. */
    UnitYearDelta plus(UnitYearDelta other) {
        Map<String, Long> sum = new TreeMap<>(counters);
        other.counters().forEach((name, amount) -> sum.merge(name, amount, Long::sum));
        sum.values().removeIf(amount -> amount == 0);
        Instant later = eventTime == null || (other.eventTime() != null && other.eventTime().isAfter(eventTime))
                ? other.eventTime() : eventTime;
        return new UnitYearDelta(unitId, year, sum, later);
    }
}
