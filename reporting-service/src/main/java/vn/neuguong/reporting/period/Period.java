package vn.neuguong.reporting.period;

import java.time.LocalDate;

/**
 * A reporting period: {@code from}..{@code to} inclusive, with a due date per level.
 *
 * @param standard true for the annual periods that exist by default (2016 to the current year); false for the
 *                 periods an administrator or the central board created
 */
public record Period(String id, PeriodKind kind, String title, LocalDate from, LocalDate to, DueDates dueDates,
        boolean standard) {

    /** The year whose aggregates count the period's reports: the year of its last day. */
    public int year() {
        return to.getYear();
    }

    /** Whether a unit valid from {@code validFrom} to {@code validTo} (either may be null) existed during it. */
    public boolean overlaps(LocalDate validFrom, LocalDate validTo) {
        return (validFrom == null || !validFrom.isAfter(to)) && (validTo == null || !validTo.isBefore(from));
    }
}
