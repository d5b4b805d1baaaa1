package vn.neuguong.recognition.nomination;

import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import vn.neuguong.contracts.recognition.Award;
import vn.neuguong.contracts.recognition.NominationSnapshot;
import vn.neuguong.contracts.recognition.NominationStatus;
import vn.neuguong.contracts.recognition.NomineeKind;
import vn.neuguong.platform.web.ConflictException;
import vn.neuguong.platform.web.IdempotencyKey;
import vn.neuguong.platform.web.InvalidInputException;
import vn.neuguong.recognition.council.CouncilRule;
import vn.neuguong.recognition.council.Tally;
import vn.neuguong.recognition.field.FieldOfWork;

/**
 * A stored nomination and its lifecycle: SUBMITTED → (votes) → AWARDED or REJECTED by the reviewing council; an
 * AWARDED nomination may be ESCALATED, which opens a new round at the parent unit's council (→ AWARDED or REJECTED
 * there). Every round is kept.
 *
 * <p>Fields for single-document atomic writes: {@code reviewKeys} holds, per review level, {@code year|nominee}; a
 * unique index on each level's key makes "one nomination of a nominee per year and review level" atomic, for
 * submissions and escalations alike. {@code creationKey} is the Idempotency-Key of the creating request,
 * {@code appliedRequests} those of the transitions applied. Pending events live in the {@code outbox} array, which
 * this record does not map: only the relay reads it.
 *
 * @param unitPath ids from {@code vn} down to the nominee's unit
 */
