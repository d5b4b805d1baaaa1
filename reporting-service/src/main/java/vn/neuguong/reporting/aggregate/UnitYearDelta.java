package vn.neuguong.reporting.aggregate;

import java.time.Instant;
import java.util.Map;

/** How much the aggregate of one unit and year moves because one entity changed. */
public record UnitYearDelta(String unitId, int year, Map<String, Long> counters, Instant eventTime) {

    public static String key(String unitId, int year) {
        return unitId + "|" + year;
    }
}
