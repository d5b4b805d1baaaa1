package vn.neuguong.reporting.completeness;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import vn.neuguong.contracts.orgunit.OrgUnit;
import vn.neuguong.platform.security.CurrentUser;
import vn.neuguong.platform.web.FieldProblem;
import vn.neuguong.platform.web.InvalidInputException;
import vn.neuguong.platform.web.NotFoundException;
import vn.neuguong.reporting.orgunit.OrgUnitRegistry;
import vn.neuguong.reporting.period.Period;
import vn.neuguong.reporting.period.PeriodCatalog;
import vn.neuguong.reporting.period.ReportingDuty;
import vn.neuguong.reporting.report.ReportAccess;
import vn.neuguong.reporting.report.ReportQueries;

/**
 * Completeness is recounted on every request from the owning data: the registry (who must report) and this
 * service's report documents (who did). No event is involved, so duplicate or replayed events cannot change it.
 */
@Service
public class CompletenessService {

    private final OrgUnitRegistry registry;
    private final PeriodCatalog periods;
    private final ReportingDuty duty;
    private final ReportQueries reports;

    CompletenessService(OrgUnitRegistry registry, PeriodCatalog periods, ReportingDuty duty, ReportQueries reports) {
        this.registry = registry;
        this.periods = periods;
        this.duty = duty;
        this.reports = reports;
    }

    /**
     * @param structure null for the units under the unit as they were; {@code current} to add the units merged
     *                  into it (a 2019 report of lp-06 Bắc Kạn then counts under p-19 Thái Nguyên)
     */
    public Completeness of(String unitId, String periodId, String structure, CurrentUser user) {
        boolean current = isCurrentStructure(structure);
        OrgUnit unit = registry.find(unitId).orElseThrow(() -> new NotFoundException("No org unit has the id " + unitId));
        if (!ReportAccess.canRead(user, unit)) {
            throw new NotFoundException("No org unit has the id " + unitId);
        }
        Period period = periods.get(periodId);
        List<OrgUnit> under = current ? registry.subtreeInCurrentStructure(unit.id()) : registry.subtree(List.of(unit.id()));
        List<OrgUnit> expected = under.stream().filter(candidate -> duty.required(candidate, period)).toList();
        Map<String, CompletenessCount.ReportStatusOf> byUnit = new HashMap<>();
        reports.statusesOf(period.id()).forEach(report -> byUnit.put(report.unitId(),
                new CompletenessCount.ReportStatusOf(report.status(), report.onTime())));
        return CompletenessCount.count(unit.id(), period, expected, byUnit,
                id -> registry.find(id).map(OrgUnit::name).orElse(id));
    }

    private static boolean isCurrentStructure(String structure) {
        if (structure == null) {
            return false;
        }
        if (!structure.equals("current")) {
            throw new InvalidInputException(List.of(new FieldProblem("structure", "must be current, or absent")));
        }
        return true;
    }
}
