package vn.neuguong.reporting.export;

import java.util.List;

import vn.neuguong.reporting.aggregate.AggregateView;

/**
 * A unit's aggregate for a year and one row per child: what the aggregate exports contain.
 *
 * @param structure {@code as recorded} or {@code current}
 */
record AggregateTable(String unitId, String unitName, int year, String structure, Row unit, List<Row> children) {

    record Row(String unitId, String name, String level, AggregateView figures) {
    }
}
