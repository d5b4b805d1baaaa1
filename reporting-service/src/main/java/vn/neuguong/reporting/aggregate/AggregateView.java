package vn.neuguong.reporting.aggregate;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import vn.neuguong.aggregation.PledgeContribution;
import vn.neuguong.aggregation.RecognitionContribution;
import vn.neuguong.aggregation.ReportContribution;
import vn.neuguong.contracts.pledge.Grade;
import vn.neuguong.contracts.recognition.Award;

/**
 * The figures of a unit for a year, in the shape of DESIGN.md. Counters nobody has counted yet are 0, so the shape
 * never changes.
 *
 * @param asOf when the newest of the figures was computed; null when nothing has been counted for the unit yet
 */
public record AggregateView(String unitId, int year, Instant asOf, Pledges pledges, Recognition recognition,
        Reports reports) {

    /**
     * @param expected          the members expected to pledge: the unit's member count if it existed on 1 January
     * @param expectedSynthetic whether {@code expected} (and so {@code coverage}) rests on a DEMO member count
     * @param coverage          individual pledges / expected; 0 when nobody is expected
     */
    public record Pledges(long expected, boolean expectedSynthetic, long registered, long individual, long collective, long onTime, long generic,
            long selfAssessed, Map<String, Long> evaluated, long withdrawn, double coverage) {
    }

    public record Recognition(long nominated, Map<String, Long> awarded, long rejected, long escalated,
            long replications) {
    }

    /**
     * @param expected the reports the units of the subtree must submit for the periods ending in the year, from the
     *                 registry and the periods
     */
    public record Reports(long expected, long submitted, long onTime, long approved) {
    }

    static AggregateView of(String unitId, int year, Instant asOf, Map<String, Long> counters, long expectedMembers,
            boolean expectedSynthetic, long expectedReports) {
        long individual = get(counters, PledgeContribution.INDIVIDUAL);
        Map<String, Long> evaluated = new LinkedHashMap<>();
        for (Grade grade : Grade.values()) {
            evaluated.put(grade.name(), get(counters, PledgeContribution.EVALUATED_PREFIX + grade.name()));
        }
        Pledges pledges = new Pledges(expectedMembers, expectedSynthetic, get(counters, PledgeContribution.REGISTERED), individual,
                get(counters, PledgeContribution.COLLECTIVE), get(counters, PledgeContribution.ON_TIME),
                get(counters, PledgeContribution.GENERIC), get(counters, PledgeContribution.SELF_ASSESSED), evaluated,
                get(counters, PledgeContribution.WITHDRAWN),
                expectedMembers == 0 ? 0 : (double) individual / expectedMembers);
        Map<String, Long> awarded = new LinkedHashMap<>();
        for (Award award : Award.values()) {
            awarded.put(award.name(), get(counters, RecognitionContribution.AWARDED_PREFIX + award.name()));
        }
        Recognition recognition = new Recognition(get(counters, RecognitionContribution.NOMINATED), awarded,
                get(counters, RecognitionContribution.REJECTED), get(counters, RecognitionContribution.ESCALATED),
                get(counters, RecognitionContribution.REPLICATIONS));
        Reports reports = new Reports(expectedReports, get(counters, ReportContribution.SUBMITTED),
                get(counters, ReportContribution.ON_TIME), get(counters, ReportContribution.APPROVED));
        return new AggregateView(unitId, year, asOf, pledges, recognition, reports);
    }

    private static long get(Map<String, Long> counters, String name) {
        return counters.getOrDefault(name, 0L);
    }
}
