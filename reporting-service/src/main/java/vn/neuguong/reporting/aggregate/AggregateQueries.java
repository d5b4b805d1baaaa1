package vn.neuguong.reporting.aggregate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.stereotype.Service;

import vn.neuguong.aggregation.UnitYearAggregate;
import vn.neuguong.contracts.orgunit.OrgUnit;
import vn.neuguong.platform.security.CurrentUser;
import vn.neuguong.platform.web.FieldProblem;
import vn.neuguong.platform.web.ForbiddenException;
import vn.neuguong.platform.web.InvalidInputException;
import vn.neuguong.reporting.Page;
import vn.neuguong.reporting.orgunit.OrgUnitRegistry;
import vn.neuguong.reporting.period.ExpectedReports;

/**
 * Answers aggregate reads from the figures in MongoDB and the registry.
 *
 * <p>{@code expected} is the member count of a unit that existed on 1 January of the year, the start of the
 * pledge season. Counting every unit valid at some point of the year would count 2025's members twice: the 63
 * legacy provinces (until 30 June) and the 34 new ones (from 1 July) cover the same people.
 *
 * <p>In the current structure a unit's figures include those of every unit whose successor chain leads to it,
 * e.g. p-19 Thái Nguyên with lp-06 Bắc Kạn and lp-19 Thái Nguyên. A unit already inside another folded unit's
 * subtree is not added again: its figures are part of its ancestor's.
 *
 * <p>{@code reports.expected} is the number of reports the units of the subtree must submit for the periods
 * ending in the year ({@link ExpectedReports}); like {@code pledges.expected} it comes from the registry, not from
 * events.
 */
@Service
public class AggregateQueries {

    private static final int FIRST_YEAR = 2000;
    private static final int LAST_YEAR = 2100;

    private final OrgUnitRegistry registry;
    private final AggregateStore store;
    private final ExpectedReports expectedReports;

    AggregateQueries(OrgUnitRegistry registry, AggregateStore store, ExpectedReports expectedReports) {
        this.registry = registry;
        this.store = store;
        this.expectedReports = expectedReports;
    }

    public AggregateView of(String unitId, Integer year, String structure, CurrentUser user) {
        int checkedYear = checkYear(year);
        boolean current = isCurrentStructure(structure);
        OrgUnit unit = registry.get(unitId);
        authorize(unit, user);
        return figuresOf(unit, checkedYear, current);
    }

    /** The figures of a unit for a year, for the service's own use (no access check). */
    public AggregateView figuresOf(OrgUnit unit, int year, boolean currentStructure) {
        List<OrgUnit> members = currentStructure ? folded(unit, registry.predecessors(unit.id())) : List.of(unit);
        return figures(Map.of(unit.id(), members), year).get(unit.id());
    }

    public Page<AggregateView> children(String unitId, Integer year, String structure, int page, int size,
            CurrentUser user) {
        int checkedYear = checkYear(year);
        boolean current = isCurrentStructure(structure);
        Page.checkRequest(page, size);
        OrgUnit unit = registry.get(unitId);
        authorize(unit, user);
        LocalDate today = registry.today();
        List<OrgUnit> children = registry.children(unit.id()).stream()
                .filter(child -> current ? child.validOn(today) : child.validIn(checkedYear))
                .toList();
        List<OrgUnit> pageOfChildren = children.stream().skip((long) page * size).limit(size).toList();
        Map<String, List<OrgUnit>> predecessors = current
                ? registry.predecessorsOfEach(pageOfChildren.stream().map(OrgUnit::id).toList()) : Map.of();
        Map<String, List<OrgUnit>> membersByChild = new LinkedHashMap<>();
        for (OrgUnit child : pageOfChildren) {
            membersByChild.put(child.id(), current ? folded(child, predecessors.get(child.id())) : List.of(child));
        }
        Map<String, AggregateView> figures = figures(membersByChild, checkedYear);
        return new Page<>(pageOfChildren.stream().map(child -> figures.get(child.id())).toList(), page, size,
                children.size());
    }

    /** The figures of each unit in {@code membersByUnit}, each the sum over its member units. */
    private Map<String, AggregateView> figures(Map<String, List<OrgUnit>> membersByUnit, int year) {
        Set<String> allIds = new HashSet<>();
        membersByUnit.values().forEach(members -> members.forEach(member -> allIds.add(member.id())));
        Map<String, UnitYearAggregate> aggregates = store.find(allIds, year);
        Map<String, Long> reportsInSubtrees = expectedReports.inSubtrees(year);
        Set<String> synthetic = registry.withSyntheticMemberCount(allIds);
        LocalDate seasonStart = LocalDate.of(year, 1, 1);
        Map<String, AggregateView> views = new LinkedHashMap<>();
        membersByUnit.forEach((unitId, members) -> {
            Map<String, Long> counters = new TreeMap<>();
            Instant asOf = null;
            long expected = 0;
            boolean expectedSynthetic = false;
            long reports = 0;
            for (OrgUnit member : members) {
                reports += reportsInSubtrees.getOrDefault(member.id(), 0L);
                UnitYearAggregate aggregate = aggregates.get(member.id());
                if (aggregate != null) {
                    aggregate.counters().forEach((name, value) -> counters.merge(name, value, Long::sum));
                    asOf = asOf == null || aggregate.asOf().isAfter(asOf) ? aggregate.asOf() : asOf;
                }
                if (member.validOn(seasonStart)) {
                    expected += member.memberCount();
                    expectedSynthetic |= synthetic.contains(member.id());
                }
            }
            views.put(unitId, AggregateView.of(unitId, year, asOf, counters, expected, expectedSynthetic,
                    reports));
        });
        return views;
    }

    /** The unit and its predecessors, without those inside another one's subtree (already counted there). */
    static List<OrgUnit> folded(OrgUnit unit, Collection<OrgUnit> predecessors) {
        List<OrgUnit> all = new ArrayList<>();
        all.add(unit);
        all.addAll(predecessors);
        Set<String> ids = new HashSet<>();
        all.forEach(member -> ids.add(member.id()));
        return all.stream().filter(member -> member.path().stream()
                .noneMatch(ancestor -> !ancestor.equals(member.id()) && ids.contains(ancestor))).toList();
    }

    private static void authorize(OrgUnit unit, CurrentUser user) {
        if (!user.readsEverything() && !user.covers(unit.path())) {
            throw new ForbiddenException("The unit " + unit.id() + " is outside your unit's subtree");
        }
    }

    private static int checkYear(Integer year) {
        if (year == null) {
            throw new InvalidInputException(List.of(new FieldProblem("year", "is required")));
        }
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new InvalidInputException(List.of(new FieldProblem("year",
                    "must be between " + FIRST_YEAR + " and " + LAST_YEAR)));
        }
        return year;
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
