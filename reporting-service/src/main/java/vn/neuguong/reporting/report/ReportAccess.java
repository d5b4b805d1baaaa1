package vn.neuguong.reporting.report;

import vn.neuguong.contracts.Role;
import vn.neuguong.contracts.orgunit.OrgUnit;
import vn.neuguong.contracts.orgunit.OrgUnitLevel;
import vn.neuguong.platform.security.CurrentUser;

/**
 * Who may do what with a unit's reports. The unit's own officers submit (the central board submits the central
 * report); the officers of the parent unit review (the central board reviews the provinces' reports, and adopts
 * the central report, which has no parent). Officers read the reports of their subtree; the central board and
 * administrators read everything.
 */
public final class ReportAccess {

    public static boolean canRead(CurrentUser user, OrgUnit unit) {
        return user.readsEverything() || (readsOwnSubtree(user) && user.covers(unit.path()));
    }

    /** Officers and council members read the reports of their unit's subtree. */
    public static boolean readsOwnSubtree(CurrentUser user) {
        return user.unitId() != null && user.hasAny(Role.UNIT_OFFICER, Role.PROVINCE_OFFICER, Role.COUNCIL_MEMBER);
    }

    public static boolean canSubmit(CurrentUser user, OrgUnit unit) {
        if (unit.level() == OrgUnitLevel.CENTRAL) {
            return user.has(Role.CENTRAL_BOARD);
        }
        return user.hasAny(Role.UNIT_OFFICER, Role.PROVINCE_OFFICER) && unit.id().equals(user.unitId());
    }

    /**
     * @param parent the unit's parent, null for the central unit
     */
    public static boolean canReview(CurrentUser user, OrgUnit unit, OrgUnit parent) {
        if (parent == null || parent.level() == OrgUnitLevel.CENTRAL) {
            return user.has(Role.CENTRAL_BOARD);
        }
        return user.hasAny(Role.UNIT_OFFICER, Role.PROVINCE_OFFICER) && parent.id().equals(user.unitId());
    }

    private ReportAccess() {
    }
}
