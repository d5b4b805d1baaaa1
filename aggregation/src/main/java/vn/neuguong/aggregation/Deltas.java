package vn.neuguong.aggregation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The moves of the aggregates when an entity goes from its previous state to a new one: minus the old counters
 * at every unit of the old path for the old year, plus the new counters at every unit of the new path for the
 * new year. A unit and year on both sides gets the difference; zero differences are left out, so a change that
 * moves nothing emits nothing.
 */
public final class Deltas {

    /**
     * @param previous the state the aggregates contain, or null if the entity is new to them
     */
    public static List<UnitYearDelta> between(EntityState previous, EntityChange change) {
        Map<String, Map<String, Long>> byUnitYear = new LinkedHashMap<>();
        Map<String, String> unitOf = new LinkedHashMap<>();
        Map<String, Integer> yearOf = new LinkedHashMap<>();
        if (previous != null) {
            add(byUnitYear, unitOf, yearOf, previous.unitPath(), previous.year(), previous.counters(), -1);
        }
        add(byUnitYear, unitOf, yearOf, change.unitPath(), change.year(), change.counters(), +1);
        List<UnitYearDelta> deltas = new ArrayList<>();
        byUnitYear.forEach((key, counters) -> {
            counters.values().removeIf(amount -> amount == 0);
            if (!counters.isEmpty()) {
                deltas.add(new UnitYearDelta(unitOf.get(key), yearOf.get(key), counters, change.eventTime()));
            }
        });
        return deltas;
    }

    private static void add(Map<String, Map<String, Long>> byUnitYear, Map<String, String> unitOf,
            Map<String, Integer> yearOf, List<String> path, int year, Map<String, Long> counters, int sign) {
        for (String unitId : path) {
            String key = UnitYearDelta.key(unitId, year);
            unitOf.put(key, unitId);
            yearOf.put(key, year);
            Map<String, Long> delta = byUnitYear.computeIfAbsent(key, ignored -> new LinkedHashMap<>());
            counters.forEach((name, amount) -> delta.merge(name, sign * amount, Long::sum));
        }
    }

    private Deltas() {
    }
}
