package vn.neuguong.reporting.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import vn.neuguong.contracts.report.ReportStatus;
import vn.neuguong.platform.web.ConflictException;

/**
 * The report workflow:
 * <pre>
 * (none) ─draft─→ DRAFT ─draft─→ DRAFT
 * (none)|DRAFT ─submit─→ SUBMITTED ─approve─→ APPROVED ─submit (correction: revision + 1, corrected)─→ SUBMITTED
 *                        SUBMITTED ─return (reason)─→ RETURNED ─submit (resubmission)─→ SUBMITTED
 *                                                  RETURNED ─draft─→ RETURNED (content reworked, still returned)
 * </pre>
 * Submitting after the due date is allowed and marks the report late. Anything else is a conflict.
 */
public final class ReportWorkflow {

    public record Transition(ReportAction action, ReportState to) {
    }

    public static Transition saveDraft(ReportState current) {
        if (current == null) {
            return new Transition(ReportAction.DRAFT_SAVED, new ReportState(ReportStatus.DRAFT, 1, false, false, false,
                    null));
        }
        if (current.status() == ReportStatus.DRAFT || current.status() == ReportStatus.RETURNED) {
            return new Transition(ReportAction.DRAFT_SAVED, current);
        }
        throw conflict(current, current.status() == ReportStatus.SUBMITTED
                ? "The report is submitted and awaits review; it can be changed once returned"
                : "The report is approved; submit a correction instead of a draft");
    }

    /**
     * @param now     when the unit submits
     * @param dueDate the due date of the unit's level, a day in {@code zone}
     */
    public static Transition submit(ReportState current, Instant now, LocalDate dueDate, ZoneId zone) {
        if (current == null || current.status() == ReportStatus.DRAFT) {
            boolean onTime = !LocalDate.ofInstant(now, zone).isAfter(dueDate);
            return new Transition(ReportAction.SUBMITTED, new ReportState(ReportStatus.SUBMITTED, 1, false, onTime,
                    !onTime, now));
        }
        return switch (current.status()) {
            case RETURNED -> new Transition(ReportAction.RESUBMITTED, withStatus(current, ReportStatus.SUBMITTED));
            case APPROVED -> new Transition(ReportAction.CORRECTED, new ReportState(ReportStatus.SUBMITTED,
                    current.revision() + 1, true, current.onTime(), current.late(), current.firstSubmittedAt()));
            default -> throw conflict(current, "The report is submitted already and awaits review by the parent unit");
        };
    }

    public static Transition approve(ReportState current) {
        if (current.status() != ReportStatus.SUBMITTED) {
            throw conflict(current, "Only a submitted report can be approved; this one is " + current.status());
        }
        return new Transition(ReportAction.APPROVED, withStatus(current, ReportStatus.APPROVED));
    }

    public static Transition giveBack(ReportState current) {
        if (current.status() != ReportStatus.SUBMITTED) {
            throw conflict(current, "Only a submitted report can be returned; this one is " + current.status());
        }
        return new Transition(ReportAction.RETURNED, withStatus(current, ReportStatus.RETURNED));
    }

    /** Whether a report in this status has a submission that stands: awaiting review, or approved. */
    public static boolean isSubmitted(ReportStatus status) {
        return status == ReportStatus.SUBMITTED || status == ReportStatus.APPROVED;
    }

    private static ReportState withStatus(ReportState state, ReportStatus status) {
        return new ReportState(status, state.revision(), state.corrected(), state.onTime(), state.late(),
                state.firstSubmittedAt());
    }

    private static ConflictException conflict(ReportState current, String detail) {
        return new ConflictException(detail, Map.of("status", current.status().name()));
    }

    private ReportWorkflow() {
    }
}
