package vn.neuguong.contracts.recognition;

/**
 * The part of a nomination's state that consumers count.
 *
 * @param award        the award of the latest decision, null unless AWARDED or ESCALATED
 * @param reviewUnitId the unit whose council reviews (or reviewed) the nomination
 * @param escalations  how many times the nomination was sent to a higher council
 * @param replications how many units recorded that they adopted this model (0 for non-models)
 */
public record NominationSnapshot(
        NominationStatus status,
        NomineeKind nomineeKind,
        String field,
        Award award,
        String reviewUnitId,
        int escalations,
        int replications) {
}
