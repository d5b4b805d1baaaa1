package vn.neuguong.reporting.report;

/**
 * One reported indicator.
 *
 * @param value      the figure the unit reports
 * @param prefilled  the figure of the live aggregates when the report was saved; null for indicators only the unit
 *                   knows
 * @param difference {@code value − prefilled}, kept so a reader sees where the unit corrected the aggregates; null
 *                   when not pre-filled
 */
public record IndicatorValue(long value, Long prefilled, Long difference) {

    static IndicatorValue of(long value, Long prefilled) {
        return new IndicatorValue(value, prefilled, prefilled == null ? null : value - prefilled);
    }
}
