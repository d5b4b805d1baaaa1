package vn.neuguong.reporting.period;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import vn.neuguong.contracts.orgunit.OrgUnit;
import vn.neuguong.reporting.orgunit.OrgUnitRegistry;
import vn.neuguong.reporting.orgunit.ReferenceData;

/**
 * The denominator of the aggregates' {@code reports} section: for a year, how many reports the units in each unit's
 * subtree (itself included) must submit for the periods ending that year. Counted from the registry and the periods
 * (not from events, like {@code pledges.expected}); the registry's part is reused for
 * {@link ReportingProperties#expectedCacheTtl()}, a new period of the year is taken into account at once.
 */
@Component
public class ExpectedReports {

    private record Counted(List<Period> periods, Map<String, Long> byUnit, Instant at) {
    }

    private final OrgUnitRegistry registry;
    private final PeriodCatalog periods;
    private final ReportingDuty duty;
    private final ReportingProperties properties;
    private final Clock clock;
    private final Map<Integer, Counted> byYear = new ConcurrentHashMap<>();

    ExpectedReports(OrgUnitRegistry registry, PeriodCatalog periods, ReportingDuty duty, ReportingProperties properties,
            Clock clock) {
        this.registry = registry;
        this.periods = periods;
        this.duty = duty;
        this.properties = properties;
        this.clock = clock;
    }

    /** Reports expected in the subtree of each unit for periods ending in {@code year}, by unit id (absent = 0). */
    public Map<String, Long> inSubtrees(int year) {
        Instant now = clock.instant();
        List<Period> periodsOfYear = periods.endingIn(year);
        Counted counted = byYear.get(year);
        if (counted == null || !counted.periods().equals(periodsOfYear)
                || counted.at().plus(properties.expectedCacheTtl()).isBefore(now)) {
            counted = new Counted(periodsOfYear, count(periodsOfYear, registry.subtree(List.of(ReferenceData.CENTRAL_ID))),
                    now);
            byYear.put(year, counted);
        }
        return counted.byUnit();
    }

    Map<String, Long> count(List<Period> periodsOfYear, List<OrgUnit> units) {
        Map<String, Long> byUnit = new HashMap<>();
        for (OrgUnit unit : units) {
            long required = periodsOfYear.stream().filter(period -> duty.required(unit, period)).count();
            if (required > 0) {
                unit.path().forEach(ancestor -> byUnit.merge(ancestor, required, Long::sum));
            }
        }
        return byUnit;
    }
}
