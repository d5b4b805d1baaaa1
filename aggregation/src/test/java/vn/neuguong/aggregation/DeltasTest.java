package vn.neuguong.aggregation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class DeltasTest {

    private static final Instant NOW = Instant.parse("2026-02-01T03:00:00Z");
    private static final List<String> PATH = List.of("vn", "p-19", "w-05500");

    @Test
    void aNewEntityAddsItsCountersToEveryUnitOnItsPath() {
        List<UnitYearDelta> deltas = Deltas.between(null,
                change(1, 2026, PATH, Map.of("pledges.registered", 1L)));
        assertThat(deltas).containsExactly(
                new UnitYearDelta("vn", 2026, Map.of("pledges.registered", 1L), NOW),
                new UnitYearDelta("p-19", 2026, Map.of("pledges.registered", 1L), NOW),
                new UnitYearDelta("w-05500", 2026, Map.of("pledges.registered", 1L), NOW));
    }

    @Test
    void aChangeOfStateMovesOnlyWhatDiffers() {
        EntityState previous = new EntityState(1, 2026, PATH, Map.of("pledges.registered", 1L, "pledges.individual", 1L));
        List<UnitYearDelta> deltas = Deltas.between(previous, change(2, 2026, PATH,
                Map.of("pledges.withdrawn", 1L)));
        assertThat(deltas).hasSize(3).allSatisfy(delta -> assertThat(delta.counters()).containsOnly(
                Map.entry("pledges.registered", -1L), Map.entry("pledges.individual", -1L),
                Map.entry("pledges.withdrawn", 1L)));
    }

    @Test
    void aChangeThatMovesNoCounterEmitsNothing() {
        EntityState previous = new EntityState(1, 2026, PATH, Map.of("pledges.registered", 1L));
        assertThat(Deltas.between(previous, change(2, 2026, PATH, Map.of("pledges.registered", 1L)))).isEmpty();
    }

    @Test
    void aChangedPathMovesTheCountersFromTheOldUnitsToTheNewOnes() {
        EntityState previous = new EntityState(1, 2026, PATH, Map.of("pledges.registered", 1L));
        List<UnitYearDelta> deltas = Deltas.between(previous,
                change(2, 2026, List.of("vn", "p-01"), Map.of("pledges.registered", 1L)));
        assertThat(deltas).containsExactlyInAnyOrder(
                new UnitYearDelta("p-19", 2026, Map.of("pledges.registered", -1L), NOW),
                new UnitYearDelta("w-05500", 2026, Map.of("pledges.registered", -1L), NOW),
                new UnitYearDelta("p-01", 2026, Map.of("pledges.registered", 1L), NOW));
    }

    @Test
    void aChangedYearMovesTheCountersBetweenYears() {
        EntityState previous = new EntityState(1, 2025, List.of("vn"), Map.of("pledges.registered", 1L));
        assertThat(Deltas.between(previous, change(2, 2026, List.of("vn"), Map.of("pledges.registered", 1L))))
                .containsExactlyInAnyOrder(new UnitYearDelta("vn", 2025, Map.of("pledges.registered", -1L), NOW),
                        new UnitYearDelta("vn", 2026, Map.of("pledges.registered", 1L), NOW));
    }

    @Test
    void sumsOfDeltasAreTheAggregate() {
        UnitYearAggregate aggregate = UnitYearAggregate.EMPTY
                .plus(new UnitYearDelta("vn", 2026, Map.of("pledges.registered", 1L), NOW), NOW)
                .plus(new UnitYearDelta("vn", 2026, Map.of("pledges.registered", -1L, "pledges.withdrawn", 1L),
                        NOW.plusSeconds(5)), NOW);
        assertThat(aggregate.counters()).containsOnly(Map.entry("pledges.withdrawn", 1L));
        assertThat(aggregate.lastEventTime()).isEqualTo(NOW.plusSeconds(5));
    }

    @Test
    void asOfIncreasesWithEveryUpdateEvenWithinOneMillisecond() {
        UnitYearDelta delta = new UnitYearDelta("vn", 2026, Map.of("pledges.registered", 1L), NOW);
        UnitYearAggregate first = UnitYearAggregate.EMPTY.plus(delta, NOW);
        UnitYearAggregate second = first.plus(delta, NOW);
        assertThat(second.asOf()).isAfter(first.asOf());
    }

    private static EntityChange change(long version, int year, List<String> path, Map<String, Long> counters) {
        return new EntityChange("pl-1", version, year, path, counters, NOW);
    }
}
