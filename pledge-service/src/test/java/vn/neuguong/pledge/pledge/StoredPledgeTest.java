package vn.neuguong.pledge.pledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.neuguong.contracts.pledge.Grade;
import vn.neuguong.contracts.pledge.PledgeStatus;
import vn.neuguong.contracts.pledge.PledgerKind;
import vn.neuguong.platform.web.IdempotencyKey;
import vn.neuguong.pledge.specificity.Specificity;

class StoredPledgeTest {

    private static final Instant REGISTERED_AT = Instant.parse("2026-03-02T08:00:00Z");
    private static final Instant LATER = Instant.parse("2026-06-30T10:00:00Z");

    private final Pledge registered = Pledge.builder()
            .id("p-1")
            .year(2026)
            .unit("xa-na-hoa", List.of("vn", "thai-nguyen", "xa-na-hoa"))
            .pledger(new Pledge.Pledger(PledgerKind.INDIVIDUAL, "m-1", "Nguyễn Văn An", "Đảng viên", null))
            .commitments(List.of(commitment("Trồng 200 cây keo trên đồi thôn Na Hoa")))
            .specificity(new Specificity(0.8, false, List.of()))
            .signed(LocalDate.of(2026, 3, 2), true)
            .registered(new Pledge.Change(REGISTERED_AT, "officer-1"));

    @Test
    void aRegistrationIsVersionOneByItsRegistrant() {
        assertThat(registered.version()).isEqualTo(1);
        assertThat(registered.status()).isEqualTo(PledgeStatus.REGISTERED);
        assertThat(registered.registeredAt()).isEqualTo(REGISTERED_AT).isEqualTo(registered.updatedAt());
        assertThat(registered.registeredBy()).isEqualTo("officer-1").isEqualTo(registered.updatedBy());
    }

    @Test
    void aTransitionChangesItsOwnPartAndKeepsTheRest() {
        Pledge.Evaluation evaluation = new Pledge.Evaluation(Grade.EXCELLENT, "Tốt", LATER, "officer-2");
        Pledge evaluated = registered.evaluated(evaluation, new Pledge.Change(LATER, "officer-2"));

        assertThat(evaluated.version()).isEqualTo(2);
        assertThat(evaluated.status()).isEqualTo(PledgeStatus.EVALUATED);
        assertThat(evaluated.evaluation()).isEqualTo(evaluation);
        assertThat(evaluated.updatedAt()).isEqualTo(LATER);
        assertThat(evaluated.updatedBy()).isEqualTo("officer-2");
        assertThat(evaluated).usingRecursiveComparison()
                .ignoringFields("status", "version", "updatedAt", "updatedBy", "evaluation").isEqualTo(registered);
    }

    @Test
    void theBookkeepingFollowsTheTransitions() {
        IdempotencyKey creation = new IdempotencyKey("officer-1:k-1", "hash-1");
        StoredPledge stored = StoredPledge.registered(registered, creation, null);
        assertThat(stored.pledgerKey()).isEqualTo("I:m-1");

        IdempotencyKey withdrawalKey = new IdempotencyKey("officer-1:k-2", "hash-2");
        StoredPledge withdrawn = stored.changed(registered.withdrawn(
                new Pledge.Withdrawal("Chuyển công tác", LATER, "officer-1"), new Pledge.Change(LATER, "officer-1")),
                withdrawalKey);
        assertThat(withdrawn.pledgerKey()).as("a withdrawn pledge frees its pledger's place")
                .isEqualTo("withdrawn:p-1:I:m-1");
        assertThat(withdrawn.appliedKeys()).containsExactly(withdrawalKey);
        assertThat(withdrawn.creation()).isEqualTo(creation);

    }

    @Test
    void theDocumentHoldsThePledgeAndItsBookkeeping() {
        StoredPledge stored = StoredPledge.registered(registered, new IdempotencyKey("officer-1:k-1", "hash-1"),
                "import-1");

        PledgeDocument document = PledgeDocument.of(stored);

        assertThat(document.pledgerKey()).isEqualTo("I:m-1");
        assertThat(document.creationKey()).isEqualTo("officer-1:k-1");
        assertThat(document.creationRequestHash()).isEqualTo("hash-1");
        assertThat(document.stored()).isEqualTo(stored);
    }

    private static Pledge.Commitment commitment(String action) {
        return new Pledge.Commitment(CommitmentArea.values()[0], action, null, "số cây", "200",
                LocalDate.of(2026, 11, 30));
    }
}
