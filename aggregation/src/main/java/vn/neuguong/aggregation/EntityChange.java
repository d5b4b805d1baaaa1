package vn.neuguong.aggregation;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An event reduced to what aggregation needs: the entity's new state as counters, where it counts (every unit on
 * {@code unitPath}, for {@code year}) and its version, which orders the entity's states.
 */
public record EntityChange(String entityId, long version, int year, List<String> unitPath,
        Map<String, Long> counters, Instant eventTime) {
}