@Document(Nomination.COLLECTION)
public record Nomination(
        @Id String id,
        int year,
        Nominee nominee,
        String nomineeKey,
        List<String> unitPath,
        String nominatingUnitId,
        FieldOfWork field,
        String achievements,
        List<String> pledgeIds,
        NominationStatus status,
        List<ReviewRound> rounds,
        List<Replication> replications,
        Map<String, String> reviewKeys,
        long version,
        Instant submittedAt,
        String submittedBy,
        Instant updatedAt,
        String updatedBy,
        String creationKey,
        String creationRequestHash,
        List<IdempotencyKey> appliedRequests) {

    public static final String COLLECTION = "nominations";
    private static final Set<NominationStatus> IN_REVIEW = Set.of(NominationStatus.SUBMITTED,
            NominationStatus.ESCALATED);

    public Nomination {
        pledgeIds = pledgeIds == null ? List.of() : List.copyOf(pledgeIds);
        rounds = List.copyOf(rounds);
        replications = replications == null ? List.of() : List.copyOf(replications);
        reviewKeys = reviewKeys == null ? Map.of() : Map.copyOf(reviewKeys);
        appliedRequests = appliedRequests == null ? List.of() : List.copyOf(appliedRequests);
    }

    /** Who changes a nomination and when; {@code request} is null without an Idempotency-Key. */
    public record Change(Instant at, String by, IdempotencyKey request) {
    }

    public static Nomination submitted(String id, int year, Nominee nominee, List<String> unitPath,
            String nominatingUnitId, FieldOfWork field, String achievements, List<String> pledgeIds,
            ReviewRound firstRound, Change change) {
        String nomineeKey = nomineeKey(nominee);
        return new Nomination(id, year, nominee, nomineeKey, List.copyOf(unitPath), nominatingUnitId, field,
                achievements, pledgeIds, NominationStatus.SUBMITTED, List.of(firstRound), List.of(),
                Map.of(firstRound.level().name(), reviewKey(year, nomineeKey)), 1, change.at(), change.by(),
                change.at(), change.by(), change.request() == null ? null : change.request().key(),
                change.request() == null ? null : change.request().requestHash(), List.of());
    }

    /**
     * The nominee's identity: a member by id; anyone else by kind, unit and name with tone marks, case and spacing
     * ignored ("Mô hình Dân vận khéo" and "mo hinh dan van kheo" are the same nominee).
     */
    public static String nomineeKey(Nominee nominee) {
        if (nominee.memberId() != null) {
            return "M:" + nominee.memberId();
        }
        return nominee.kind().name().charAt(0) + ":" + nominee.unitId() + ":" + fold(nominee.name());
    }

    public static String reviewKey(int year, String nomineeKey) {
        return year + "|" + nomineeKey;
    }

    static String fold(String text) {
        String decomposed = Normalizer.normalize(text.strip(), Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "").replace('đ', 'd').replace('Đ', 'D');
        return decomposed.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    public ReviewRound currentRound() {
        return rounds.get(rounds.size() - 1);
    }

    public String reviewUnitId() {
        return currentRound().reviewUnitId();
    }

    public boolean inReview() {
        return IN_REVIEW.contains(status);
    }

    public boolean names(String memberId) {
        return memberId != null && memberId.equals(nominee.memberId());
    }

    /**
     * The award of the latest AWARDED decision in any round. It stands when the nomination is escalated, and also
     * when a higher council later rejects the escalation: that council declined a higher award, it did not revoke
     * the lower one.
     */
    public Award currentAward() {
        for (int i = rounds.size() - 1; i >= 0; i--) {
            Decision decision = rounds.get(i).decision();
            if (decision != null && decision.outcome() == DecisionOutcome.AWARDED) {
                return decision.award();
            }
        }
        return null;
    }

    public NominationSnapshot snapshot() {
        return new NominationSnapshot(status, nominee.kind(), field.name(), currentAward(), reviewUnitId(),
                rounds.size() - 1, replications.size());
    }

    public Nomination withVote(Vote vote, Change change) {
        requireInReview("vote on");
        if (currentRound().hasVoteOf(vote.voterId())) {
            throw new ConflictException("You already voted on this nomination in this round",
                    Map.of("status", status.name()));
        }
        return changed(status, replaceCurrent(currentRound().withVote(vote)), replications, reviewKeys, change);
    }

    /**
     * @throws InvalidInputException when the award is missing, superfluous or not one this council gives
     * @throws ConflictException     when the round is closed, the quorum is not met, or an award lacks the majority
     */
    public Nomination decided(DecisionOutcome outcome, Award award, String decisionNo, String deciderName,
            CouncilRule rule, Change change) {
        requireInReview("decide on");
        ReviewRound round = currentRound();
        if (outcome == DecisionOutcome.AWARDED && award == null) {
            throw new InvalidInputException("award", "is required when the outcome is AWARDED");
        }
        if (outcome == DecisionOutcome.REJECTED && award != null) {
            throw new InvalidInputException("award", "must be absent when the outcome is REJECTED");
        }
        if (award != null && !rule.allows(award)) {
            throw new InvalidInputException("award", "a " + round.level() + " council gives only " + rule.awards());
        }
        Tally tally = round.tally();
        if (!rule.quorumMet(tally)) {
            throw new ConflictException("The council has " + tally.votes() + " of the " + rule.quorum()
                    + " votes its quorum needs", Map.of("votes", tally.votes(), "quorum", rule.quorum()));
        }
        if (outcome == DecisionOutcome.AWARDED && !rule.approves(tally)) {
            throw new ConflictException(tally.approvals() + " of " + tally.votes()
                    + " votes approve; an award needs more than " + rule.majority() + " of the votes cast",
                    Map.of("votes", tally.votes(), "approvals", tally.approvals(), "majority", rule.majority()));
        }
        Decision decision = new Decision(outcome, award, decisionNo, change.by(), deciderName, change.at());
        NominationStatus next = outcome == DecisionOutcome.AWARDED ? NominationStatus.AWARDED
                : NominationStatus.REJECTED;
        return changed(next, replaceCurrent(round.decided(decision)), replications, reviewKeys, change);
    }

    /** Sends an awarded nomination to {@code next}'s council, keeping the round it was awarded in. */
    public Nomination escalated(ReviewRound next, Change change) {
        requireEscalatable();
        List<ReviewRound> all = new ArrayList<>(replaceCurrent(currentRound().escalated(
                new Escalation(next.reviewUnitId(), change.at(), change.by()))));
        all.add(next);
        Map<String, String> keys = new LinkedHashMap<>(reviewKeys);
        keys.put(next.level().name(), reviewKey(year, nomineeKey));
        return changed(NominationStatus.ESCALATED, all, replications, keys, change);
    }

    public Nomination replicatedIn(Replication replication, Change change) {
        if (nominee.kind() != NomineeKind.MODEL) {
            throw new ConflictException("Only a MODEL is replicated; this nominee is " + nominee.kind(),
                    Map.of("kind", nominee.kind().name()));
        }
        if (status != NominationStatus.AWARDED) {
            throw new ConflictException("Only an AWARDED model is replicated; this one is " + status,
                    Map.of("status", status.name()));
        }
        if (replication.adoptingUnitId().equals(nominee.unitId())) {
            throw new InvalidInputException("adoptingUnitId", "is the model's own unit");
        }
        if (replications.stream().anyMatch(r -> r.adoptingUnitId().equals(replication.adoptingUnitId()))) {
            throw new ConflictException("Unit " + replication.adoptingUnitId() + " already adopted this model",
                    Map.of("adoptingUnitId", replication.adoptingUnitId()));
        }
        List<Replication> all = new ArrayList<>(replications);
        all.add(replication);
        return changed(status, rounds, all, reviewKeys, change);
    }

    public void requireEscalatable() {
        if (status != NominationStatus.AWARDED) {
            throw new ConflictException("Only an AWARDED nomination is escalated; this one is " + status,
                    Map.of("status", status.name()));
        }
    }

    private void requireInReview(String verb) {
        if (!inReview()) {
            throw new ConflictException("Cannot " + verb + " a nomination that is " + status
                    + "; its council has decided", Map.of("status", status.name()));
        }
    }

    private List<ReviewRound> replaceCurrent(ReviewRound round) {
        List<ReviewRound> all = new ArrayList<>(rounds);
        all.set(all.size() - 1, round);
        return all;
    }

    private Nomination changed(NominationStatus newStatus, List<ReviewRound> newRounds,
            List<Replication> newReplications, Map<String, String> newReviewKeys, Change change) {
        List<IdempotencyKey> applied = IdempotencyKey.remember(appliedRequests, change.request());
        return new Nomination(id, year, nominee, nomineeKey, unitPath, nominatingUnitId, field, achievements,
                pledgeIds, newStatus, newRounds, newReplications, newReviewKeys, version + 1, submittedAt,
                submittedBy, change.at(), change.by(), creationKey, creationRequestHash, applied);
    }
}
