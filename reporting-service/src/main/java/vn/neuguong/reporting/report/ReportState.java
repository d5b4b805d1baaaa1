package vn.neuguong.reporting.report;

import java.time.Instant;

import vn.neuguong.contracts.report.ReportSnapshot;
import vn.neuguong.contracts.report.ReportStatus;

/**
 * The workflow state of a report.
 *
 * @param revision         1 for the original content, + 1 for every correction submitted after an approval
 * @param firstSubmittedAt when the report was first submitted; null while it never was. It alone decides on time
 *                         or late: a return and a resubmission, or a correction, are part of the review
 */
public record ReportState(ReportStatus status, int revision, boolean corrected, boolean onTime, boolean late,
        Instant firstSubmittedAt) {

    public ReportSnapshot snapshot() {
        return new ReportSnapshot(status, onTime, late, corrected);
    }
}
