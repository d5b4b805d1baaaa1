package vn.neuguong.recognition.nomination;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import vn.neuguong.contracts.orgunit.OrgUnitLevel;
import vn.neuguong.recognition.council.Tally;

/**
 * One council's review of a nomination: the first round at the nominating unit's council, one more per
 * escalation. A round is open until decided; a decided round stays as history.
 */
public record ReviewRound(String reviewUnitId, List<String> reviewUnitPath, OrgUnitLevel level, Instant openedAt,
        List<Vote> votes, Decision decision, Escalation escalation) {

    public ReviewRound {
        votes = votes == null ? List.of() : List.copyOf(votes);
    }

    public static ReviewRound open(String reviewUnitId, List<String> reviewUnitPath, OrgUnitLevel level,
            Instant openedAt) {
        return new ReviewRound(reviewUnitId, List.copyOf(reviewUnitPath), level, openedAt, List.of(), null, null);
    }

    public Tally tally() {
        return new Tally(votes.size(), (int) votes.stream().filter(Vote::approve).count());
    }

    public boolean hasVoteOf(String voterId) {
        return votes.stream().anyMatch(vote -> vote.voterId().equals(voterId));
    }

    ReviewRound withVote(Vote vote) {
        List<Vote> all = new ArrayList<>(votes);
        all.add(vote);
        return new ReviewRound(reviewUnitId, reviewUnitPath, level, openedAt, all, decision, escalation);
    }

    ReviewRound decided(Decision newDecision) {
        return new ReviewRound(reviewUnitId, reviewUnitPath, level, openedAt, votes, newDecision, escalation);
    }

    ReviewRound escalated(Escalation newEscalation) {
        return new ReviewRound(reviewUnitId, reviewUnitPath, level, openedAt, votes, decision, newEscalation);
    }

    /** IN_REVIEW, AWARDED, REJECTED, or ESCALATED (awarded, then sent to the council above). */
    public String state() {
        if (escalation != null) {
            return "ESCALATED";
        }
        return decision == null ? "IN_REVIEW" : decision.outcome().name();
    }
}
