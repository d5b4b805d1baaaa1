package vn.neuguong.reporting.report;

import java.util.Map;

/** Body of {@code POST /api/reports}: indicator code → figure, and the narrative. */
public record NewReport(String unitId, String periodId, Map<String, Long> indicators, Narrative narrative) {
}
