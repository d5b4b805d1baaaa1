package vn.neuguong.reporting.report;

import vn.neuguong.contracts.report.ReportChanged;

/** What happened to a report; each action is one event of the report's topic. */
public enum ReportAction {

    DRAFT_SAVED(ReportChanged.DRAFT_SAVED),
    SUBMITTED(ReportChanged.SUBMITTED),
    RESUBMITTED(ReportChanged.RESUBMITTED),
    APPROVED(ReportChanged.APPROVED),
    RETURNED(ReportChanged.RETURNED),
    CORRECTED(ReportChanged.CORRECTED);

    private final String eventType;

    ReportAction(String eventType) {
        this.eventType = eventType;
    }

    public String eventType() {
        return eventType;
    }

    /** Whether the action submits content for review (the content goes into the history). */
    boolean submits() {
        return this == SUBMITTED || this == RESUBMITTED || this == CORRECTED;
    }
}
