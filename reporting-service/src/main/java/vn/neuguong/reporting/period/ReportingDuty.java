package vn.neuguong.reporting.period;

import java.time.LocalDate;

import org.springframework.stereotype.Component;

import vn.neuguong.contracts.orgunit.OrgUnit;

/**
 * Which units must report for a period. A unit must when its level reports ({@link ReportingProperties}), it existed
 * during the period, and it still existed on its level's due date. A unit that closed before its report was due
 * (e.g. the 63 legacy provinces, closed on 30 June 2025, for the year 2025) is not expected: the unit it was merged
 * into reports for the period, its history included. A unit that opened during the period is expected (the 34 new
 * provinces and 3,321 communes of 1 July 2025, for 2025); one that opened after the period ended is not.
 */
@Component
public class ReportingDuty {

    private final ReportingProperties properties;

    public ReportingDuty(ReportingProperties properties) {
        this.properties = properties;
    }

    public boolean required(OrgUnit unit, Period period) {
        if (!properties.reportingLevels().contains(unit.level())) {
            return false;
        }
        LocalDate due = period.dueDates().of(unit.level());
        return period.overlaps(unit.validFrom(), unit.validTo()) && (unit.validTo() == null || !unit.validTo().isBefore(due));
    }

    /** Why a unit may not report for a period, or null when it must. */
    public String whyNotRequired(OrgUnit unit, Period period) {
        if (!properties.reportingLevels().contains(unit.level())) {
            return "units of level " + unit.level() + " do not report; their committee's report covers them";
        }
        if (!period.overlaps(unit.validFrom(), unit.validTo())) {
            return "the unit did not exist during the period " + period.from() + ".." + period.to();
        }
        if (!required(unit, period)) {
            return "the unit closed on " + unit.validTo() + ", before its report was due on "
                    + period.dueDates().of(unit.level()) + "; its successor reports for the period";
        }
        return null;
    }
}
