package vn.neuguong.reporting.period;

/**
 * Annual report; quarterly report (quý: one calendar quarter); interim review (sơ kết, e.g. three years of a
 * directive); final review (tổng kết).
 */
public enum PeriodKind {
    ANNUAL, QUARTERLY, INTERIM_REVIEW, FINAL_REVIEW
}
