package vn.neuguong.reporting.period;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import vn.neuguong.platform.web.FieldProblem;

/** What makes a new period acceptable. Lists every problem it finds. */
final class PeriodRules {

    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
    static final int MAX_TITLE_LENGTH = 200;
    /** Directive 05-CT/TW dates from 2016: nothing is reported before it. */
    static final LocalDate EARLIEST = LocalDate.of(StandardPeriods.FIRST_YEAR, 1, 1);
    static final LocalDate LATEST = LocalDate.of(2100, 12, 31);
    /**
     * The longest period: a final review of the directive's ten years touches eleven calendar years. Work on a
     * period (pre-filled figures, completeness) goes year by year, so the bound keeps it small.
     */
    static final int MAX_CALENDAR_YEARS = 11;

    static List<FieldProblem> check(NewPeriod period) {
        List<FieldProblem> problems = new ArrayList<>();
        if (period.id() == null || !ID.matcher(period.id()).matches()) {
            problems.add(new FieldProblem("id", "must be 1-64 letters, digits, '_' or '-', starting with a letter or digit"));
        }
        if (period.kind() == null) {
            problems.add(new FieldProblem("kind", "must not be null"));
        }
        if (period.title() == null || period.title().isBlank()) {
            problems.add(new FieldProblem("title", "must not be blank"));
        } else if (period.title().length() > MAX_TITLE_LENGTH) {
            problems.add(new FieldProblem("title", "must be at most " + MAX_TITLE_LENGTH + " characters"));
        }
        if (period.from() == null) {
            problems.add(new FieldProblem("from", "must not be null"));
        } else if (period.from().isBefore(EARLIEST) || period.from().isAfter(LATEST)) {
            problems.add(new FieldProblem("from", "must be between " + EARLIEST + " and " + LATEST));
        }
        if (period.to() == null) {
            problems.add(new FieldProblem("to", "must not be null"));
        } else if (period.from() != null && period.to().isBefore(period.from())) {
            problems.add(new FieldProblem("to", "must not be before from"));
        } else if (period.to().isAfter(LATEST)) {
            problems.add(new FieldProblem("to", "must not be after " + LATEST));
        } else if (period.from() != null
                && period.to().getYear() - period.from().getYear() >= MAX_CALENDAR_YEARS) {
            problems.add(new FieldProblem("to", "a period spans at most " + MAX_CALENDAR_YEARS + " calendar years"));
        } else if (period.kind() == PeriodKind.QUARTERLY && period.from() != null && !isCalendarQuarter(period)) {
            problems.add(new FieldProblem("to", "a QUARTERLY period runs from the first to the last day of one "
                    + "calendar quarter"));
        }
        DueDates due = period.dueDates();
        if (due == null) {
            problems.add(new FieldProblem("dueDates", "must give GRASSROOTS, PROVINCE and CENTRAL"));
            return problems;
        }
        if (due.grassroots() == null) {
            problems.add(new FieldProblem("dueDates.GRASSROOTS", "must not be null"));
        } else if (period.from() != null && due.grassroots().isBefore(period.from())) {
            problems.add(new FieldProblem("dueDates.GRASSROOTS", "must not be before from"));
        }
        if (due.province() == null) {
            problems.add(new FieldProblem("dueDates.PROVINCE", "must not be null"));
        } else if (due.grassroots() != null && due.province().isBefore(due.grassroots())) {
            problems.add(new FieldProblem("dueDates.PROVINCE", "must not be before GRASSROOTS: a province consolidates its communes' reports"));
        }
        if (due.central() == null) {
            problems.add(new FieldProblem("dueDates.CENTRAL", "must not be null"));
        } else if (due.province() != null && due.central().isBefore(due.province())) {
            problems.add(new FieldProblem("dueDates.CENTRAL", "must not be before PROVINCE: the centre consolidates the provinces' reports"));
        }
        return problems;
    }

    private static boolean isCalendarQuarter(NewPeriod period) {
        LocalDate from = period.from();
        return from.getDayOfMonth() == 1 && (from.getMonthValue() - 1) % 3 == 0
                && period.to().equals(from.plusMonths(3).minusDays(1));
    }

    private PeriodRules() {
    }
}
