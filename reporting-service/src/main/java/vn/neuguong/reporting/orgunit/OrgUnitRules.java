package vn.neuguong.reporting.orgunit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import vn.neuguong.contracts.orgunit.OrgUnit;
import vn.neuguong.contracts.orgunit.OrgUnitLevel;
import vn.neuguong.platform.web.FieldProblem;

/** What makes an operator's change of the registry acceptable. Each check lists every problem it finds. */
final class OrgUnitRules {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Pattern REFERENCE_ID = Pattern.compile("vn|(p|w|lp)-.*");
    static final int MAX_NAME_LENGTH = 200;

    /**
     * @param parent the unit named by {@code parentId}, or null when there is none
     */
    static List<FieldProblem> checkNewUnit(NewOrgUnit unit, OrgUnit parent, LocalDate validFrom) {
        List<FieldProblem> problems = new ArrayList<>();
        if (unit.id() != null && !ID.matcher(unit.id()).matches()) {
            problems.add(new FieldProblem("id", "must be 1-64 lower-case letters, digits, '.', '_' or '-'"));
        } else if (unit.id() != null && REFERENCE_ID.matcher(unit.id()).matches()) {
            problems.add(new FieldProblem("id", "the id vn and the prefixes p-, w- and lp- belong to the reference data"));
        }
        if (unit.name() == null || unit.name().isBlank()) {
            problems.add(new FieldProblem("name", "must not be blank"));
        } else if (unit.name().length() > MAX_NAME_LENGTH) {
            problems.add(new FieldProblem("name", "must be at most " + MAX_NAME_LENGTH + " characters"));
        }
        if (unit.nameEn() != null && unit.nameEn().length() > MAX_NAME_LENGTH) {
            problems.add(new FieldProblem("nameEn", "must be at most " + MAX_NAME_LENGTH + " characters"));
        }
        if (unit.code() != null && (unit.code().isBlank() || unit.code().length() > 32)) {
            problems.add(new FieldProblem("code", "must be 1-32 characters"));
        }
        if (unit.memberCount() != null && unit.memberCount() < 0) {
            problems.add(new FieldProblem("memberCount", "must not be negative"));
        }
        if (unit.parentId() == null || unit.parentId().isBlank()) {
            problems.add(new FieldProblem("parentId", "must not be blank"));
        } else if (parent == null) {
            problems.add(new FieldProblem("parentId", "no unit has this id"));
        } else if (!parent.validOn(validFrom)) {
            problems.add(new FieldProblem("parentId", "the unit is not valid on " + validFrom));
        }
        if (unit.level() == null) {
            problems.add(new FieldProblem("level", "must not be null"));
        } else if (unit.level() == OrgUnitLevel.CENTRAL) {
            problems.add(new FieldProblem("level", "there is only one central unit"));
        } else if (parent != null && unit.level().ordinal() <= parent.level().ordinal()) {
            problems.add(new FieldProblem("level", "must be below the parent's level " + parent.level()));
        }
        return problems;
    }

    /**
     * @param successor      the unit named by {@code successorId}, or null when there is none
     * @param successorChain the successor's own successors, in order (to refuse a merger that closes a cycle)
     */
    static List<FieldProblem> checkMerger(OrgUnit unit, Merger merger, OrgUnit successor, List<OrgUnit> successorChain) {
        List<FieldProblem> problems = new ArrayList<>();
        if (merger.validTo() == null) {
            problems.add(new FieldProblem("validTo", "must not be null"));
        } else if (unit.validFrom() != null && merger.validTo().isBefore(unit.validFrom())) {
            problems.add(new FieldProblem("validTo", "must not be before the unit's validFrom " + unit.validFrom()));
        }
        if (merger.successorId() == null || merger.successorId().isBlank()) {
            problems.add(new FieldProblem("successorId", "must not be blank"));
        } else if (merger.successorId().equals(unit.id())) {
            problems.add(new FieldProblem("successorId", "a unit cannot be merged into itself"));
        } else if (successor == null) {
            problems.add(new FieldProblem("successorId", "no unit has this id"));
        } else if (successor.path().contains(unit.id())) {
            problems.add(new FieldProblem("successorId", "a unit cannot be merged into a unit below it"));
        } else if (successorChain.stream().anyMatch(next -> next.id().equals(unit.id()))) {
            problems.add(new FieldProblem("successorId", "the successor was itself merged into this unit"));
        } else if (merger.validTo() != null && !successor.validOn(merger.validTo().plusDays(1))) {
            problems.add(new FieldProblem("successorId", "the unit is not valid on " + merger.validTo().plusDays(1)
                    + ", the day after validTo"));
        }
        return problems;
    }

    static List<FieldProblem> checkMemberCount(MemberCount memberCount) {
        if (memberCount.memberCount() == null) {
            return List.of(new FieldProblem("memberCount", "must not be null"));
        }
        return memberCount.memberCount() < 0 ? List.of(new FieldProblem("memberCount", "must not be negative"))
                : List.of();
    }

    private OrgUnitRules() {
    }
}
