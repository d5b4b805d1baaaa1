package vn.neuguong.reporting.completeness;

import java.util.List;

import vn.neuguong.reporting.report.MissingUnit;

/**
 * Who has reported for a period among the units under {@code unitId} (itself included) that must report.
 * {@code submitted} = {@code onTime} + {@code late}; {@code approved} ≤ {@code submitted} ≤ {@code expected}.
 *
 * @param reportingRate {@code submitted / expected}, 0 when nobody is expected
 */
public record Completeness(String unitId, String periodId, long expected, long submitted, long onTime, long late,
        long approved, double reportingRate, List<MissingUnit> missing) {
}
