package vn.neuguong.contracts.recognition;

/** SUBMITTED → (votes) → AWARDED or REJECTED; an AWARDED nomination may be ESCALATED to the parent council. */
public enum NominationStatus {
    SUBMITTED, AWARDED, REJECTED, ESCALATED
}
