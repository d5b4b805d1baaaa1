package vn.neuguong.aggregation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import org.junit.jupiter.api.Test;

import vn.neuguong.contracts.pledge.Grade;
import vn.neuguong.contracts.pledge.PledgeSnapshot;
import vn.neuguong.contracts.pledge.PledgeStatus;
import vn.neuguong.contracts.pledge.PledgerKind;

class PledgeContributionTest {

    private final PledgeContribution contribution = new PledgeContribution();

    @Test
    void a_registered_individual_pledge_counts_as_registered_and_individual() {
        assertThat(contribution.of(pledge(PledgeStatus.REGISTERED, PledgerKind.INDIVIDUAL, false, false, null)))
                .containsOnly(entry("pledges.registered", 1L), entry("pledges.individual", 1L));
    }

    @Test
    void flags_count_when_set() {
        assertThat(contribution.of(pledge(PledgeStatus.REGISTERED, PledgerKind.COLLECTIVE, true, true, null)))
                .containsOnly(entry("pledges.registered", 1L), entry("pledges.collective", 1L),
                        entry("pledges.onTime", 1L), entry("pledges.generic", 1L));
    }

    @Test
    void a_self_assessed_pledge_counts_as_self_assessed() {
        assertThat(contribution.of(pledge(PledgeStatus.SELF_ASSESSED, PledgerKind.INDIVIDUAL, true, false, null)))
                .containsEntry("pledges.selfAssessed", 1L).doesNotContainKey("pledges.evaluated.GOOD");
    }

    @Test
    void an_evaluated_pledge_counts_as_self_assessed_and_by_its_grade() {
        assertThat(contribution.of(pledge(PledgeStatus.EVALUATED, PledgerKind.INDIVIDUAL, true, false, Grade.EXCELLENT)))
                .containsOnly(entry("pledges.registered", 1L), entry("pledges.individual", 1L),
                        entry("pledges.onTime", 1L), entry("pledges.selfAssessed", 1L),
                        entry("pledges.evaluated.EXCELLENT", 1L));
    }

    @Test
    void a_withdrawn_pledge_counts_only_as_withdrawn() {
        assertThat(contribution.of(pledge(PledgeStatus.WITHDRAWN, PledgerKind.INDIVIDUAL, true, true, null)))
                .containsOnly(entry("pledges.withdrawn", 1L));
    }

    static PledgeSnapshot pledge(PledgeStatus status, PledgerKind kind, boolean onTime, boolean generic, Grade grade) {
        return new PledgeSnapshot(status, kind, onTime, generic, generic ? 0.2 : 0.8, grade);
    }
}
