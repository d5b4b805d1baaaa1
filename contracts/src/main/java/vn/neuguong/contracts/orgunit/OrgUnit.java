package vn.neuguong.contracts.orgunit;

import java.time.LocalDate;
import java.util.List;

/**
 * An org unit as published on {@code neuguong.org-units}. {@code id} is the identity; {@code code} is an
 * official administrative code, which was reused with another meaning in 2025 and is never an identity.
 *
 * @param path       ids from {@code vn} down to this unit, inclusive
 * @param validTo    last day the unit existed, or null while it exists
 * @param successorId the unit this one was merged into, if any
 */
public record OrgUnit(
        String id,
        String code,
        String name,
        String nameEn,
        OrgUnitLevel level,
        String parentId,
        List<String> path,
        long memberCount,
        LocalDate validFrom,
        LocalDate validTo,
        String successorId) {

    public boolean validIn(int year) {
        return (validFrom == null || validFrom.getYear() <= year) && (validTo == null || validTo.getYear() >= year);
    }

    public boolean validOn(LocalDate day) {
        return (validFrom == null || !validFrom.isAfter(day)) && (validTo == null || !validTo.isBefore(day));
    }
}
