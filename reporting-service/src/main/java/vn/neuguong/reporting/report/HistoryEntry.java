package vn.neuguong.reporting.report;

import java.time.Instant;
import java.util.Map;

import vn.neuguong.contracts.report.ReportStatus;

/**
 * One step of a report's history, oldest first. A submission (first, after a return, or a correction) keeps the
 * content it submitted, so an approved revision stays readable after a correction replaced it.
 *
 * @param by     the {@code sub} of the user who acted
 * @param reason why the report was returned, or the reviewer's comment on an approval
 */
public record HistoryEntry(long version, int revision, ReportAction action, ReportStatus status, Instant at,
        String by, String byName, String reason, Map<String, IndicatorValue> indicators, Narrative narrative) {
}
