package vn.neuguong.recognition.nomination;

/**
 * The nominations a caller may read in a list (docs/recognition.md): every nomination; or those naming them, plus,
 * for officers and council members, those of their unit's subtree or reviewed in it. {@link NominationAccess#visibleTo}
 * decides it and {@link NominationRepository} turns it into a query.
 *
 * @param memberId the member whose own nominations are in scope, or null
 * @param subtree  the unit whose subtree's nominations (as nominee's unit or reviewing unit) are in scope, or null
 */
record NominationScope(boolean everything, String memberId, String subtree) {

    static final NominationScope EVERYTHING = new NominationScope(true, null, null);
}
