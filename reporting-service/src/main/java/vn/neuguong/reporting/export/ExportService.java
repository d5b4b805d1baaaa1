package vn.neuguong.reporting.export;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import vn.neuguong.contracts.orgunit.OrgUnit;
import vn.neuguong.platform.security.CurrentUser;
import vn.neuguong.platform.web.NotFoundException;
import vn.neuguong.reporting.Page;
import vn.neuguong.reporting.aggregate.AggregateQueries;
import vn.neuguong.reporting.aggregate.AggregateView;
import vn.neuguong.reporting.completeness.CompletenessService;
import vn.neuguong.reporting.orgunit.OrgUnitRegistry;
import vn.neuguong.reporting.period.Period;
import vn.neuguong.reporting.period.PeriodCatalog;
import vn.neuguong.reporting.report.ConsolidatedReport;
import vn.neuguong.reporting.report.Narrative;
import vn.neuguong.reporting.report.ReportService;

/** Builds the exports from the same queries as the JSON API, with the same access rules. */
@Service
class ExportService {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final AggregateQueries aggregates;
    private final OrgUnitRegistry registry;
    private final ReportService reports;
    private final PeriodCatalog periods;
    private final CompletenessService completeness;

    ExportService(AggregateQueries aggregates, OrgUnitRegistry registry, ReportService reports, PeriodCatalog periods,
                  CompletenessService completeness) {
        this.aggregates = aggregates;
        this.registry = registry;
        this.reports = reports;
        this.periods = periods;
        this.completeness = completeness;
    }

    /** The year's figures, then who reported for each period ending in it, in the order the periods end. */
    byte[] aggregateWorkbook(String unitId, Integer year, String structure, CurrentUser user) {
        AggregateTable table = table(unitId, year, structure, user);
        List<PeriodReports> reportsByPeriod = periods.endingIn(table.year()).stream()
                .sorted(Comparator.comparing(Period::to).thenComparing(Period::id))
                .map(period -> new PeriodReports(period, completeness.of(unitId, period.id(), structure, user)))
                .toList();
        return AggregateWorkbook.write(table, reportsByPeriod);
    }

    String aggregateCsv(String unitId, Integer year, String structure, CurrentUser user) {
        return AggregateCsv.write(table(unitId, year, structure, user));
    }

    byte[] consolidatedWorkbook(String unitId, String periodId, CurrentUser user) {
        return ConsolidatedWorkbook.write(reports.consolidated(unitId, periodId, user));
    }

    /** The consolidated report as a signed-paper PDF, with the unit's own assessment when it has written one. */
    byte[] consolidatedPdf(String unitId, String periodId, CurrentUser user) {
        ConsolidatedReport report = reports.consolidated(unitId, periodId, user);
        OrgUnit unit = registry.find(unitId).orElseThrow(() -> new NotFoundException("No org unit has the id " + unitId));
        Narrative narrative;
        try {
            narrative = reports.get(periodId + "~" + unitId, user).narrative();
        } catch (NotFoundException noReportYet) {
            narrative = null;
        }
        String parentName = unit.parentId() == null ? null
                : registry.find(unit.parentId()).map(OrgUnit::name).orElse(null);
        return ConsolidatedPdf.write(report, new ConsolidatedPdf.Issuer(committee(unit, parentName), unit.name()),
                narrative, LocalDate.now(VIETNAM));
    }

    /** How a party report heads its issuer: the committee above it (below the provinces) and its own. */
    private static List<String> committee(OrgUnit unit, String parentName) {
        Locale vietnamese = Locale.forLanguageTag("vi");
        return switch (unit.level()) {
            case CENTRAL -> List.of("BAN CHẤP HÀNH TRUNG ƯƠNG");
            case PROVINCE -> List.of("ĐẢNG BỘ " + unit.name().toUpperCase(vietnamese));
            default -> parentName == null ? List.of("ĐẢNG UỶ " + unit.name().toUpperCase(vietnamese))
                    : List.of("ĐẢNG BỘ " + parentName.toUpperCase(vietnamese),
                            "ĐẢNG UỶ " + unit.name().toUpperCase(vietnamese));
        };
    }

    private AggregateTable table(String unitId, Integer year, String structure, CurrentUser user) {
        AggregateView unitFigures = aggregates.of(unitId, year, structure, user);
        List<AggregateView> children = new ArrayList<>();
        for (int page = 0; ; page++) {
            Page<AggregateView> childPage = aggregates.children(unitId, year, structure, page, Page.MAX_SIZE, user);
            children.addAll(childPage.items());
            if ((long) (page + 1) * Page.MAX_SIZE >= childPage.total()) {
                break;
            }
        }
        List<String> ids = new ArrayList<>();
        ids.add(unitId);
        children.forEach(child -> ids.add(child.unitId()));
        Map<String, OrgUnit> units = registry.findAll(ids).stream()
                .collect(Collectors.toMap(OrgUnit::id, Function.identity()));
        OrgUnit unit = units.get(unitId);
        return new AggregateTable(unitId, unit.name(), unitFigures.year(), structure == null ? "as recorded" : structure,
                row(unit, unitFigures), children.stream().map(child -> row(units.get(child.unitId()), child)).toList());
    }

    private static AggregateTable.Row row(OrgUnit unit, AggregateView figures) {
        return new AggregateTable.Row(unit.id(), unit.name(), Labels.level(unit.level()), figures);
    }
}
