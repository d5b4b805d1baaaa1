package vn.neuguong.contracts.report;

/**
 * DRAFT → SUBMITTED → APPROVED by the parent unit, or RETURNED with a reason and SUBMITTED again. A correction of
 * an APPROVED report is SUBMITTED again (flagged corrected) and reviewed like the first submission.
 */
public enum ReportStatus {
    DRAFT, SUBMITTED, APPROVED, RETURNED
}
