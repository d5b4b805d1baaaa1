package vn.neuguong.pledge.pledge;

import vn.neuguong.contracts.pledge.PledgeStatus;

/**
 * What a pledge list asks for within its {@link PledgeScope}; a null part asks for anything.
 *
 * @param unitId  pledges of this unit's subtree
 * @param generic only generic ("chung chung") pledges, or only the others
 */
public record PledgeFilter(String unitId, Integer year, PledgeStatus status, Boolean generic) {
}
