package vn.neuguong.contracts.recognition;

/**
 * The part of a nomination's state that consumers count.
 *
 * @param status       REJECTED with an award means a higher council declined to raise an award that stands
 * @param award        the award of the latest AWARDED decision in any round (it stands after an escalation, even
 *                     one a higher council rejects); null if the nomination was never awarded
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
