package vn.neuguong.recognition.nomination;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import vn.neuguong.contracts.orgunit.OrgUnitLevel;
import vn.neuguong.contracts.pledge.Grade;
import vn.neuguong.contracts.pledge.PledgeStatus;
import vn.neuguong.contracts.recognition.Award;
import vn.neuguong.contracts.recognition.NominationStatus;
import vn.neuguong.recognition.field.FieldOfWork;

/**
 * A nomination as the API shows it: its current review ({@code reviewUnitId}, {@code tally}) on top, every round
 * below, the linked pledges with what is known of their evaluation, and the model's replications.
 *
 * @param excellentPledgeIds the linked pledges evaluated EXCELLENT
 */
public record NominationView(
        String id,
        int year,
        NominationStatus status,
        long version,
        Nominee nominee,
        List<String> unitPath,
        String nominatingUnitId,
        FieldOfWork field,
        String achievements,
        String reviewUnitId,
        OrgUnitLevel reviewLevel,
        TallyView tally,
        Award award,
        List<RoundView> rounds,
        List<String> pledgeIds,
        List<LinkedPledge> pledges,
        List<String> excellentPledgeIds,
        int replicationCount,
        List<ReplicationView> replications,
        Instant submittedAt,
        String submittedBy,
        Instant updatedAt) {

    public record TallyView(int votes, int approvals, int quorum, double majority, boolean quorumMet,
            boolean majorityApproves) {
    }

    /**
     * @param state IN_REVIEW, AWARDED, REJECTED or ESCALATED
     * @param votes the ballots, shown only to the round's council, its officers and administrators
     */
    public record RoundView(String reviewUnitId, OrgUnitLevel level, String state, Instant openedAt, TallyView tally,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<Vote> votes, Decision decision, Escalation escalation) {
    }

    /** A linked pledge; {@code status} and {@code grade} are null until its events have reached this service. */
    public record LinkedPledge(String pledgeId, PledgeStatus status, Grade grade, boolean excellent) {
    }

    public record ReplicationView(String adoptingUnitId, String note, Instant recordedAt, String recordedBy) {
    }
}
