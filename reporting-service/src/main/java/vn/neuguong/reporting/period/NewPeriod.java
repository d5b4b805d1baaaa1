package vn.neuguong.reporting.period;

import java.time.LocalDate;

/** Body of {@code POST /api/periods}. */
public record NewPeriod(String id, PeriodKind kind, String title, LocalDate from, LocalDate to, DueDates dueDates) {
}
