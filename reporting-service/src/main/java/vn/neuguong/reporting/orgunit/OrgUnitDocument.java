package vn.neuguong.reporting.orgunit;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import vn.neuguong.contracts.orgunit.OrgUnit;
import vn.neuguong.contracts.orgunit.OrgUnitLevel;
import vn.neuguong.platform.web.IdempotencyKey;

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
 * @param creationKey          the caller-scoped Idempotency-Key of the request that added the unit (uniquely
 *                             indexed), or null
 * @param creationRequestHash  that request's hash
 * @param appliedKeys          the Idempotency-Keys of the last changes an operator made, stored with each change
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
        boolean memberCountSynthetic,
        String creationKey,
        String creationRequestHash,
        List<IdempotencyKey> appliedKeys) {

    public static final String COLLECTION = "org_units";

    static OrgUnitDocument of(OrgUnit unit, long version, String referenceFingerprint) {
        return of(unit, version, referenceFingerprint, false);
    }

    static OrgUnitDocument of(OrgUnit unit, long version, String referenceFingerprint, boolean memberCountSynthetic) {
        return new OrgUnitDocument(unit.id(), unit.code(), unit.name(), unit.nameEn(), unit.level(), unit.parentId(),
                unit.path(), unit.memberCount(), isoDate(unit.validFrom()), isoDate(unit.validTo()),
                unit.successorId(), SearchKey.of(unit.name()), version, referenceFingerprint, memberCountSynthetic,
                null, null, null);
    }

    /** A unit an operator adds (version 1), remembering the request's key if it had one. */
    static OrgUnitDocument added(OrgUnit unit, IdempotencyKey key) {
        OrgUnitDocument document = of(unit, 1, null);
        return key == null ? document : new OrgUnitDocument(document.id, document.code, document.name,
                document.nameEn, document.level, document.parentId, document.path, document.memberCount,
                document.validFrom, document.validTo, document.successorId, document.searchKey, document.version,
                null, false, key.key(), key.requestHash(), null);
    }

    IdempotencyKey creation() {
        return creationKey == null ? null : new IdempotencyKey(creationKey, creationRequestHash);
    }

    /** The next version of this unit: {@code changed}, with what it remembers of its creation and of its changes. */
    OrgUnitDocument changedTo(OrgUnit changed, String referenceFingerprint, boolean memberCountSynthetic,
            IdempotencyKey key) {
        OrgUnitDocument next = of(changed, version + 1, referenceFingerprint, memberCountSynthetic);
        return new OrgUnitDocument(next.id, next.code, next.name, next.nameEn, next.level, next.parentId, next.path,
                next.memberCount, next.validFrom, next.validTo, next.successorId, next.searchKey, next.version,
                next.referenceFingerprint, next.memberCountSynthetic, creationKey, creationRequestHash,
                IdempotencyKey.remember(appliedKeys, key));
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
