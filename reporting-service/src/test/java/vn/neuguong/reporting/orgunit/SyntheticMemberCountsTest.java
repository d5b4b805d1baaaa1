package vn.neuguong.reporting.orgunit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import vn.neuguong.contracts.orgunit.OrgUnitLevel;

class SyntheticMemberCountsTest {

    private final List<ReferenceUnit> units = ReferenceDataLoader.readReferenceUnits();
    private final Map<String, Long> counts = SyntheticMemberCounts.of(units);

    @Test
    void communesAddUpToTheirProvinceAndProvincesToTheNation() {
        long nation = counts.get("vn");
        assertThat(nation).isEqualTo(SyntheticMemberCounts.NATIONAL_TOTAL);
        assertThat(sum(unit -> unit.level() == OrgUnitLevel.GRASSROOTS)).isEqualTo(nation);
        assertThat(sum(unit -> unit.id().startsWith("p-"))).isEqualTo(nation);
        assertThat(sum(unit -> "p-19".equals(unit.parentId()))).isEqualTo(counts.get("p-19"));
    }

    @Test
    void the63LegacyProvincesSplitTheirSuccessorsCounts() {
        assertThat(sum(unit -> unit.id().startsWith("lp-"))).isEqualTo(SyntheticMemberCounts.NATIONAL_TOTAL);
        // Bắc Kạn and Thái Nguyên became the new Thái Nguyên
        assertThat(counts.get("lp-06") + counts.get("lp-19")).isEqualTo(counts.get("p-19"));
        assertThat(counts.get("lp-06")).isPositive();
        // Hà Nội was merged with nobody
        assertThat(counts.get("lp-01")).isEqualTo(counts.get("p-01"));
    }

    @Test
    void theSameDataGivesTheSameCounts() {
        assertThat(SyntheticMemberCounts.of(ReferenceDataLoader.readReferenceUnits())).isEqualTo(counts);
    }

    @Test
    void bigCitiesHaveMoreMembersPerCommuneThanRuralProvinces() {
        double hanoi = (double) counts.get("p-01") / children("p-01");
        double laiChau = (double) counts.get("p-12") / children("p-12");
        assertThat(hanoi).isGreaterThan(2 * laiChau);
    }

    @Test
    void apportioningKeepsTheTotalExactly() {
        long[] shares = SyntheticMemberCounts.apportion(10, new double[] {1, 1, 1});
        assertThat(shares).containsExactly(4, 3, 3);
    }

    private long sum(Predicate<ReferenceUnit> which) {
        return units.stream().filter(which).mapToLong(unit -> counts.get(unit.id())).sum();
    }

    private long children(String provinceId) {
        return units.stream().filter(unit -> provinceId.equals(unit.parentId())).count();
    }
}
