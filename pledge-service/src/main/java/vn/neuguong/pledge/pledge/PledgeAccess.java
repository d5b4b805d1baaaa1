package vn.neuguong.pledge.pledge;

import java.util.List;

import vn.neuguong.contracts.Role;
import vn.neuguong.contracts.pledge.PledgerKind;
import vn.neuguong.platform.security.CurrentUser;
import vn.neuguong.platform.web.ForbiddenException;
import vn.neuguong.platform.web.NotFoundException;

/**
 * Object-level rules of DESIGN.md (Security) for pledges; docs/authorization.md states them in prose. A pledge the
 * caller may not read does not exist for them (404, so existence does not leak); one they may read but not change is
 * a 403.
 */
public final class PledgeAccess {

    private PledgeAccess() {
    }

    static boolean isOfficer(CurrentUser user) {
        return user.hasAny(Role.UNIT_OFFICER, Role.PROVINCE_OFFICER);
    }

    static boolean officerOver(CurrentUser user, List<String> unitPath) {
        return isOfficer(user) && user.covers(unitPath);
    }

    /** Whether the caller may read every pledge of a unit (a near-copy's original is in the same unit). */
    public static boolean readsPledgesOfUnit(CurrentUser user, List<String> unitPath) {
        return user.readsEverything() || officerOver(user, unitPath);
    }

    public static boolean canRead(CurrentUser user, Pledge pledge) {
        return user.readsEverything() || officerOver(user, pledge.unitPath()) || pledge.individualOf(user.sub());
    }

    /** @throws NotFoundException when the caller may not see the pledge */
    public static Pledge readable(CurrentUser user, Pledge pledge) {
        if (!canRead(user, pledge)) {
            throw notFound(pledge.id());
        }
        return pledge;
    }

    public static NotFoundException notFound(String id) {
        return new NotFoundException("No pledge " + id);
    }

    /** A member registers their own individual pledge in their own unit; an officer any pledge in their subtree. */
    public static void requireCanRegister(CurrentUser user, PledgeRequest request, List<String> unitPath) {
        if (officerOver(user, unitPath)) {
            return;
        }
        if (user.has(Role.MEMBER) && request.pledger().kind() == PledgerKind.INDIVIDUAL
                && user.sub().equals(request.pledger().memberId()) && request.unitId().equals(user.unitId())) {
            return;
        }
        throw new ForbiddenException(user.has(Role.MEMBER) && !isOfficer(user)
                ? "A member registers only their own individual pledge, in their own unit"
                : "Registering pledges of unit " + request.unitId() + " is outside your scope");
    }

    /** Revise and self-assess: the member who pledged, or an officer over the pledge's unit. */
    public static void requireCanManage(CurrentUser user, Pledge pledge) {
        if (officerOver(user, pledge.unitPath()) || (user.has(Role.MEMBER) && pledge.individualOf(user.sub()))) {
            return;
        }
        throw new ForbiddenException("You may read this pledge but not change it");
    }

    /** Withdraw: an officer over the pledge's unit. */
    public static void requireCanWithdraw(CurrentUser user, Pledge pledge) {
        if (!officerOver(user, pledge.unitPath())) {
            throw new ForbiddenException("Only an officer over the pledge's unit withdraws it");
        }
    }

    /** Evaluate: an officer over the pledge's unit, never their own pledge. */
    public static void requireCanEvaluate(CurrentUser user, Pledge pledge) {
        if (!officerOver(user, pledge.unitPath())) {
            throw new ForbiddenException("Only an officer over the pledge's unit evaluates it");
        }
        if (pledge.individualOf(user.sub())) {
            throw new ForbiddenException("Nobody evaluates their own pledge");
        }
    }

    /** The pledges a list may show the caller. */
    public static PledgeScope visibleTo(CurrentUser user) {
        if (user.readsEverything()) {
            return PledgeScope.EVERYTHING;
        }
        if (isOfficer(user) && user.unitId() != null) {
            return PledgeScope.subtreeAndOwn(user.unitId(), user.sub());
        }
        return PledgeScope.own(user.sub());
    }
}
