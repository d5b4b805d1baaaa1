package vn.neuguong.recognition.nomination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.neuguong.contracts.orgunit.OrgUnitLevel;
import vn.neuguong.contracts.recognition.Award;
import vn.neuguong.contracts.recognition.NominationSnapshot;
import vn.neuguong.contracts.recognition.NominationStatus;
import vn.neuguong.contracts.recognition.NomineeKind;
import vn.neuguong.platform.web.ConflictException;
import vn.neuguong.platform.web.IdempotencyKey;
import vn.neuguong.platform.web.InvalidInputException;
import vn.neuguong.recognition.council.CouncilProperties;
import vn.neuguong.recognition.council.CouncilRule;
import vn.neuguong.recognition.field.FieldOfWork;

class NominationTest {

    private static final Instant NOW = Instant.parse("2025-11-20T03:00:00Z");
    private static final CouncilRule GRASSROOTS = CouncilProperties.DEFAULTS.get(OrgUnitLevel.GRASSROOTS);
    private static final CouncilRule PROVINCE = CouncilProperties.DEFAULTS.get(OrgUnitLevel.PROVINCE);
    private static final ReviewRound COMMUNE_COUNCIL = ReviewRound.open("w-1", List.of("vn", "p-1", "w-1"),
            OrgUnitLevel.GRASSROOTS, NOW);
    private static final ReviewRound PROVINCE_COUNCIL = ReviewRound.open("p-1", List.of("vn", "p-1"),
            OrgUnitLevel.PROVINCE, NOW);

    private static Nomination submitted(NomineeKind kind) {
        return Nomination.submitted("n-1", 2025, new Nominee(kind, "Mô hình Dân vận khéo", "c-1", null),
                List.of("vn", "p-1", "w-1", "c-1"), "c-1", FieldOfWork.MASS_MOBILIZATION, "Ba năm liền…",
                List.of("pl-1"), COMMUNE_COUNCIL, change("officer"));
    }

    private static Nomination.Change change(String by) {
        return new Nomination.Change(NOW, by, null);
    }

    private static Nomination withVotes(Nomination nomination, boolean... approvals) {
        for (int i = 0; i < approvals.length; i++) {
            nomination = nomination.withVote(new Vote("voter-" + nomination.rounds().size() + "-" + i, "Ủy viên",
                    approvals[i], null, NOW), change("voter-" + i));
        }
        return nomination;
    }

    @Test
    void aSubmissionIsVersionOneInReviewAtTheFirstCouncil() {
        Nomination nomination = submitted(NomineeKind.COLLECTIVE);

        assertThat(nomination.version()).isEqualTo(1);
        assertThat(nomination.snapshot()).isEqualTo(new NominationSnapshot(NominationStatus.SUBMITTED,
                NomineeKind.COLLECTIVE, "MASS_MOBILIZATION", null, "w-1", 0, 0));
        assertThat(nomination.reviewKeys()).containsEntry("GRASSROOTS", "2025|C:c-1:mo hinh dan van kheo");
    }

    @Test
    void theNomineeIsTheMemberOrElseKindUnitAndNameIgnoringToneMarksCaseAndSpacing() {
        assertThat(Nomination.nomineeKey(new Nominee(NomineeKind.INDIVIDUAL, "Nguyễn Văn A", "c-1", "m-7")))
                .isEqualTo("M:m-7");
        assertThat(Nomination.nomineeKey(new Nominee(NomineeKind.MODEL, "  Đường  hoa NÔNG thôn mới ", "c-1", null)))
                .isEqualTo(Nomination.nomineeKey(new Nominee(NomineeKind.MODEL, "duong hoa nong thon moi", "c-1",
                        null)));
        assertThat(Nomination.nomineeKey(new Nominee(NomineeKind.MODEL, "X", "c-1", null)))
                .isNotEqualTo(Nomination.nomineeKey(new Nominee(NomineeKind.COLLECTIVE, "X", "c-1", null)));
    }

    @Test
    void everyChangeIsTheNextVersion() {
        Nomination nomination = withVotes(submitted(NomineeKind.INDIVIDUAL), true, true);

        assertThat(nomination.version()).isEqualTo(3);
        assertThat(nomination.currentRound().tally().votes()).isEqualTo(2);
    }

