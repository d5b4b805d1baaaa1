package vn.neuguong.reporting.completeness;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import vn.neuguong.contracts.orgunit.OrgUnit;
import vn.neuguong.contracts.report.ReportStatus;
import vn.neuguong.reporting.period.Period;
import vn.neuguong.reporting.report.MissingUnit;
import vn.neuguong.reporting.report.ReportWorkflow;

/**
 * Counts completeness from the expected units and the period's report documents. Every figure counts distinct
 * expected units (one report document per unit and period), so none can exceed {@code expected}: a report of a unit
 * that is not expected (a cell, a unit that closed before its report was due) is not counted.
 */
public final class CompletenessCount {

    private static final Collator VIETNAMESE = Collator.getInstance(Locale.forLanguageTag("vi"));

    /** The state of a unit's report as completeness sees it. */
    public record ReportStatusOf(ReportStatus status, boolean onTime) {
    }

    /**
     * @param expectedUnits the units under the unit that must report for the period
     * @param reports       the period's reports by unit id (any units)
     */
    public static Completeness count(String unitId, Period period, List<OrgUnit> expectedUnits,
            Map<String, ReportStatusOf> reports, Function<String, String> nameOfUnit) {
        long submitted = 0;
        long onTime = 0;
        long approved = 0;
        List<OrgUnit> missingUnits = new ArrayList<>();
        Map<String, long[]> byChild = new LinkedHashMap<>();
        for (OrgUnit unit : expectedUnits) {
            long[] child = byChild.computeIfAbsent(childOf(unitId, unit), id -> new long[2]);
            child[0]++;
            ReportStatusOf report = reports.get(unit.id());
            if (report == null || !ReportWorkflow.isSubmitted(report.status())) {
                missingUnits.add(unit);
                continue;
            }
            submitted++;
            child[1]++;
            if (report.onTime()) {
                onTime++;
            }
            if (report.status() == ReportStatus.APPROVED) {
                approved++;
            }
        }
        missingUnits.sort(Comparator.<OrgUnit>comparingInt(unit -> unit.level().ordinal())
                .thenComparing(OrgUnit::name, VIETNAMESE).thenComparing(OrgUnit::id));
        List<MissingUnit> missing = missingUnits.stream().map(unit -> new MissingUnit(unit.id(), unit.name(),
                unit.level(), period.dueDates().of(unit.level()), unit.parentId(),
                unit.parentId() == null ? null : nameOfUnit.apply(unit.parentId()))).toList();
        List<Completeness.ChildCompleteness> children = new ArrayList<>();
        byChild.forEach((id, counts) -> children.add(new Completeness.ChildCompleteness(id, nameOfUnit.apply(id),
                counts[0], counts[1], (double) counts[1] / counts[0])));
        children.sort(Comparator.comparing(Completeness.ChildCompleteness::name,
                Comparator.nullsLast(VIETNAMESE)).thenComparing(Completeness.ChildCompleteness::unitId));
        long expected = expectedUnits.size();
        return new Completeness(unitId, period.id(), expected, submitted, onTime, submitted - onTime, approved,
                expected == 0 ? 0 : (double) submitted / expected, List.copyOf(children), missing.size(), missing);
    }

    /**
     * The child of {@code unitId} whose subtree holds {@code unit}: the next id on its path; the unit itself (its own
     * report, or a merged predecessor outside the path in today's structure) counts as its own row.
     */
    private static String childOf(String unitId, OrgUnit unit) {
        List<String> path = unit.path() == null ? List.of() : unit.path();
        int at = path.indexOf(unitId);
        return at >= 0 && at + 1 < path.size() ? path.get(at + 1) : unit.id();
    }

    private CompletenessCount() {
    }
}
