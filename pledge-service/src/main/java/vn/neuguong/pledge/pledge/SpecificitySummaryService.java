package vn.neuguong.pledge.pledge;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.neuguong.platform.security.CurrentUser;
import vn.neuguong.platform.web.InvalidInputException;
import vn.neuguong.pledge.specificity.FindingCode;

/**
 * Sums up the specificity of the pledges a caller may list (the same object-level rule as the pledge lists:
 * {@link PledgeAccess#visibleTo}), in a unit's subtree and a year.
 */
public class SpecificitySummaryService {

    /** The units shown: the ones with the most generic pledges, where coaching helps most. */
    public static final int UNITS_SHOWN = 20;

    private final SpecificitySummaryRepository counts;

    public SpecificitySummaryService(SpecificitySummaryRepository counts) {
        this.counts = counts;
    }

    public SpecificitySummary summarize(CurrentUser user, String unitId, Integer year) {
        if (year == null) {
            throw new InvalidInputException("year", "is required");
        }
        PledgeScope scope = PledgeAccess.visibleTo(user);

        Map<String, SpecificitySummaryRepository.UnitCounts> byUnit = new LinkedHashMap<>();
        for (SpecificitySummaryRepository.UnitCounts part : counts.countsByUnit(scope, unitId, year)) {
            byUnit.merge(part.unitId(), part, (a, b) -> new SpecificitySummaryRepository.UnitCounts(a.unitId(),
                    a.pledges() + b.pledges(), a.generic() + b.generic(), a.scoreTotal() + b.scoreTotal()));
        }
        long total = byUnit.values().stream().mapToLong(SpecificitySummaryRepository.UnitCounts::pledges).sum();
        long generic = byUnit.values().stream().mapToLong(SpecificitySummaryRepository.UnitCounts::generic).sum();
        double scoreTotal = byUnit.values().stream()
                .mapToDouble(SpecificitySummaryRepository.UnitCounts::scoreTotal).sum();

        List<SpecificitySummary.UnitShare> units = byUnit.values().stream()
                .map(unit -> new SpecificitySummary.UnitShare(unit.unitId(), unit.pledges(), unit.generic(),
                        share(unit.generic(), unit.pledges())))
                .sorted(Comparator.comparingLong(SpecificitySummary.UnitShare::generic).reversed()
                        .thenComparing(Comparator.comparingDouble(SpecificitySummary.UnitShare::genericShare).reversed())
                        .thenComparing(SpecificitySummary.UnitShare::unitId))
                .limit(UNITS_SHOWN).toList();
        List<SpecificitySummary.FindingCount> findings = counts.countsByFinding(scope, unitId, year).stream()
                .map(SpecificitySummaryService::findingCount)
                .sorted(Comparator.comparingLong(SpecificitySummary.FindingCount::pledges).reversed()
                        .thenComparing(Comparator.comparingLong(SpecificitySummary.FindingCount::findings).reversed())
                        .thenComparing(count -> count.code().name()))
                .toList();
        return new SpecificitySummary(unitId, year, total, generic, share(generic, total),
                total == 0 ? 0 : round(scoreTotal / total), findings, units);
    }

    private static SpecificitySummary.FindingCount findingCount(SpecificitySummaryRepository.CodeCounts counts) {
        FindingCode code = FindingCode.valueOf(counts.code());
        return new SpecificitySummary.FindingCount(code, counts.findings(), counts.pledges(), code.messageVi(),
                code.messageEn(), code.suggestionVi(), code.suggestionEn());
    }

    private static double share(long part, long whole) {
        return whole == 0 ? 0 : round((double) part / whole);
    }

    private static double round(double value) {
        return BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_UP).doubleValue();
    }
}
