package vn.neuguong.aggregation;

import java.util.LinkedHashMap;
import java.util.Map;

import vn.neuguong.contracts.report.ReportSnapshot;
import vn.neuguong.contracts.report.ReportStatus;

/**
 * A periodic report's contribution, in the year of its period's last day. A report counts as submitted while its
 * current submission stands (SUBMITTED, awaiting review, or APPROVED); then as on time by its first submission, and
 * as approved once approved. Drafts and returned reports count nothing until they are submitted (again).
 */
public final class ReportContribution implements Contribution<ReportSnapshot> {

    public static final String SUBMITTED = "reports.submitted";
    public static final String ON_TIME = "reports.onTime";
    public static final String APPROVED = "reports.approved";

    @Override
    public Map<String, Long> of(ReportSnapshot report) {
        Map<String, Long> counters = new LinkedHashMap<>();
        if (report.status() != ReportStatus.SUBMITTED && report.status() != ReportStatus.APPROVED) {
            return counters;
        }
        counters.put(SUBMITTED, 1L);
        if (report.onTime()) {
            counters.put(ON_TIME, 1L);
        }
        if (report.status() == ReportStatus.APPROVED) {
            counters.put(APPROVED, 1L);
        }
        return counters;
    }
}
