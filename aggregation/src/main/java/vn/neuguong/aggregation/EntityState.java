package vn.neuguong.aggregation;

import java.util.List;
import java.util.Map;

/** The last state of an entity that the aggregates contain, kept per entity id in a state store. */
public record EntityState(long version, int year, List<String> unitPath, Map<String, Long> counters) {

    static EntityState of(EntityChange change) {
        return new EntityState(change.version(), change.year(), change.unitPath(), change.counters());
    }
}
