package vn.neuguong.reporting.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import vn.neuguong.contracts.orgunit.OrgUnitLevel;
import vn.neuguong.contracts.report.ReportStatus;
import vn.neuguong.platform.web.IdempotencyKey;

/**
 * A unit's report for a period (collection {@value #COLLECTION}), one document per unit and period whatever happens
 * to it: id {@code <periodId>~<unitId>}. Besides these fields the document carries the platform's {@code outbox}
 * and {@code outboxPendingSince}, written together with every change.
 *
 * @param unitPath   ids from {@code vn} down to the unit when the report was created
 * @param year       the year of the period's last day
 * @param dueDate    the due date of the unit's level, ISO date
 * @param version    1, 2, 3, … per change; the version of the report's events and of {@code If-Match}
 * @param reviewedBy the {@code sub} of the parent unit's officer who approved or returned the current submission
 * @param appliedKeys the Idempotency-Keys of the last writes, stored with the change each made
 */
@Document(ReportDocument.COLLECTION)
public record ReportDocument(
        @Id String id,
        String unitId,
        String unitName,
        OrgUnitLevel unitLevel,
        List<String> unitPath,
        String periodId,
        int year,
        String dueDate,
        ReportStatus status,
        long version,
        int revision,
        boolean corrected,
        boolean onTime,
        boolean late,
        Instant firstSubmittedAt,
        Instant submittedAt,
        Instant reviewedAt,
        String reviewedBy,
        String returnReason,
        Map<String, IndicatorValue> indicators,
        Narrative narrative,
        List<HistoryEntry> history,
        List<IdempotencyKey> appliedKeys,
        Instant createdAt,
        Instant updatedAt) {

    public static final String COLLECTION = "reports";

    public static String idOf(String periodId, String unitId) {
        return periodId + "~" + unitId;
    }

    ReportState state() {
        return new ReportState(status, revision, corrected, onTime, late, firstSubmittedAt);
    }
}
