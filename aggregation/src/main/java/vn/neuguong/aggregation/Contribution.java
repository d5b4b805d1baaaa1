package vn.neuguong.aggregation;

import java.util.Map;

/**
 * What one entity in a given state adds to the aggregates of its unit and year: counter name → amount. An
 * aggregate is the sum of the contributions of the entities' current states, so a change of state moves the
 * aggregate by {@code contribution(new) − contribution(old)}, never by "+1 per event".
 *
 * @param <S> the entity state an event carries
 */
@FunctionalInterface
public interface Contribution<S> {

    Map<String, Long> of(S state);
}
