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
    void aRegisteredIndividualPledgeCountsAsRegisteredAndIndividual() {
        assertThat(contribution.of(pledge(PledgeStatus.REGISTERED, PledgerKind.INDIVIDUAL, false, false, null)))
                .containsOnly(entry("pledges.registered", 1L), entry("pledges.individual", 1L));
    }

    @Test
    void flagsCountWhenSet() {
        assertThat(contribution.of(pledge(PledgeStatus.REGISTERED, PledgerKind.COLLECTIVE, true, true, null)))
                .containsOnly(entry("pledges.registered", 1L), entry("pledges.collective", 1L),
                        entry("pledges.onTime", 1L), entry("pledges.generic", 1L));
    }

    @Test
    void aSelfAssessedPledgeCountsAsSelfAssessed() {
        assertThat(contribution.of(pledge(PledgeStatus.SELF_ASSESSED, PledgerKind.INDIVIDUAL, true, false, null)))
                .containsEntry("pledges.selfAssessed", 1L).doesNotContainKey("pledges.evaluated.GOOD");
    }

    @Test
    void anEvaluatedPledgeCountsAsSelfAssessedAndByItsGrade() {
        assertThat(contribution.of(pledge(PledgeStatus.EVALUATED, PledgerKind.INDIVIDUAL, true, false, Grade.EXCELLENT)))
                .containsOnly(entry("pledges.registered", 1L), entry("pledges.individual", 1L),
                        entry("pledges.onTime", 1L), entry("pledges.selfAssessed", 1L),
                        entry("pledges.evaluated.EXCELLENT", 1L));
    }

    @Test
    void aWithdrawnPledgeCountsOnlyAsWithdrawn() {
        assertThat(contribution.of(pledge(PledgeStatus.WITHDRAWN, PledgerKind.INDIVIDUAL, true, true, null)))
                .containsOnly(entry("pledges.withdrawn", 1L));
    }

    static PledgeSnapshot pledge(PledgeStatus status, PledgerKind kind, boolean onTime, boolean generic, Grade grade) {
        return new PledgeSnapshot(status, kind, onTime, generic, generic ? 0.2 : 0.8, grade);
    }
}
