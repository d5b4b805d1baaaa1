package vn.neuguong.reporting.orgunit;

import java.time.LocalDate;
import java.util.List;

import vn.neuguong.contracts.orgunit.OrgUnitLevel;

/**
 * A unit as the reference data describes it.
 *
 * @param kind the data's own kind of unit ("City", "Ward", "Commune", …); it only shapes the demo member counts
 */
public record ReferenceUnit(String id, String code, String name, String nameEn, OrgUnitLevel level, String parentId,
        List<String> path, LocalDate validFrom, LocalDate validTo, String successorId, String kind) {

    /** Everything the reference data decides about a unit; a change in it is a change of the unit. */
    String fingerprint() {
        return String.join("\u001f", String.valueOf(code), name, String.valueOf(nameEn), level.name(),
                String.valueOf(parentId), String.join("/", path), String.valueOf(validFrom), String.valueOf(validTo),
                String.valueOf(successorId));
    }
}
