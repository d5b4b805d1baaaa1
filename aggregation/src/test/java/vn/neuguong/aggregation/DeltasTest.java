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
    void a_new_entity_adds_its_counters_to_every_unit_on_its_path() {
        List<UnitYearDelta> deltas = Deltas.between(null,
                change(1, 2026, PATH, Map.of("pledges.registered", 1L)));
        assertThat(deltas).containsExactly(
                new UnitYearDelta("vn", 2026, Map.of("pledges.registered", 1L), NOW),
                new UnitYearDelta("p-19", 2026, Map.of("pledges.registered", 1L), NOW),
                new UnitYearDelta("w-05500", 2026, Map.of("pledges.registered", 1L), NOW));
    }

    @Test
    void a_change_of_state_moves_only_what_differs() {
        EntityState previous = new EntityState(1, 2026, PATH, Map.of("pledges.registered", 1L, "pledges.individual", 1L));
        List<UnitYearDelta> deltas = Deltas.between(previous, change(2, 2026, PATH,
                Map.of("pledges.withdrawn", 1L)));
        assertThat(deltas).hasSize(3).allSatisfy(delta -> assertThat(delta.counters()).containsOnly(
                Map.entry("pledges.registered", -1L), Map.entry("pledges.individual", -1L),
                Map.entry("pledges.withdrawn", 1L)));
    }

    @Test
    void a_change_that_moves_no_counter_emits_nothing() {
        EntityState previous = new EntityState(1, 2026, PATH, Map.of("pledges.registered", 1L));
        assertThat(Deltas.between(previous, change(2, 2026, PATH, Map.of("pledges.registered", 1L)))).isEmpty();
    }

    @Test
    void a_changed_path_moves_the_counters_from_the_old_units_to_the_new_ones() {
        EntityState previous = new EntityState(1, 2026, PATH, Map.of("pledges.registered", 1L));
        List<UnitYearDelta> deltas = Deltas.between(previous,
                change(2, 2026, List.of("vn", "p-01"), Map.of("pledges.registered", 1L)));
        assertThat(deltas).containsExactlyInAnyOrder(
                new UnitYearDelta("p-19", 2026, Map.of("pledges.registered", -1L), NOW),
                new UnitYearDelta("w-05500", 2026, Map.of("pledges.registered", -1L), NOW),
                new UnitYearDelta("p-01", 2026, Map.of("pledges.registered", 1L), NOW));
    }

    @Test
    void a_changed_year_moves_the_counters_between_years() {
        EntityState previous = new EntityState(1, 2025, List.of("vn"), Map.of("pledges.registered", 1L));
        assertThat(Deltas.between(previous, change(2, 2026, List.of("vn"), Map.of("pledges.registered", 1L))))
                .containsExactlyInAnyOrder(new UnitYearDelta("vn", 2025, Map.of("pledges.registered", -1L), NOW),
                        new UnitYearDelta("vn", 2026, Map.of("pledges.registered", 1L), NOW));
    }

    @Test
    void sums_of_deltas_are_the_aggregate() {
        UnitYearAggregate aggregate = UnitYearAggregate.EMPTY
                .plus(new UnitYearDelta("vn", 2026, Map.of("pledges.registered", 1L), NOW), NOW)
                .plus(new UnitYearDelta("vn", 2026, Map.of("pledges.registered", -1L, "pledges.withdrawn", 1L),
                        NOW.plusSeconds(5)), NOW);
        assertThat(aggregate.counters()).containsOnly(Map.entry("pledges.withdrawn", 1L));
        assertThat(aggregate.lastEventTime()).isEqualTo(NOW.plusSeconds(5));
    }

    @Test
    void as_of_increases_with_every_update_even_within_one_millisecond() {
        UnitYearDelta delta = new UnitYearDelta("vn", 2026, Map.of("pledges.registered", 1L), NOW);
        UnitYearAggregate first = UnitYearAggregate.EMPTY.plus(delta, NOW);
        UnitYearAggregate second = first.plus(delta, NOW);
        assertThat(second.asOf()).isAfter(first.asOf());
    }

    private static EntityChange change(long version, int year, List<String> path, Map<String, Long> counters) {
        return new EntityChange("pl-1", version, year, path, counters, NOW);
    }
}
