package vn.neuguong.reporting.period;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The annual periods that exist without anyone creating them: id {@code Y} for every year from {@value #FIRST_YEAR}
 * (the first full year of Directive 05-CT/TW) to the current year, 1 January to 31 December, due on 15 December
 * (grassroots), 31 December (province) and 15 January of the next year (centre). They are resolved, not stored, so
 * a new year's period exists from its first day on every instance without a write.
 */
public final class StandardPeriods {

    public static final int FIRST_YEAR = 2016;
    static final MonthDay GRASSROOTS_DUE = MonthDay.of(12, 15);
    static final MonthDay PROVINCE_DUE = MonthDay.of(12, 31);
    static final MonthDay CENTRAL_DUE_NEXT_YEAR = MonthDay.of(1, 15);
    private static final Pattern YEAR = Pattern.compile("\\d{4}");

    /** The standard period with this id, if {@code id} is a year from {@value #FIRST_YEAR} to {@code currentYear}. */
    public static Optional<Period> find(String id, int currentYear) {
        if (id == null || !YEAR.matcher(id).matches()) {
            return Optional.empty();
        }
        int year = Integer.parseInt(id);
        return year >= FIRST_YEAR && year <= currentYear ? Optional.of(annual(year)) : Optional.empty();
    }

    public static Period annual(int year) {
        return new Period(String.valueOf(year), PeriodKind.ANNUAL,
                "Báo cáo năm " + year + " thực hiện Chỉ thị 05-CT/TW", LocalDate.of(year, 1, 1),
                LocalDate.of(year, 12, 31), new DueDates(GRASSROOTS_DUE.atYear(year), PROVINCE_DUE.atYear(year),
                        CENTRAL_DUE_NEXT_YEAR.atYear(year + 1)), true);
    }

    private StandardPeriods() {
    }
}
