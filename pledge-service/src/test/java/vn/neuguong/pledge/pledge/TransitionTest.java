package vn.neuguong.pledge.pledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import vn.neuguong.contracts.pledge.PledgeStatus;
import vn.neuguong.platform.web.ConflictException;

class TransitionTest {

    @Test
    void theLifecycleMovesForwardOnly() {
        assertThat(Transition.REVISE.from(PledgeStatus.REGISTERED)).isEqualTo(PledgeStatus.REGISTERED);
        assertThat(Transition.SELF_ASSESS.from(PledgeStatus.REGISTERED)).isEqualTo(PledgeStatus.SELF_ASSESSED);
        assertThat(Transition.EVALUATE.from(PledgeStatus.SELF_ASSESSED)).isEqualTo(PledgeStatus.EVALUATED);
        assertThat(Transition.WITHDRAW.from(PledgeStatus.REGISTERED)).isEqualTo(PledgeStatus.WITHDRAWN);
        assertThat(Transition.WITHDRAW.from(PledgeStatus.SELF_ASSESSED)).isEqualTo(PledgeStatus.WITHDRAWN);
    }

    @Test
    void anIllegalTransitionIsAConflictNamingTheCurrentStatus() {
        assertThatThrownBy(() -> Transition.REVISE.from(PledgeStatus.SELF_ASSESSED))
                .isInstanceOfSatisfying(ConflictException.class, conflict -> {
                    assertThat(conflict.getMessage()).contains("SELF_ASSESSED");
                    assertThat(conflict.properties()).containsEntry("status", "SELF_ASSESSED");
                });
        assertThatThrownBy(() -> Transition.EVALUATE.from(PledgeStatus.REGISTERED)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> Transition.WITHDRAW.from(PledgeStatus.EVALUATED)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> Transition.SELF_ASSESS.from(PledgeStatus.WITHDRAWN))
                .isInstanceOf(ConflictException.class);
    }
}
