package vn.neuguong.reporting.period;

/** Annual report; interim review (sơ kết, e.g. three years of a directive); final review (tổng kết). */
public enum PeriodKind {
    ANNUAL, INTERIM_REVIEW, FINAL_REVIEW
}
