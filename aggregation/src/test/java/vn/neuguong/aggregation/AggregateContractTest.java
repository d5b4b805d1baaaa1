package vn.neuguong.aggregation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.neuguong.contracts.aggregate.AggregateUpdated;

/** The records the aggregation publishes are the contract's, component for component. */
class AggregateContractTest {

    @Test
    void unitYearAggregateHasTheComponentsOfAggregateUpdated() {
        assertThat(components(UnitYearAggregate.class)).isEqualTo(components(AggregateUpdated.class));
    }

    private static List<String> components(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents())
                .map(component -> component.getName() + ":" + component.getGenericType().getTypeName()).toList();
    }

}
