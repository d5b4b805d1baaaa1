package vn.neuguong.aggregation;

import java.util.LinkedHashMap;
import java.util.Map;

import vn.neuguong.contracts.recognition.NominationSnapshot;
import vn.neuguong.contracts.recognition.NominationStatus;

/**
 * A nomination's contribution. Every nomination counts as nominated; one that holds an award by that award (the
 * latest one given: an ESCALATED nomination keeps the award of its level, and a higher council that rejects it
 * declines a higher award without revoking the lower one); a REJECTED one that was never awarded as rejected; one
 * sent up at least once as escalated; a model by the number of units that replicated it.
 */
public final class RecognitionContribution implements Contribution<NominationSnapshot> {

    public static final String NOMINATED = "recognition.nominated";
    public static final String AWARDED_PREFIX = "recognition.awarded.";
    public static final String REJECTED = "recognition.rejected";
    public static final String ESCALATED = "recognition.escalated";
    public static final String REPLICATIONS = "recognition.replications";

    @Override
    public Map<String, Long> of(NominationSnapshot nomination) {
        Map<String, Long> counters = new LinkedHashMap<>();
        counters.put(NOMINATED, 1L);
        if (nomination.award() != null) {
            counters.put(AWARDED_PREFIX + nomination.award().name(), 1L);
        } else if (nomination.status() == NominationStatus.REJECTED) {
            counters.put(REJECTED, 1L);
        }
        if (nomination.escalations() > 0) {
            counters.put(ESCALATED, 1L);
        }
        if (nomination.replications() > 0) {
            counters.put(REPLICATIONS, (long) nomination.replications());
        }
        return counters;
    }
}