    @Test
    void aCouncilMemberVotesOncePerRound() {
        Nomination nomination = submitted(NomineeKind.INDIVIDUAL).withVote(new Vote("v", "V", true, null, NOW),
                change("v"));

        assertThatThrownBy(() -> nomination.withVote(new Vote("v", "V", false, null, NOW), change("v")))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void noDecisionWithoutTheQuorum() {
        Nomination twoVotes = withVotes(submitted(NomineeKind.INDIVIDUAL), true, true);

        assertThatThrownBy(() -> twoVotes.decided(DecisionOutcome.REJECTED, null, "1/QĐ", "Chủ tịch", GRASSROOTS,
                change("chair"))).isInstanceOfSatisfying(ConflictException.class, conflict ->
                assertThat(conflict.properties()).containsEntry("votes", 2).containsEntry("quorum", 3));
    }

    @Test
    void anAwardNeedsMoreThanHalfOfTheVotesCast() {
        Nomination halfApprove = withVotes(submitted(NomineeKind.INDIVIDUAL), true, true, false, false);

        assertThatThrownBy(() -> halfApprove.decided(DecisionOutcome.AWARDED, Award.LETTER_OF_COMMENDATION, "1/QĐ",
                "Chủ tịch", GRASSROOTS, change("chair"))).isInstanceOf(ConflictException.class);
        Nomination rejected = halfApprove.decided(DecisionOutcome.REJECTED, null, "1/QĐ", "Chủ tịch", GRASSROOTS,
                change("chair"));
        assertThat(rejected.status()).isEqualTo(NominationStatus.REJECTED);
        assertThat(rejected.snapshot().award()).isNull();
    }

    @Test
    void theAwardMustBeOneTheCouncilsLevelGives() {
        Nomination approved = withVotes(submitted(NomineeKind.INDIVIDUAL), true, true, false);

        assertThatThrownBy(() -> approved.decided(DecisionOutcome.AWARDED, Award.CERTIFICATE_OF_MERIT, "1/QĐ",
                "Chủ tịch", GRASSROOTS, change("chair"))).isInstanceOfSatisfying(InvalidInputException.class,
                invalid -> assertThat(invalid.errors()).extracting("field").containsExactly("award"));
        assertThatThrownBy(() -> approved.decided(DecisionOutcome.AWARDED, null, "1/QĐ", "Chủ tịch", GRASSROOTS,
                change("chair"))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> approved.decided(DecisionOutcome.REJECTED, Award.LETTER_OF_COMMENDATION, "1/QĐ",
                "Chủ tịch", GRASSROOTS, change("chair"))).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aDecisionRecordsItsNumberAndWhoDecidedAndClosesTheRound() {
        Nomination awarded = withVotes(submitted(NomineeKind.INDIVIDUAL), true, true, false)
                .decided(DecisionOutcome.AWARDED, Award.LETTER_OF_COMMENDATION, "12-QĐ/ĐU", "Bí thư", GRASSROOTS,
                        change("chair"));

        assertThat(awarded.currentRound().decision()).isEqualTo(new Decision(DecisionOutcome.AWARDED,
                Award.LETTER_OF_COMMENDATION, "12-QĐ/ĐU", "chair", "Bí thư", NOW));
        assertThat(awarded.snapshot().award()).isEqualTo(Award.LETTER_OF_COMMENDATION);
        assertThatThrownBy(() -> awarded.withVote(new Vote("late", "L", true, null, NOW), change("late")))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> awarded.decided(DecisionOutcome.REJECTED, null, "13", "Bí thư", GRASSROOTS,
                change("chair"))).isInstanceOf(ConflictException.class);
    }

    @Test
    void escalationOpensARoundAtTheParentAndKeepsTheHistory() {
        Nomination awarded = withVotes(submitted(NomineeKind.INDIVIDUAL), true, true, true)
                .decided(DecisionOutcome.AWARDED, Award.LETTER_OF_COMMENDATION, "12", "Bí thư", GRASSROOTS,
                        change("chair"));

        Nomination escalated = awarded.escalated(PROVINCE_COUNCIL, change("chair"));

        assertThat(escalated.status()).isEqualTo(NominationStatus.ESCALATED);
        assertThat(escalated.rounds()).extracting(ReviewRound::state).containsExactly("ESCALATED", "IN_REVIEW");
        assertThat(escalated.rounds().get(0).escalation().toUnitId()).isEqualTo("p-1");
        assertThat(escalated.reviewKeys()).containsOnlyKeys("GRASSROOTS", "PROVINCE");
        assertThat(escalated.snapshot()).isEqualTo(new NominationSnapshot(NominationStatus.ESCALATED,
                NomineeKind.INDIVIDUAL, "MASS_MOBILIZATION", Award.LETTER_OF_COMMENDATION, "p-1", 1, 0));
        assertThatThrownBy(() -> escalated.escalated(PROVINCE_COUNCIL, change("chair")))
                .isInstanceOf(ConflictException.class);

        Nomination awardedAbove = withVotes(escalated, true, true, true, true, false)
                .decided(DecisionOutcome.AWARDED, Award.CERTIFICATE_OF_MERIT, "88-QĐ/TU", "Bí thư tỉnh", PROVINCE,
                        change("province-chair"));
        assertThat(awardedAbove.snapshot().award()).isEqualTo(Award.CERTIFICATE_OF_MERIT);
        assertThat(awardedAbove.rounds()).extracting(ReviewRound::state).containsExactly("ESCALATED", "AWARDED");
        assertThat(awardedAbove.rounds().get(0).votes()).hasSize(3);
    }

    @Test
    void aHigherCouncilsRejectionLeavesTheLowerAwardStanding() {
        Nomination escalated = withVotes(submitted(NomineeKind.INDIVIDUAL), true, true, true)
                .decided(DecisionOutcome.AWARDED, Award.LETTER_OF_COMMENDATION, "12", "Bí thư", GRASSROOTS,
                        change("chair"))
                .escalated(PROVINCE_COUNCIL, change("chair"));

        Nomination rejectedAbove = withVotes(escalated, false, false, false, true, false)
                .decided(DecisionOutcome.REJECTED, null, "90-QĐ/TU", "Bí thư tỉnh", PROVINCE, change("province-chair"));

        assertThat(rejectedAbove.status()).isEqualTo(NominationStatus.REJECTED);
        assertThat(rejectedAbove.snapshot().award()).isEqualTo(Award.LETTER_OF_COMMENDATION);
    }

    @Test
    void onlyAnAwardedNominationIsEscalated() {
        assertThatThrownBy(() -> submitted(NomineeKind.INDIVIDUAL).escalated(PROVINCE_COUNCIL, change("chair")))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void anAwardedModelIsReplicatedOncePerAdoptingUnitButNeverInItsOwn() {
        Replication inW2 = new Replication("w-2", List.of("vn", "p-1", "w-2"), "Áp dụng từ quý II", NOW, "o");
        assertThatThrownBy(() -> submitted(NomineeKind.MODEL).replicatedIn(inW2, change("o")))
                .as("a model not awarded yet").isInstanceOf(ConflictException.class);
        Nomination awardedModel = withVotes(submitted(NomineeKind.MODEL), true, true, true)
                .decided(DecisionOutcome.AWARDED, Award.LETTER_OF_COMMENDATION, "12", "Bí thư", GRASSROOTS,
                        change("chair"));
        Nomination replicated = awardedModel.replicatedIn(inW2, change("o"));

        assertThat(replicated.snapshot().replications()).isEqualTo(1);
        assertThatThrownBy(() -> replicated.replicatedIn(inW2, change("o"))).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> replicated.replicatedIn(new Replication("c-1", List.of(), null, NOW, "o"),
                change("o"))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> submitted(NomineeKind.COLLECTIVE).replicatedIn(inW2, change("o")))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void aTransitionRemembersItsIdempotencyKey() {
        Nomination voted = submitted(NomineeKind.INDIVIDUAL).withVote(new Vote("v", "V", true, null, NOW),
                new Nomination.Change(NOW, "v", new IdempotencyKey("v|key-1", "hash")));

        assertThat(voted.appliedRequests()).containsExactly(new IdempotencyKey("v|key-1", "hash"));
    }
}
