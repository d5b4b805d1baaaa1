package vn.neuguong.pledge.pledge;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import vn.neuguong.contracts.pledge.Grade;
import vn.neuguong.contracts.pledge.PledgeSnapshot;
import vn.neuguong.contracts.pledge.PledgeStatus;
import vn.neuguong.contracts.pledge.PledgerKind;
import vn.neuguong.platform.text.InputText;
import vn.neuguong.pledge.specificity.Specificity;
import vn.neuguong.pledge.specificity.VietnameseText;

/**
 * A pledge: who pledges what for which unit and year, and where it is in its lifecycle. What makes its writes
 * idempotent and its near-copies findable is the store's bookkeeping ({@link StoredPledge}), not part of it.
 */
public record Pledge(
        String id,
        int year,
        String unitId,
        List<String> unitPath,
        Pledger pledger,
        String themeId,
        List<Commitment> commitments,
        Specificity specificity,
        PledgeStatus status,
        long version,
        boolean onTime,
        LocalDate signedOn,
        Instant registeredAt,
        String registeredBy,
        Instant updatedAt,
        String updatedBy,
        SelfAssessment selfAssessment,
        Evaluation evaluation,
        Withdrawal withdrawal) {

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

    /** Who changes a pledge and when. */
    public record Change(Instant at, String by) {
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

    /** This pledge's pledger, as {@link #pledgerKey(String, PledgerKind, String, String)} keys it. */
    public String pledgerKey() {
        return pledgerKey(unitId, pledger.kind(), pledger.memberId(), pledger.name());
    }

    /** A new pledge: name what it is, then {@link Builder#registered} it (version 1). */
    public static Builder builder() {
        return new Builder();
    }

    public Pledge revised(Pledger newPledger, String newThemeId, List<Commitment> newCommitments,
                          Specificity newSpecificity, Change change) {
        return new Builder(this).pledger(newPledger).themeId(newThemeId).commitments(newCommitments)
                .specificity(newSpecificity).next(PledgeStatus.REGISTERED, change);
    }

    public Pledge selfAssessed(SelfAssessment assessment, Change change) {
        return new Builder(this).selfAssessment(assessment).next(PledgeStatus.SELF_ASSESSED, change);
    }

    public Pledge evaluated(Evaluation newEvaluation, Change change) {
        return new Builder(this).evaluation(newEvaluation).next(PledgeStatus.EVALUATED, change);
    }

    public Pledge withdrawn(Withdrawal newWithdrawal, Change change) {
        return new Builder(this).withdrawal(newWithdrawal).next(PledgeStatus.WITHDRAWN, change);
    }

    public PledgeSnapshot snapshot() {
        return new PledgeSnapshot(status, pledger.kind(), onTime, specificity.generic(), specificity.score(),
                evaluation == null ? null : evaluation.grade());
    }

    public boolean individualOf(String memberId) {
        return pledger.kind() == PledgerKind.INDIVIDUAL && pledger.memberId() != null
                && pledger.memberId().equals(memberId);
    }

    /**
     * Names what a registration sets, or what a transition changes; {@link #registered} and {@link #next} add the
     * status, the version and who changed it when.
     */
    public static final class Builder {

        private String id;
        private int year;
        private String unitId;
        private List<String> unitPath;
        private Pledger pledger;
        private String themeId;
        private List<Commitment> commitments;
        private Specificity specificity;
        private long version;
        private boolean onTime;
        private LocalDate signedOn;
        private Instant registeredAt;
        private String registeredBy;
        private SelfAssessment selfAssessment;
        private Evaluation evaluation;
        private Withdrawal withdrawal;

        private Builder() {
        }

        private Builder(Pledge pledge) {
            id = pledge.id;
            year = pledge.year;
            unitId = pledge.unitId;
            unitPath = pledge.unitPath;
            pledger = pledge.pledger;
            themeId = pledge.themeId;
            commitments = pledge.commitments;
            specificity = pledge.specificity;
            version = pledge.version;
            onTime = pledge.onTime;
            signedOn = pledge.signedOn;
            registeredAt = pledge.registeredAt;
            registeredBy = pledge.registeredBy;
            selfAssessment = pledge.selfAssessment;
            evaluation = pledge.evaluation;
            withdrawal = pledge.withdrawal;
        }

        public Builder id(String id) {
            this.id = id;
            return this;
        }

        public Builder year(int year) {
            this.year = year;
            return this;
        }

        /** The unit pledged for, with its path from {@code vn} down to it. */
        public Builder unit(String unitId, List<String> unitPath) {
            this.unitId = unitId;
            this.unitPath = List.copyOf(unitPath);
            return this;
        }

        public Builder pledger(Pledger pledger) {
            this.pledger = pledger;
            return this;
        }

        /** The study theme the pledge follows, or null. */
        public Builder themeId(String themeId) {
            this.themeId = themeId;
            return this;
        }

        public Builder commitments(List<Commitment> commitments) {
            this.commitments = commitments;
            return this;
        }

        public Builder specificity(Specificity specificity) {
            this.specificity = specificity;
            return this;
        }

        /**
         * The day the pledge was signed, and whether that was by the year's registration deadline. The day is the one
         * an import or a province's register command declares (signed on paper or in the province's own system
         * before it reached us), otherwise the Vietnamese day of its registration.
         */
        public Builder signed(LocalDate signedOn, boolean onTime) {
            this.signedOn = signedOn;
            this.onTime = onTime;
            return this;
        }

        private Builder selfAssessment(SelfAssessment selfAssessment) {
            this.selfAssessment = selfAssessment;
            return this;
        }

        private Builder evaluation(Evaluation evaluation) {
            this.evaluation = evaluation;
            return this;
        }

        private Builder withdrawal(Withdrawal withdrawal) {
            this.withdrawal = withdrawal;
            return this;
        }

        public Pledge registered(Change registration) {
            registeredAt = registration.at();
            registeredBy = registration.by();
            return next(PledgeStatus.REGISTERED, registration);
        }

        private Pledge next(PledgeStatus status, Change change) {
            return new Pledge(id, year, unitId, unitPath, pledger, themeId, commitments, specificity, status,
                    version + 1, onTime, signedOn, registeredAt, registeredBy, change.at(), change.by(),
                    selfAssessment, evaluation, withdrawal);
        }
    }
}
