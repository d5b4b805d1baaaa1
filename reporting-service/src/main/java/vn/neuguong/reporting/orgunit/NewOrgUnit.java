package vn.neuguong.reporting.orgunit;

import java.time.LocalDate;

import vn.neuguong.contracts.orgunit.OrgUnitLevel;

/** Body of {@code POST /api/org-units}: a unit an operator adds under an existing one (a cell, an agency). */
public record NewOrgUnit(String id, String code, String name, String nameEn, OrgUnitLevel level, String parentId,
        Long memberCount, LocalDate validFrom) {
}
