package vn.neuguong.recognition.nomination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import vn.neuguong.contracts.Role;
import vn.neuguong.contracts.orgunit.OrgUnitLevel;
import vn.neuguong.contracts.recognition.NomineeKind;
import vn.neuguong.platform.security.CurrentUser;
import vn.neuguong.platform.web.ForbiddenException;
import vn.neuguong.recognition.field.FieldOfWork;

class NominationAccessTest {

    private static final Instant NOW = Instant.parse("2025-11-20T03:00:00Z");
    /** A member of cell c-1 of commune w-1 of province p-1, reviewed by the commune's council. */
    private static final Nomination NOMINATION = Nomination.submitted("n-1", 2025,
            new Nominee(NomineeKind.INDIVIDUAL, "Nguyễn Thị Hoa", "c-1", "m-1"), List.of("vn", "p-1", "w-1", "c-1"),
            "c-1", FieldOfWork.HEALTH, "…", List.of(),
            ReviewRound.open("w-1", List.of("vn", "p-1", "w-1"), OrgUnitLevel.GRASSROOTS, NOW),
            new Nomination.Change(NOW, "o", null));

    private static CurrentUser user(String sub, String unitId, Role... roles) {
        return new CurrentUser(sub, sub, unitId, Set.of(roles));
    }

    @Test
    void readersAreTheSubtreesOfficersAndCouncilsTheNomineeAndTheCentralBoard() {
        assertThat(NominationAccess.canRead(user("o", "p-1", Role.PROVINCE_OFFICER), NOMINATION)).isTrue();
        assertThat(NominationAccess.canRead(user("c", "w-1", Role.COUNCIL_MEMBER), NOMINATION)).isTrue();
        assertThat(NominationAccess.canRead(user("m-1", "c-1", Role.MEMBER), NOMINATION)).isTrue();
        assertThat(NominationAccess.canRead(user("b", "vn", Role.CENTRAL_BOARD), NOMINATION)).isTrue();
        assertThat(NominationAccess.canRead(user("m-2", "c-1", Role.MEMBER), NOMINATION)).isFalse();
        assertThat(NominationAccess.canRead(user("o", "w-2", Role.UNIT_OFFICER), NOMINATION)).isFalse();
        assertThat(NominationAccess.canRead(user("x", "p-1", Role.OPERATOR), NOMINATION)).isFalse();
    }

    @Test
    void onlyTheReviewingCouncilVotesAndNeverTheNominee() {
        assertThatCode(() -> NominationAccess.requireCanVote(user("c", "w-1", Role.COUNCIL_MEMBER), NOMINATION))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> NominationAccess.requireCanVote(user("c", "p-1", Role.COUNCIL_MEMBER), NOMINATION))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> NominationAccess.requireCanVote(user("o", "w-1", Role.UNIT_OFFICER), NOMINATION))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> NominationAccess.requireCanVote(user("m-1", "w-1", Role.COUNCIL_MEMBER), NOMINATION))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void theReviewingUnitsOfficerDecidesAndAnAdministratorOnlyForTheCentralCouncil() {
        assertThatCode(() -> NominationAccess.requireCanDecide(user("o", "w-1", Role.UNIT_OFFICER), NOMINATION))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> NominationAccess.requireCanDecide(user("o", "p-1", Role.PROVINCE_OFFICER),
                NOMINATION)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> NominationAccess.requireCanDecide(user("a", "vn", Role.ADMIN), NOMINATION))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> NominationAccess.requireCanDecide(user("b", "w-1", Role.CENTRAL_BOARD),
                NOMINATION)).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void ballotsAreShownToTheRoundsCouncilAndOfficersOnly() {
        ReviewRound round = NOMINATION.currentRound();

        assertThat(NominationAccess.seesBallots(user("c", "w-1", Role.COUNCIL_MEMBER), round)).isTrue();
        assertThat(NominationAccess.seesBallots(user("o", "w-1", Role.UNIT_OFFICER), round)).isTrue();
        assertThat(NominationAccess.seesBallots(user("o", "p-1", Role.PROVINCE_OFFICER), round)).isFalse();
        assertThat(NominationAccess.seesBallots(user("m-1", "c-1", Role.MEMBER), round)).isFalse();
    }
}
