package vn.neuguong.reporting.period;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.neuguong.contracts.orgunit.OrgUnitLevel;
import vn.neuguong.platform.web.FieldProblem;

class PeriodsTest {

    @Test
    void theAnnualPeriodOfAYearIsDueFromTheGrassrootsUpToTheCentreInJanuary() {
        Period period = StandardPeriods.annual(2025);
        assertThat(period.id()).isEqualTo("2025");
        assertThat(period.kind()).isEqualTo(PeriodKind.ANNUAL);
        assertThat(period.from()).isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(period.to()).isEqualTo(LocalDate.of(2025, 12, 31));
        assertThat(period.dueDates().of(OrgUnitLevel.GRASSROOTS)).isEqualTo(LocalDate.of(2025, 12, 15));
        assertThat(period.dueDates().of(OrgUnitLevel.PROVINCE)).isEqualTo(LocalDate.of(2025, 12, 31));
        assertThat(period.dueDates().of(OrgUnitLevel.CENTRAL)).isEqualTo(LocalDate.of(2026, 1, 15));
        assertThat(period.year()).isEqualTo(2025);
    }

    @Test
    void standardPeriodsExistFrom2016ToTheCurrentYear() {
        assertThat(StandardPeriods.find("2016", 2026)).isPresent();
        assertThat(StandardPeriods.find("2026", 2026)).isPresent();
        assertThat(StandardPeriods.find("2015", 2026)).isEmpty();
        assertThat(StandardPeriods.find("2027", 2026)).isEmpty();
        assertThat(StandardPeriods.find("so-ket-2024", 2026)).isEmpty();
    }

    @Test
    void aNewPeriodHasOrderedDueDatesAndNamesEveryProblem() {
        NewPeriod valid = new NewPeriod("so-ket-05-2019", PeriodKind.INTERIM_REVIEW, "Sơ kết 3 năm Chỉ thị 05",
                LocalDate.of(2016, 5, 15), LocalDate.of(2019, 5, 15), new DueDates(LocalDate.of(2019, 4, 30),
                        LocalDate.of(2019, 5, 15), LocalDate.of(2019, 5, 31)));
        assertThat(PeriodRules.check(valid)).isEmpty();
        NewPeriod invalid = new NewPeriod("bad id!", null, " ", LocalDate.of(2019, 5, 15), LocalDate.of(2016, 5, 15),
                new DueDates(LocalDate.of(2019, 4, 30), LocalDate.of(2019, 4, 1), null));
        assertThat(PeriodRules.check(invalid).stream().map(FieldProblem::field).toList()).containsExactly("id", "kind",
                "title", "to", "dueDates.GRASSROOTS", "dueDates.PROVINCE", "dueDates.CENTRAL");
        assertThat(PeriodRules.check(new NewPeriod("x", PeriodKind.ANNUAL, "x", LocalDate.of(2019, 1, 1),
                LocalDate.of(2019, 12, 31), null))).extracting(FieldProblem::field).isEqualTo(List.of("dueDates"));
    }

    @Test
    void aPeriodLiesBetween2016And2100AndSpansAtMostElevenCalendarYears() {
        DueDates due = new DueDates(LocalDate.of(2100, 12, 31), LocalDate.of(2100, 12, 31), LocalDate.of(2100, 12, 31));
        assertThat(PeriodRules.check(period(LocalDate.of(2016, 5, 15), LocalDate.of(2026, 5, 15), due)))
                .as("the directive's ten-year review").isEmpty();
        assertThat(fields(period(LocalDate.of(2016, 1, 1), LocalDate.of(2027, 1, 1), due))).containsExactly("to");
        assertThat(fields(period(LocalDate.of(1, 1, 1), LocalDate.of(2020, 1, 1), due))).containsExactly("from", "to");
        assertThat(fields(period(LocalDate.of(2095, 1, 1), LocalDate.of(9999, 12, 31),
                new DueDates(LocalDate.MAX, LocalDate.MAX, LocalDate.MAX)))).containsExactly("to");
    }

    @Test
    void aQuarterlyPeriodIsOneCalendarQuarter() {
        DueDates due = new DueDates(LocalDate.of(2026, 7, 10), LocalDate.of(2026, 7, 20), LocalDate.of(2026, 7, 30));
        assertThat(PeriodRules.check(quarter(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 6, 30), due))).isEmpty();
        assertThat(fields(quarter(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 7, 31), due))).containsExactly("to");
        assertThat(fields(quarter(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 4, 30), due))).containsExactly("to");
    }

    private static NewPeriod quarter(LocalDate from, LocalDate to, DueDates due) {
        return new NewPeriod("quy-" + from, PeriodKind.QUARTERLY, "Báo cáo quý", from, to, due);
    }

    private static NewPeriod period(LocalDate from, LocalDate to, DueDates due) {
        return new NewPeriod("p", PeriodKind.FINAL_REVIEW, "Tổng kết", from, to, due);
    }

    private static List<String> fields(NewPeriod period) {
        return PeriodRules.check(period).stream().map(FieldProblem::field).toList();
    }

    @Test
    void aPeriodOverlapsUnitsValidDuringSomeOfIt() {
        Period period = StandardPeriods.annual(2025);
        assertThat(period.overlaps(LocalDate.of(2025, 7, 1), null)).isTrue();
        assertThat(period.overlaps(null, LocalDate.of(2025, 1, 1))).isTrue();
        assertThat(period.overlaps(null, LocalDate.of(2024, 12, 31))).isFalse();
        assertThat(period.overlaps(LocalDate.of(2026, 1, 1), null)).isFalse();
    }
}
