package vn.neuguong.reporting.aggregate;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import vn.neuguong.contracts.pledge.Grade;
import vn.neuguong.contracts.recognition.Award;

/**
 * The figures of a unit for a year, in the shape of DESIGN.md. Counters nobody has counted yet are 0, so the shape
 * never changes (recognition and reports are filled once their events are aggregated).
 *
 * @param asOf when the newest of the figures was computed; null when nothing has been counted for the unit yet
 */
public record AggregateView(String unitId, int year, Instant asOf, Pledges pledges, Recognition recognition,
        Reports reports) {

    static final String RECOGNITION_NOMINATED = "recognition.nominated";
    static final String RECOGNITION_AWARDED_PREFIX = "recognition.awarded.";
    static final String RECOGNITION_REJECTED = "recognition.rejected";
    static final String RECOGNITION_ESCALATED = "recognition.escalated";
    static final String RECOGNITION_REPLICATIONS = "recognition.replications";
    static final String REPORTS_EXPECTED = "reports.expected";
    static final String REPORTS_SUBMITTED = "reports.submitted";
    static final String REPORTS_ON_TIME = "reports.onTime";
    static final String REPORTS_APPROVED = "reports.approved";

    /**
     * @param expected the members expected to pledge: the unit's member count if it existed on 1 January
     * @param coverage individual pledges / expected; 0 when nobody is expected
     */
    public record Pledges(long expected, long registered, long individual, long collective, long onTime, long generic,
            long selfAssessed, Map<String, Long> evaluated, long withdrawn, double coverage) {
    }

    public record Recognition(long nominated, Map<String, Long> awarded, long rejected, long escalated,
            long replications) {
    }

    public record Reports(long expected, long submitted, long onTime, long approved) {
    }

    static AggregateView of(String unitId, int year, Instant asOf, Map<String, Long> counters, long expectedMembers) {
        long individual = get(counters, PledgeContribution.INDIVIDUAL);
        Map<String, Long> evaluated = new LinkedHashMap<>();
        for (Grade grade : Grade.values()) {
            evaluated.put(grade.name(), get(counters, PledgeContribution.EVALUATED_PREFIX + grade.name()));
        }
        Pledges pledges = new Pledges(expectedMembers, get(counters, PledgeContribution.REGISTERED), individual,
                get(counters, PledgeContribution.COLLECTIVE), get(counters, PledgeContribution.ON_TIME),
                get(counters, PledgeContribution.GENERIC), get(counters, PledgeContribution.SELF_ASSESSED), evaluated,
                get(counters, PledgeContribution.WITHDRAWN),
                expectedMembers == 0 ? 0 : (double) individual / expectedMembers);
        Map<String, Long> awarded = new LinkedHashMap<>();
        for (Award award : Award.values()) {
            awarded.put(award.name(), get(counters, RECOGNITION_AWARDED_PREFIX + award.name()));
        }
        Recognition recognition = new Recognition(get(counters, RECOGNITION_NOMINATED), awarded,
                get(counters, RECOGNITION_REJECTED), get(counters, RECOGNITION_ESCALATED),
                get(counters, RECOGNITION_REPLICATIONS));
        Reports reports = new Reports(get(counters, REPORTS_EXPECTED), get(counters, REPORTS_SUBMITTED),
                get(counters, REPORTS_ON_TIME), get(counters, REPORTS_APPROVED));
        return new AggregateView(unitId, year, asOf, pledges, recognition, reports);
    }

    private static long get(Map<String, Long> counters, String name) {
        return counters.getOrDefault(name, 0L);
    }
}
