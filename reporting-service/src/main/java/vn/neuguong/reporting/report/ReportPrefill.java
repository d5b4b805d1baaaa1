package vn.neuguong.reporting.report;

import java.time.Instant;
import java.util.Map;

/**
 * The indicators a unit's report for a period starts from: the live aggregates of the unit (today's structure)
 * summed over the period's years; indicators only the unit knows have no value.
 *
 * @param asOf when the newest of the figures used was computed; null when nothing was counted yet
 */
public record ReportPrefill(String unitId, String periodId, int fromYear, int toYear, Instant asOf,
        Map<String, Item> indicators) {

    /**
     * @param source {@code AGGREGATES} or {@code UNIT} (the unit enters it)
     */
    public record Item(Long value, String source, String label, String labelEn) {
    }
}
