package vn.neuguong.reporting.orgunit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.neuguong.contracts.orgunit.OrgUnit;
import vn.neuguong.contracts.orgunit.OrgUnitLevel;
import vn.neuguong.platform.web.FieldProblem;

class OrgUnitRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 1);
    private final OrgUnit province = unit("p-19", OrgUnitLevel.PROVINCE, List.of("vn", "p-19"), LocalDate.of(2025, 7, 1), null);
    private final OrgUnit commune = unit("w-05500", OrgUnitLevel.GRASSROOTS, List.of("vn", "p-19", "w-05500"),
            LocalDate.of(2025, 7, 1), null);
    private final OrgUnit legacy = unit("lp-06", OrgUnitLevel.PROVINCE, List.of("vn", "lp-06"), LocalDate.of(2008, 8, 1),
            LocalDate.of(2025, 6, 30));

    @Test
    void aCellUnderACommuneIsAccepted() {
        NewOrgUnit cell = new NewOrgUnit(null, null, "Chi bộ thôn Nà Pài", null, OrgUnitLevel.CELL, "w-05500", 25L, null);
        assertThat(OrgUnitRules.checkNewUnit(cell, commune, TODAY)).isEmpty();
    }

    @Test
    void everyProblemOfANewUnitIsNamedByItsField() {
        NewOrgUnit bad = new NewOrgUnit("Bad Id!", null, " ", null, OrgUnitLevel.CENTRAL, "nowhere", -1L, null);
        assertThat(fields(OrgUnitRules.checkNewUnit(bad, null, TODAY)))
                .containsExactly("id", "name", "memberCount", "parentId", "level");
    }

    @Test
    void referenceIdsAreReserved() {
        NewOrgUnit taken = new NewOrgUnit("p-99", null, "Tỉnh mới", null, OrgUnitLevel.PROVINCE, "vn", null, null);
        assertThat(fields(OrgUnitRules.checkNewUnit(taken, unit("vn", OrgUnitLevel.CENTRAL, List.of("vn"), null, null),
                TODAY))).containsExactly("id");
    }

    @Test
    void aUnitGoesBelowItsParentAndUnderAValidOne() {
        NewOrgUnit province = new NewOrgUnit(null, null, "Đảng bộ", null, OrgUnitLevel.PROVINCE, "w-05500", null, null);
        assertThat(fields(OrgUnitRules.checkNewUnit(province, commune, TODAY))).containsExactly("level");
        NewOrgUnit underLegacy = new NewOrgUnit(null, null, "Đảng bộ xã", null, OrgUnitLevel.GRASSROOTS, "lp-06", null, null);
        assertThat(fields(OrgUnitRules.checkNewUnit(underLegacy, legacy, TODAY))).containsExactly("parentId");
    }

    @Test
    void aMergerIntoAValidSuccessorIsAccepted() {
        Merger merger = new Merger("p-19", LocalDate.of(2025, 6, 30));
        OrgUnit openLegacy = unit("lp-06", OrgUnitLevel.PROVINCE, List.of("vn", "lp-06"), LocalDate.of(2008, 8, 1), null);
        assertThat(OrgUnitRules.checkMerger(openLegacy, merger, province, List.of())).isEmpty();
    }

    @Test
    void aUnitIsNotMergedIntoItselfADescendantOrAUnitMergedIntoIt() {
        assertThat(fields(OrgUnitRules.checkMerger(province, new Merger("p-19", TODAY), province, List.of())))
                .containsExactly("successorId");
        assertThat(fields(OrgUnitRules.checkMerger(province, new Merger("w-05500", TODAY), commune, List.of())))
                .containsExactly("successorId");
        OrgUnit other = unit("p-01", OrgUnitLevel.PROVINCE, List.of("vn", "p-01"), LocalDate.of(2025, 7, 1), null);
        assertThat(fields(OrgUnitRules.checkMerger(province, new Merger("p-01", TODAY), other, List.of(province))))
                .containsExactly("successorId");
        assertThat(fields(OrgUnitRules.checkMerger(province, new Merger("p-00", null), null, List.of())))
                .containsExactly("validTo", "successorId");
    }

    @Test
    void aMemberCountIsANumberOfZeroOrMore() {
        assertThat(OrgUnitRules.checkMemberCount(new MemberCount(0L))).isEmpty();
        assertThat(fields(OrgUnitRules.checkMemberCount(new MemberCount(-5L)))).containsExactly("memberCount");
        assertThat(fields(OrgUnitRules.checkMemberCount(new MemberCount(null)))).containsExactly("memberCount");
    }

    private static List<String> fields(List<FieldProblem> problems) {
        return problems.stream().map(FieldProblem::field).toList();
    }

    private static OrgUnit unit(String id, OrgUnitLevel level, List<String> path, LocalDate validFrom, LocalDate validTo) {
        return new OrgUnit(id, null, id, id, level, path.size() > 1 ? path.get(path.size() - 2) : null, path, 0,
                validFrom, validTo, null);
    }
}
