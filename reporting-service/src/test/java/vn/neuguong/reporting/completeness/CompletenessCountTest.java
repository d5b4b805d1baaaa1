package vn.neuguong.reporting.completeness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.neuguong.contracts.orgunit.OrgUnit;
import vn.neuguong.contracts.orgunit.OrgUnitLevel;
import vn.neuguong.contracts.report.ReportStatus;
import vn.neuguong.reporting.completeness.Completeness.ChildCompleteness;
import vn.neuguong.reporting.completeness.CompletenessCount.ReportStatusOf;
import vn.neuguong.reporting.period.StandardPeriods;
import vn.neuguong.reporting.report.MissingUnit;

class CompletenessCountTest {

    private static final OrgUnit PROVINCE = unit("p-19", "Thái Nguyên", OrgUnitLevel.PROVINCE);
    private static final OrgUnit A = unit("w-1", "Phường Phan Đình Phùng", OrgUnitLevel.GRASSROOTS);
    private static final OrgUnit B = unit("w-2", "Xã Định Hóa", OrgUnitLevel.GRASSROOTS);
    private static final OrgUnit C = unit("w-3", "Xã Bạch Thông", OrgUnitLevel.GRASSROOTS);
    private static final Map<String, String> NAMES = Map.of("vn", "Cả nước", "p-19", "Thái Nguyên",
            "w-1", "Phường Phan Đình Phùng", "w-2", "Xã Định Hóa", "w-3", "Xã Bạch Thông");

    @Test
    void countsTheExpectedUnitsReportsOnlySoTheRateNeverExceedsOne() {
        Map<String, ReportStatusOf> reports = Map.of(
                "p-19", new ReportStatusOf(ReportStatus.APPROVED, true),
                "w-1", new ReportStatusOf(ReportStatus.SUBMITTED, false),
                "w-2", new ReportStatusOf(ReportStatus.RETURNED, true),
                "cell-9", new ReportStatusOf(ReportStatus.APPROVED, true),
                "lp-06", new ReportStatusOf(ReportStatus.SUBMITTED, true));
        Completeness completeness = CompletenessCount.count("p-19", StandardPeriods.annual(2025),
                List.of(PROVINCE, A, B, C), reports, NAMES::get);
        assertThat(completeness.expected()).isEqualTo(4);
        assertThat(completeness.submitted()).isEqualTo(2);
        assertThat(completeness.onTime()).isEqualTo(1);
        assertThat(completeness.late()).isEqualTo(1);
        assertThat(completeness.approved()).isEqualTo(1);
        assertThat(completeness.reportingRate()).isEqualTo(0.5);
        assertThat(completeness.missing()).containsExactly(
                new MissingUnit("w-3", "Xã Bạch Thông", OrgUnitLevel.GRASSROOTS, LocalDate.of(2025, 12, 15), "p-19",
                        "Thái Nguyên"),
                new MissingUnit("w-2", "Xã Định Hóa", OrgUnitLevel.GRASSROOTS, LocalDate.of(2025, 12, 15), "p-19",
                        "Thái Nguyên"));
        assertThat(completeness.byChild()).extracting(ChildCompleteness::unitId, ChildCompleteness::expected,
                ChildCompleteness::submitted).containsExactly(tuple("w-1", 1L, 1L), tuple("p-19", 1L, 1L),
                tuple("w-3", 1L, 0L), tuple("w-2", 1L, 0L));
    }

    @Test
    void theMissingUnitsAreSearchedByTheirOrTheirParentsNameAndPaged() {
        Completeness completeness = CompletenessCount.count("p-19", StandardPeriods.annual(2025),
                List.of(PROVINCE, A, B, C), Map.of(), NAMES::get);

        assertThat(completeness.searched("dinh hoa", 0, 10).missing()).extracting(MissingUnit::unitId)
                .containsExactly("w-2");
        assertThat(completeness.searched("thai nguyen", 0, 10).missingTotal()).isEqualTo(4);
        Completeness second = completeness.searched(null, 1, 2);
        assertThat(second.missingTotal()).isEqualTo(4);
        assertThat(second.missing()).hasSize(2);
        assertThat(second.expected()).isEqualTo(4);
    }

    @Test
    void nobodyExpectedIsARateOfZero() {
        Completeness completeness = CompletenessCount.count("p-19", StandardPeriods.annual(2019), List.of(),
                Map.of("lp-06", new ReportStatusOf(ReportStatus.SUBMITTED, true)), NAMES::get);
        assertThat(completeness.expected()).isZero();
        assertThat(completeness.submitted()).isZero();
        assertThat(completeness.reportingRate()).isZero();
    }

    private static OrgUnit unit(String id, String name, OrgUnitLevel level) {
        String parent = level == OrgUnitLevel.PROVINCE ? "vn" : "p-19";
        List<String> path = level == OrgUnitLevel.PROVINCE ? List.of("vn", id) : List.of("vn", "p-19", id);
        return new OrgUnit(id, null, name, name, level, parent, path, 10, LocalDate.of(2025, 7, 1), null, null);
    }
}
