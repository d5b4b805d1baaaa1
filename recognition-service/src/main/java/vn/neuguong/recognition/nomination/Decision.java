package vn.neuguong.recognition.nomination;

import java.time.Instant;

import vn.neuguong.contracts.recognition.Award;

/** A council's decision, recorded with the number of the official decision and who signed it off in the system. */
public record Decision(DecisionOutcome outcome, Award award, String decisionNo, String decidedBy,
        String decidedByName, Instant decidedAt) {
}
