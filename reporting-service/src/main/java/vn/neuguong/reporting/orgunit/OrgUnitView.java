package vn.neuguong.reporting.orgunit;

import java.time.LocalDate;
import java.util.List;

import vn.neuguong.contracts.orgunit.OrgUnitLevel;

/**
 * A unit as the API shows it. {@code memberCount} is the number of party members of the whole organisation the
 * unit heads, 0 until an operator sets or imports it; {@code memberCountSynthetic} says it is a DEMO value (the
 * {@code local} profile seeds them).
 */
public record OrgUnitView(String id, String code, String name, String nameEn, OrgUnitLevel level, String parentId,
        List<String> path, long memberCount, boolean memberCountSynthetic, LocalDate validFrom, LocalDate validTo,
        String successorId, long version) {

    static OrgUnitView of(OrgUnitDocument document) {
        var unit = document.toOrgUnit();
        return new OrgUnitView(unit.id(), unit.code(), unit.name(), unit.nameEn(), unit.level(), unit.parentId(),
                unit.path(), unit.memberCount(), document.memberCountSynthetic(), unit.validFrom(), unit.validTo(), unit.successorId(),
                document.version());
    }
}
