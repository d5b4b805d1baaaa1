package vn.neuguong.pledge.pledge;

/**
 * The pledges a caller may read in a list or a summary (DESIGN.md Security): every pledge; or the pledges of a
 * unit's subtree and their own; or their own only. {@link PledgeAccess#visibleTo} decides it and
 * {@link PledgeRepository} turns it into a query.
 *
 * @param subtree  the unit whose subtree's pledges are in scope, or null
 * @param memberId the member whose own individual pledges are in scope, or null
 */
public record PledgeScope(boolean everything, String subtree, String memberId) {

    static final PledgeScope EVERYTHING = new PledgeScope(true, null, null);

    static PledgeScope own(String memberId) {
        return new PledgeScope(false, null, memberId);
    }

    static PledgeScope subtreeAndOwn(String unitId, String memberId) {
        return new PledgeScope(false, unitId, memberId);
    }
}
