package vn.neuguong.reporting.period;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import vn.neuguong.contracts.orgunit.OrgUnit;
import vn.neuguong.contracts.orgunit.OrgUnitLevel;

class ReportingDutyTest {

    private static final LocalDate TWO_TIER = LocalDate.of(2025, 7, 1);
    private static final OrgUnit CENTRAL = unit("vn", OrgUnitLevel.CENTRAL, List.of("vn"), null, null);
    private static final OrgUnit BAC_KAN = unit("lp-06", OrgUnitLevel.PROVINCE, List.of("vn", "lp-06"),
            LocalDate.of(2008, 8, 1), LocalDate.of(2025, 6, 30));
    private static final OrgUnit THAI_NGUYEN = unit("p-19", OrgUnitLevel.PROVINCE, List.of("vn", "p-19"), TWO_TIER, null);
    private static final OrgUnit DINH_HOA = unit("w-05569", OrgUnitLevel.GRASSROOTS, List.of("vn", "p-19", "w-05569"),
            TWO_TIER, null);
    private static final OrgUnit CELL = unit("cell-1", OrgUnitLevel.CELL, List.of("vn", "p-19", "w-05569", "cell-1"),
            TWO_TIER, null);

    private final ReportingDuty duty = new ReportingDuty(new ReportingProperties(null, null));

    @Test
    void aLegacyProvinceReportsForTheYearsItExistedThroughAndNotForTheYearItClosed() {
        assertThat(duty.required(BAC_KAN, StandardPeriods.annual(2019))).isTrue();
        assertThat(duty.required(BAC_KAN, StandardPeriods.annual(2024))).isTrue();
        assertThat(duty.required(BAC_KAN, StandardPeriods.annual(2025))).isFalse();
        assertThat(duty.whyNotRequired(BAC_KAN, StandardPeriods.annual(2025))).contains("successor");
    }

    @Test
    void aUnitThatOpenedDuringThePeriodReportsAndOneThatDidNotExistDoesNot() {
        assertThat(duty.required(THAI_NGUYEN, StandardPeriods.annual(2025))).isTrue();
        assertThat(duty.required(DINH_HOA, StandardPeriods.annual(2025))).isTrue();
        assertThat(duty.required(THAI_NGUYEN, StandardPeriods.annual(2019))).isFalse();
        assertThat(duty.whyNotRequired(DINH_HOA, StandardPeriods.annual(2024))).contains("did not exist");
    }

    @Test
    void cellsDoNotReportUnlessConfiguredAndTheCentreDoes() {
        assertThat(duty.required(CELL, StandardPeriods.annual(2025))).isFalse();
        assertThat(duty.required(CENTRAL, StandardPeriods.annual(2019))).isTrue();
        ReportingDuty withCells = new ReportingDuty(new ReportingProperties(Set.of(OrgUnitLevel.CELL), null));
        assertThat(withCells.required(CELL, StandardPeriods.annual(2025))).isTrue();
        assertThat(withCells.required(DINH_HOA, StandardPeriods.annual(2025))).isFalse();
    }

    @Test
    void expectedReportsAreCountedAtEveryAncestorOfAUnitThatMustReport() {
        var counts = new ExpectedReports(null, null, duty, new ReportingProperties(null, null), null)
                .count(List.of(StandardPeriods.annual(2025)), List.of(CENTRAL, BAC_KAN, THAI_NGUYEN, DINH_HOA, CELL));
        assertThat(counts).isEqualTo(Map.of("vn", 3L, "p-19", 2L, "w-05569", 1L));
    }

    private static OrgUnit unit(String id, OrgUnitLevel level, List<String> path, LocalDate validFrom,
            LocalDate validTo) {
        return new OrgUnit(id, null, id, id, level, path.size() > 1 ? path.get(path.size() - 2) : null, path, 10,
                validFrom, validTo, validTo == null ? null : "p-19");
    }
}
