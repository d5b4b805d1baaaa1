package vn.neuguong.reporting.report;

/** Optional body of {@code POST /api/reports/{id}/approval}. */
public record ReportApproval(String comment) {
}
