package vn.neuguong.reporting.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import vn.neuguong.contracts.orgunit.OrgUnit;
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

    /** A unit's report for a period before its first save: version 0, no state, nothing submitted or reviewed. */
    static ReportDocument unsaved(OrgUnit unit, String periodId, int year, Instant now) {
        return new ReportDocument(idOf(periodId, unit.id()), unit.id(), unit.name(), unit.level(), unit.path(),
                periodId, year, null, null, 0, 0, false, false, false, null, null, null, null, null, null, null,
                List.of(), List.of(), now, now);
    }

    /**
     * The report after a save or a submission ({@code entry}) moved it to {@code to}: its content replaced, under the
     * unit's current name and level. A submission clears the last review.
     */
    ReportDocument saved(OrgUnit unit, LocalDate due, ReportState to, Map<String, IndicatorValue> newIndicators,
            Narrative newNarrative, HistoryEntry entry, IdempotencyKey key) {
        boolean submits = entry.action().submits();
        return new ReportDocument(id, unitId, unit.name(), unit.level(), unitPath, periodId, year, due.toString(),
                to.status(), entry.version(), to.revision(), to.corrected(), to.onTime(), to.late(),
                to.firstSubmittedAt(), submits ? entry.at() : submittedAt, submits ? null : reviewedAt,
                submits ? null : reviewedBy, submits ? null : returnReason, newIndicators, newNarrative,
                appended(entry), IdempotencyKey.remember(appliedKeys, key), createdAt, entry.at());
    }

    /** The report after its parent unit's review ({@code entry}, by the reviewer) moved it to {@code to}. */
    ReportDocument reviewed(ReportState to, String newReturnReason, HistoryEntry entry, IdempotencyKey key) {
        return new ReportDocument(id, unitId, unitName, unitLevel, unitPath, periodId, year, dueDate, to.status(),
                entry.version(), to.revision(), to.corrected(), to.onTime(), to.late(), to.firstSubmittedAt(),
                submittedAt, entry.at(), entry.by(), newReturnReason, indicators, narrative, appended(entry),
                IdempotencyKey.remember(appliedKeys, key), createdAt, entry.at());
    }

    private List<HistoryEntry> appended(HistoryEntry entry) {
        List<HistoryEntry> appended = new ArrayList<>(history == null ? List.of() : history);
        appended.add(entry);
        return appended;
    }

    ReportState state() {
        return new ReportState(status, revision, corrected, onTime, late, firstSubmittedAt);
    }
}
