package vn.neuguong.reporting.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import vn.neuguong.contracts.orgunit.OrgUnitLevel;
import vn.neuguong.contracts.report.ReportStatus;

/**
 * What a unit writes its own report from: its children's standing reports for the period (submitted or approved),
 * their indicator sums, and their narratives side by side, plus the children that have not reported.
 *
 * @param childrenExpected the children that must report for the period
 */
public record ConsolidatedReport(String unitId, String unitName, String periodId, String periodTitle,
        int childrenExpected, int childrenSubmitted, Map<String, Long> indicatorSums, List<ChildReport> reports,
        List<MissingUnit> missing) {

    public record ChildReport(String reportId, String unitId, String unitName, OrgUnitLevel level, ReportStatus status,
            boolean onTime, boolean late, boolean corrected, int revision, Instant submittedAt,
            Map<String, Long> indicators, Narrative narrative) {
    }
}
