package vn.neuguong.reporting.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import vn.neuguong.contracts.orgunit.OrgUnitLevel;
import vn.neuguong.contracts.report.ReportStatus;

/** A report as the API shows it (see {@link ReportDocument} for the fields). */
public record ReportView(String id, String unitId, String unitName, OrgUnitLevel unitLevel, List<String> unitPath,
        String periodId, int year, LocalDate dueDate, ReportStatus status, long version, int revision,
        boolean corrected, boolean onTime, boolean late, Instant firstSubmittedAt, Instant submittedAt,
        Instant reviewedAt, String reviewedBy, String returnReason, Map<String, IndicatorValue> indicators,
        Narrative narrative, List<HistoryEntry> history, Instant createdAt, Instant updatedAt) {

    static ReportView of(ReportDocument report) {
        return new ReportView(report.id(), report.unitId(), report.unitName(), report.unitLevel(), report.unitPath(),
                report.periodId(), report.year(), LocalDate.parse(report.dueDate()), report.status(), report.version(),
                report.revision(), report.corrected(), report.onTime(), report.late(), report.firstSubmittedAt(),
                report.submittedAt(), report.reviewedAt(), report.reviewedBy(), report.returnReason(),
                report.indicators(), report.narrative(), report.history(), report.createdAt(), report.updatedAt());
    }
}
