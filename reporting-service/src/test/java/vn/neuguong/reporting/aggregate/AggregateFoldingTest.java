package vn.neuguong.reporting.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import vn.neuguong.contracts.orgunit.OrgUnit;
import vn.neuguong.contracts.orgunit.OrgUnitLevel;

class AggregateFoldingTest {

    @Test
    void predecessorsAreFoldedUnlessAlreadyInsideAFoldedUnit() {
        OrgUnit thaiNguyen = unit("p-19", List.of("vn", "p-19"));
        OrgUnit bacKan = unit("lp-06", List.of("vn", "lp-06"));
        OrgUnit oldThaiNguyen = unit("lp-19", List.of("vn", "lp-19"));
        OrgUnit cellMergedIntoItsCommune = unit("c-1", List.of("vn", "p-19", "w-1", "c-1"));
        OrgUnit commune = unit("w-1", List.of("vn", "p-19", "w-1"));
        assertThat(AggregateQueries.folded(thaiNguyen, List.of(bacKan, oldThaiNguyen)))
                .containsExactly(thaiNguyen, bacKan, oldThaiNguyen);
        assertThat(AggregateQueries.folded(commune, List.of(cellMergedIntoItsCommune))).containsExactly(commune);
    }

    @Test
    void countersAreStoredNestedAndReadBackFlat() {
        Map<String, Long> counters = Map.of("pledges.registered", 3L, "pledges.evaluated.GOOD", 1L,
                "pledges.evaluated.EXCELLENT", 2L);
        Document nested = AggregateStore.nest(counters);
        assertThat(nested.get("pledges", Document.class).get("evaluated", Document.class).get("GOOD")).isEqualTo(1L);
        assertThat(AggregateStore.flatten(nested)).isEqualTo(counters);
    }

    @Test
    void coverageIsIndividualPledgesOverExpectedMembersAndZeroWithoutAny() {
        Map<String, Long> counters = Map.of("pledges.registered", 4L, "pledges.individual", 3L);
        assertThat(AggregateView.of("w-1", 2026, null, counters, 12, false, 0).pledges().coverage()).isEqualTo(0.25);
        assertThat(AggregateView.of("w-1", 2026, null, counters, 0, false, 0).pledges().coverage()).isZero();
        assertThat(AggregateView.of("w-1", 2026, null, Map.of(), 0, false, 0).pledges().evaluated())
                .containsOnlyKeys("EXCELLENT", "GOOD", "COMPLETED", "NOT_COMPLETED");
    }

    private static OrgUnit unit(String id, List<String> path) {
        return new OrgUnit(id, null, id, id, OrgUnitLevel.PROVINCE, path.get(path.size() - 2), path, 10,
                LocalDate.of(2008, 8, 1), null, null);
    }
}
