package vn.neuguong.reporting.report;

/** Body of {@code POST /api/reports/{id}/return}: why the parent unit gives the report back. */
public record ReportReturn(String reason) {
}
