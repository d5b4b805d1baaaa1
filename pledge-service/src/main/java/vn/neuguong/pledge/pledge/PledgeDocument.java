package vn.neuguong.pledge.pledge;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import vn.neuguong.contracts.pledge.PledgeStatus;
import vn.neuguong.platform.web.IdempotencyKey;
import vn.neuguong.pledge.specificity.Specificity;

/**
 * How {@link PledgeRepository} stores a pledge: its state and its bookkeeping in one flat document, so that a state
 * change and its event are one single-document write. {@code pledgerKey} (unique per year: one pledge per pledger)
 * and {@code creationKey} (unique) are what the unique indexes hold. Its pending events live in the {@code outbox}
 * array, which this record does not map: only the relay reads it.
 */
@Document(PledgeDocument.COLLECTION)
record PledgeDocument(
        @Id String id,
        int year,
        String unitId,
        List<String> unitPath,
        Pledge.Pledger pledger,
        String pledgerKey,
        String themeId,
        List<Pledge.Commitment> commitments,
        Specificity specificity,
        PledgeStatus status,
        long version,
        boolean onTime,
        LocalDate signedOn,
        Instant registeredAt,
        String registeredBy,
        Instant updatedAt,
        String updatedBy,
        Pledge.SelfAssessment selfAssessment,
        Pledge.Evaluation evaluation,
        Pledge.Withdrawal withdrawal,
        String creationKey,
        String creationRequestHash,
        String importJobId,
        List<IdempotencyKey> appliedKeys) {

    static final String COLLECTION = "pledges";

    static PledgeDocument of(StoredPledge stored) {
        Pledge p = stored.pledge();
        IdempotencyKey creation = stored.creation();
        return new PledgeDocument(p.id(), p.year(), p.unitId(), p.unitPath(), p.pledger(), stored.pledgerKey(),
                p.themeId(), p.commitments(), p.specificity(), p.status(), p.version(),
                p.onTime(), p.signedOn(), p.registeredAt(), p.registeredBy(), p.updatedAt(), p.updatedBy(),
                p.selfAssessment(), p.evaluation(), p.withdrawal(), creation == null ? null : creation.key(),
                creation == null ? null : creation.requestHash(), stored.importJobId(), stored.appliedKeys());
    }

    StoredPledge stored() {
        return new StoredPledge(pledge(), creationKey == null ? null : new IdempotencyKey(creationKey,
                creationRequestHash), importJobId, appliedKeys == null ? List.of() : appliedKeys);
    }

    /** A pledge stored before signing days were kept was signed the day it was registered. */
    Pledge pledge() {
        return new Pledge(id, year, unitId, unitPath, pledger, themeId, commitments, specificity, status, version,
                onTime, signedOn == null ? SigningDay.of(registeredAt) : signedOn,
                registeredAt, registeredBy, updatedAt, updatedBy, selfAssessment, evaluation, withdrawal);
    }
}
