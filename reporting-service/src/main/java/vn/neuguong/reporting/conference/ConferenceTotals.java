package vn.neuguong.reporting.conference;

import java.time.Instant;
import java.util.List;

/**
 * A conference's totals: the sum of every unit's latest attendance, nationally and per province.
 *
 * @param asOf  when they were counted
 * @param units how many units reported attendance
 */
public record ConferenceTotals(String conferenceId, Instant asOf, long connectionPoints, long attendees, long units,
        List<ProvinceTotals> byProvince) {

    public record ProvinceTotals(String provinceId, String name, long connectionPoints, long attendees, long units) {
    }

    /** Whether the figures are the same, whenever they were counted. */
    boolean sameFigures(ConferenceTotals other) {
        return other != null && connectionPoints == other.connectionPoints && attendees == other.attendees
                && units == other.units && byProvince.equals(other.byProvince);
    }
}
