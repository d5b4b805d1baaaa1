package vn.neuguong.reporting.orgunit;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import vn.neuguong.contracts.orgunit.OrgUnit;
import vn.neuguong.contracts.orgunit.OrgUnitLevel;

/**
 * A unit of the registry (collection {@value #COLLECTION}). Besides these fields the document carries the
 * platform's {@code outbox} and {@code outboxPendingSince}, written together with every change of the unit.
 *
 * @param validFrom            ISO date ({@code 2025-07-01}), so ranges compare as strings whatever the time zone
 * @param searchKey            the name as {@link SearchKey} compares it
 * @param referenceFingerprint what the reference data said when it last changed the unit; null for units the
 *                             operators added
 * @param memberCountSynthetic whether {@code memberCount} is a DEMO value ({@link SyntheticMemberCounts}) rather
 *                             than one an operator set or imported
 */
@Document(OrgUnitDocument.COLLECTION)
public record OrgUnitDocument(
        @Id String id,
        String code,
        String name,
        String nameEn,
        OrgUnitLevel level,
        String parentId,
        List<String> path,
        long memberCount,
        String validFrom,
        String validTo,
        String successorId,
        String searchKey,
        long version,
        String referenceFingerprint,
        boolean memberCountSynthetic) {

    public static final String COLLECTION = "org_units";

    static OrgUnitDocument of(OrgUnit unit, long version, String referenceFingerprint) {
        return of(unit, version, referenceFingerprint, false);
    }

    static OrgUnitDocument of(OrgUnit unit, long version, String referenceFingerprint, boolean memberCountSynthetic) {
        return new OrgUnitDocument(unit.id(), unit.code(), unit.name(), unit.nameEn(), unit.level(), unit.parentId(),
                unit.path(), unit.memberCount(), isoDate(unit.validFrom()), isoDate(unit.validTo()),
                unit.successorId(), SearchKey.of(unit.name()), version, referenceFingerprint, memberCountSynthetic);
    }

    public OrgUnit toOrgUnit() {
        return new OrgUnit(id, code, name, nameEn, level, parentId, path, memberCount, date(validFrom), date(validTo),
                successorId);
    }

    static String isoDate(LocalDate date) {
        return date == null ? null : date.toString();
    }

    private static LocalDate date(String iso) {
        return iso == null ? null : LocalDate.parse(iso);
    }
}
