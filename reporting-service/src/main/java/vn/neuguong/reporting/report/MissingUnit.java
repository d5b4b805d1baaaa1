package vn.neuguong.reporting.report;

import java.time.LocalDate;

import vn.neuguong.contracts.orgunit.OrgUnitLevel;

/**
 * A unit that must report for a period and has no standing submission, with the due date it had and the unit it
 * reports to (whose officers chase it).
 */
public record MissingUnit(String unitId, String name, OrgUnitLevel level, LocalDate dueDate, String parentId,
        String parentName) {
}
