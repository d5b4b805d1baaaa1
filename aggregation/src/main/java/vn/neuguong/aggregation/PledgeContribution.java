package vn.neuguong.aggregation;

import java.util.LinkedHashMap;
import java.util.Map;

import vn.neuguong.contracts.pledge.PledgeSnapshot;
import vn.neuguong.contracts.pledge.PledgeStatus;
import vn.neuguong.contracts.pledge.PledgerKind;

/**
 * A pledge's contribution. A withdrawn pledge counts only as withdrawn. Any other pledge counts as registered,
 * as individual or collective, as on time and generic by its flags, as self-assessed once self-assessed or
 * evaluated, and by its grade once evaluated.
 */
public final class PledgeContribution implements Contribution<PledgeSnapshot> {

    public static final String REGISTERED = "pledges.registered";
    public static final String INDIVIDUAL = "pledges.individual";
    public static final String COLLECTIVE = "pledges.collective";
    public static final String ON_TIME = "pledges.onTime";
    public static final String GENERIC = "pledges.generic";
    public static final String SELF_ASSESSED = "pledges.selfAssessed";
    public static final String EVALUATED_PREFIX = "pledges.evaluated.";
    public static final String WITHDRAWN = "pledges.withdrawn";

    @Override
    public Map<String, Long> of(PledgeSnapshot pledge) {
        Map<String, Long> counters = new LinkedHashMap<>();
        if (pledge.status() == PledgeStatus.WITHDRAWN) {
            counters.put(WITHDRAWN, 1L);
            return counters;
        }
        counters.put(REGISTERED, 1L);
        counters.put(pledge.pledgerKind() == PledgerKind.INDIVIDUAL ? INDIVIDUAL : COLLECTIVE, 1L);
        if (pledge.onTime()) {
            counters.put(ON_TIME, 1L);
        }
        if (pledge.generic()) {
            counters.put(GENERIC, 1L);
        }
        if (pledge.status() == PledgeStatus.SELF_ASSESSED || pledge.status() == PledgeStatus.EVALUATED) {
            counters.put(SELF_ASSESSED, 1L);
        }
        if (pledge.status() == PledgeStatus.EVALUATED) {
            counters.put(EVALUATED_PREFIX + pledge.grade().name(), 1L);
        }
        return counters;
    }
}
