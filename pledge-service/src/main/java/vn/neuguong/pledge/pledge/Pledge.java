package vn.neuguong.pledge.pledge;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import vn.neuguong.contracts.pledge.Grade;
import vn.neuguong.contracts.pledge.PledgeSnapshot;
import vn.neuguong.contracts.pledge.PledgeStatus;
import vn.neuguong.contracts.pledge.PledgerKind;
import vn.neuguong.platform.text.InputText;
import vn.neuguong.platform.web.IdempotencyKey;
import vn.neuguong.pledge.specificity.Specificity;
import vn.neuguong.pledge.specificity.VietnameseText;

/**
 * A stored pledge. Besides what the API shows it holds the fields that make single-document atomic writes
 * possible: {@code pledgerKey} (unique per year: one pledge per pledger), {@code creationKey} (unique: the
 * Idempotency-Key of the request that created it), {@code appliedKeys} (the last keys of transitions applied) and
 * {@code similarityKeys} (MinHash band keys of its commitments, to find near-copies). Its pending events live in the
 * {@code outbox} array, which this record does not map: only the relay reads it.
 */
@Document(Pledge.COLLECTION)
public record Pledge(
        @Id String id,
        int year,
        String unitId,
        List<String> unitPath,
        Pledger pledger,
        String pledgerKey,
        String themeId,
        List<Commitment> commitments,
        Specificity specificity,
        List<String> similarityKeys,
        PledgeStatus status,
        long version,
        boolean onTime,
        Instant registeredAt,
        String registeredBy,
        Instant updatedAt,
        String updatedBy,
        SelfAssessment selfAssessment,
        Evaluation evaluation,
        Withdrawal withdrawal,
        String creationKey,
        String creationRequestHash,
        String importJobId,
        List<IdempotencyKey> appliedKeys) {

    public static final String COLLECTION = "pledges";

    public record Pledger(PledgerKind kind, String memberId, String fullName, String position, String name) {

        /** The member's full name, or the collective's name. */
        public String displayName() {
            return kind == PledgerKind.INDIVIDUAL ? fullName : name;
        }
    }

    public record Commitment(CommitmentArea area, String action, String linkedDuty, String measure, String target,
            LocalDate dueDate) {
    }

    public record SelfAssessment(List<Outcome> outcomes, String summary, Instant assessedAt, String assessedBy) {
    }

    public record Outcome(int commitmentIndex, boolean done, String note) {
    }

    public record Evaluation(Grade grade, String comment, Instant evaluatedAt, String evaluatedBy) {
    }

    public record Withdrawal(String reason, Instant withdrawnAt, String withdrawnBy) {
    }

    /**
     * Who pledges, unique per year: a member by id; a collective by its unit and its name (tone marks and case
     * ignored, so "Chi bộ thôn Na Hoa" and "chi bo thon na hoa" are the same collective). Both normalised first: an
     * invisible character does not make another pledger.
     */
    public static String pledgerKey(String unitId, PledgerKind kind, String memberId, String collectiveName) {
        return kind == PledgerKind.INDIVIDUAL ? "I:" + InputText.normalize(memberId)
                : "C:" + unitId + ":" + VietnameseText.fold(InputText.normalize(collectiveName));
    }

    /** A withdrawn pledge no longer holds its pledger's place, so the pledger may register again. */
    public static String withdrawnPledgerKey(String id, String pledgerKey) {
        return "withdrawn:" + id + ":" + pledgerKey;
    }

    public Pledge revised(Pledger newPledger, String newThemeId, List<Commitment> newCommitments,
                          Specificity newSpecificity, List<String> newSimilarityKeys, Change change) {
        return new Pledge(id, year, unitId, unitPath, newPledger, pledgerKey, newThemeId, newCommitments,
                newSpecificity, newSimilarityKeys, PledgeStatus.REGISTERED, version + 1, onTime, registeredAt,
                registeredBy, change.at(), change.by(), selfAssessment, evaluation, withdrawal, creationKey,
                creationRequestHash, importJobId, change.appliedKeys(appliedKeys));
    }

    public Pledge selfAssessed(SelfAssessment assessment, Change change) {
        return new Pledge(id, year, unitId, unitPath, pledger, pledgerKey, themeId, commitments, specificity,
                similarityKeys, PledgeStatus.SELF_ASSESSED, version + 1, onTime, registeredAt, registeredBy,
                change.at(), change.by(), assessment, evaluation, withdrawal, creationKey, creationRequestHash,
                importJobId, change.appliedKeys(appliedKeys));
    }

    public Pledge evaluated(Evaluation newEvaluation, Change change) {
        return new Pledge(id, year, unitId, unitPath, pledger, pledgerKey, themeId, commitments, specificity,
                similarityKeys, PledgeStatus.EVALUATED, version + 1, onTime, registeredAt, registeredBy,
                change.at(), change.by(), selfAssessment, newEvaluation, withdrawal, creationKey,
                creationRequestHash, importJobId, change.appliedKeys(appliedKeys));
    }

    public Pledge withdrawn(Withdrawal newWithdrawal, Change change) {
        return new Pledge(id, year, unitId, unitPath, pledger, withdrawnPledgerKey(id, pledgerKey), themeId,
                commitments, specificity, similarityKeys, PledgeStatus.WITHDRAWN, version + 1, onTime, registeredAt,
                registeredBy, change.at(), change.by(), selfAssessment, evaluation, newWithdrawal, creationKey,
                creationRequestHash, importJobId, change.appliedKeys(appliedKeys));
    }

    /** Who changes a pledge, when, and the Idempotency-Key of the request (null without one). */
    public record Change(Instant at, String by, IdempotencyKey idempotencyKey) {

        List<IdempotencyKey> appliedKeys(List<IdempotencyKey> previous) {
            return IdempotencyKey.remember(previous, idempotencyKey);
        }
    }

    public PledgeSnapshot snapshot() {
        return new PledgeSnapshot(status, pledger.kind(), onTime, specificity.generic(), specificity.score(),
                evaluation == null ? null : evaluation.grade());
    }

    public boolean individualOf(String memberId) {
        return pledger.kind() == PledgerKind.INDIVIDUAL && pledger.memberId() != null
                && pledger.memberId().equals(memberId);
    }
}
