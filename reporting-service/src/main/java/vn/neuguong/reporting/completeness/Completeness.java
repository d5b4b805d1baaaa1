package vn.neuguong.reporting.completeness;

import java.util.List;

import vn.neuguong.reporting.orgunit.SearchKey;
import vn.neuguong.reporting.report.MissingUnit;

/**
 * Who has reported for a period among the units under {@code unitId} (itself included) that must report.
 * {@code submitted} = {@code onTime} + {@code late}; {@code approved} ≤ {@code submitted} ≤ {@code expected}.
 *
 * @param reportingRate {@code submitted / expected}, 0 when nobody is expected
 * @param byChild       the same count for the subtree of each child unit (the unit's own report is its own row)
 * @param missingTotal  how many units are missing (matching the search, if any); {@code missing} is one page of them
 */
public record Completeness(String unitId, String periodId, long expected, long submitted, long onTime, long late,
        long approved, double reportingRate, List<ChildCompleteness> byChild, long missingTotal,
        List<MissingUnit> missing) {

    /** The reporting rate of one child unit's subtree. */
    public record ChildCompleteness(String unitId, String name, long expected, long submitted, double reportingRate) {
    }

    /** This completeness with only the missing units whose name matches {@code query}, one page of them. */
    public Completeness searched(String query, int page, int size) {
        String key = SearchKey.of(query);
        List<MissingUnit> matching = key.isEmpty() ? missing
                : missing.stream().filter(unit -> SearchKey.of(unit.name()).contains(key)
                        || SearchKey.of(unit.parentName()).contains(key)).toList();
        List<MissingUnit> pageOf = matching.stream().skip((long) page * size).limit(size).toList();
        return new Completeness(unitId, periodId, expected, submitted, onTime, late, approved, reportingRate, byChild,
                matching.size(), pageOf);
    }
}
