package vn.neuguong.contracts.report;

import java.time.Instant;
import java.util.List;

/**
 * Data of every periodic-report event on {@code neuguong.report.events} (keyed by report id). {@code from} is null
 * when the report was created.
 *
 * @param year the year of the period's last day, the year whose aggregates count the report
 */
public record ReportChanged(
        String reportId,
        long version,
        String unitId,
        List<String> unitPath,
        String periodId,
        int year,
        ReportSnapshot from,
        ReportSnapshot to,
        Instant occurredAt) {

    public static final String DRAFT_SAVED = "vn.neuguong.report.draft-saved.v1";
    public static final String SUBMITTED = "vn.neuguong.report.submitted.v1";
    public static final String RESUBMITTED = "vn.neuguong.report.resubmitted.v1";
    public static final String APPROVED = "vn.neuguong.report.approved.v1";
    public static final String RETURNED = "vn.neuguong.report.returned.v1";
    public static final String CORRECTED = "vn.neuguong.report.corrected.v1";
}
