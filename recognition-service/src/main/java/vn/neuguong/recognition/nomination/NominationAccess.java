package vn.neuguong.recognition.nomination;

import java.util.List;
import java.util.Objects;

import vn.neuguong.contracts.Role;
import vn.neuguong.contracts.orgunit.OrgUnitLevel;
import vn.neuguong.contracts.recognition.NominationStatus;
import vn.neuguong.contracts.recognition.NomineeKind;
import vn.neuguong.platform.security.CurrentUser;
import vn.neuguong.platform.web.ForbiddenException;
import vn.neuguong.platform.web.NotFoundException;

/**
 * Object-level rules for nominations; docs/recognition.md states them in prose. A nomination the caller may not
 * read does not exist for them (404); one they may read but not change is a 403.
 */
public final class NominationAccess {

    private NominationAccess() {
    }

    static boolean isOfficer(CurrentUser user) {
        return user.hasAny(Role.UNIT_OFFICER, Role.PROVINCE_OFFICER);
    }

    /**
     * Central board and administrators read everything; officers and council members what concerns their subtree
     * (the nominee's unit or a reviewing unit lies in it); anyone the nominations naming them.
     */
    public static boolean canRead(CurrentUser user, Nomination nomination) {
        if (user.readsEverything() || nomination.names(user.sub())) {
            return true;
        }
        if (!isOfficer(user) && !user.has(Role.COUNCIL_MEMBER)) {
            return false;
        }
        return user.covers(nomination.unitPath())
                || nomination.rounds().stream().anyMatch(round -> user.covers(round.reviewUnitPath()));
    }

    public static NotFoundException notFound(String id) {
        return new NotFoundException("No nomination " + id);
    }

    /** Whether the caller sees the ballots (who voted how) of a round: its council, its deciders, administrators. */
    static boolean seesBallots(CurrentUser user, ReviewRound round) {
        return user.has(Role.ADMIN) || Objects.equals(user.unitId(), round.reviewUnitId())
                && (user.has(Role.COUNCIL_MEMBER) || isOfficer(user));
    }

    /** Officers nominate for units in their subtree. */
    static void requireCanSubmit(CurrentUser user, List<String> nominatingUnitPath) {
        if (!isOfficer(user)) {
            throw new ForbiddenException("Only a unit or province officer submits nominations");
        }
        if (!user.covers(nominatingUnitPath)) {
            throw new ForbiddenException("Nominating for unit "
                    + nominatingUnitPath.get(nominatingUnitPath.size() - 1) + " is outside your scope");
        }
    }

    /** A council member of the reviewing unit, who is not the nominee. */
    static void requireCanVote(CurrentUser user, Nomination nomination) {
        if (!user.has(Role.COUNCIL_MEMBER) || !Objects.equals(user.unitId(), nomination.reviewUnitId())) {
            throw new ForbiddenException("Only a council member of unit " + nomination.reviewUnitId()
                    + " votes on this nomination");
        }
        if (nomination.names(user.sub())) {
            throw new ForbiddenException("Nobody votes on their own nomination");
        }
    }

    /**
     * Decide and escalate: an officer of the reviewing unit (for the central council an officer at {@code vn}), or
     * an administrator for the central council; never the nominee.
     */
    static void requireCanDecide(CurrentUser user, Nomination nomination) {
        ReviewRound round = nomination.currentRound();
        boolean officerOfCouncil = isOfficer(user) && Objects.equals(user.unitId(), round.reviewUnitId());
        boolean centralAdministrator = user.has(Role.ADMIN) && round.level() == OrgUnitLevel.CENTRAL;
        if (!officerOfCouncil && !centralAdministrator) {
            throw new ForbiddenException("Only an officer of unit " + round.reviewUnitId()
                    + " records its council's decisions");
        }
        if (nomination.names(user.sub())) {
            throw new ForbiddenException("Nobody decides on their own nomination");
        }
    }

    /**
     * An awarded model is there to be adopted anywhere: an officer records its replication without reading the
     * nomination. Anything else they cannot read does not exist for them (404), whatever its kind or status.
     */
    static boolean adoptsUnseen(CurrentUser user, Nomination nomination) {
        return isOfficer(user) && nomination.nominee().kind() == NomineeKind.MODEL
                && nomination.status() == NominationStatus.AWARDED;
    }

    /** An officer over the adopting unit records that it adopted a model. */
    static void requireCanRecordReplication(CurrentUser user, List<String> adoptingUnitPath) {
        if (!isOfficer(user) || !user.covers(adoptingUnitPath)) {
            throw new ForbiddenException("Only an officer over the adopting unit records a replication");
        }
    }

    /** The nominations a list may show the caller. */
    static NominationScope visibleTo(CurrentUser user) {
        if (user.readsEverything()) {
            return NominationScope.EVERYTHING;
        }
        boolean readsSubtree = (isOfficer(user) || user.has(Role.COUNCIL_MEMBER)) && user.unitId() != null;
        return new NominationScope(false, user.sub(), readsSubtree ? user.unitId() : null);
    }
}
