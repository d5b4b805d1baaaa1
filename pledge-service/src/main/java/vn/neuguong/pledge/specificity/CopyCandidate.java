package vn.neuguong.pledge.specificity;

import java.util.Set;

/**
 * An action of another pledge of the same unit and year that may be near-copied, and that pledge's id if known. Its
 * shingles are computed on first comparison and kept: an import compares each stored or imported text with many
 * pledges of its unit, and shingling it again for each was most of the check's cost (docs/performance.md).
 */
public final class CopyCandidate {

    private final String action;
    private final String pledgeId;
    private Set<String> shingles;

    public CopyCandidate(String action, String pledgeId) {
        this.action = action;
        this.pledgeId = pledgeId;
    }

    public String action() {
        return action;
    }

    /** The copied pledge, or null when not known. */
    public String pledgeId() {
        return pledgeId;
    }

    /** Not synchronized: a candidate is compared by one thread at a time (one request, or one import job). */
    Set<String> shingles() {
        if (shingles == null) {
            shingles = Shingles.of(action);
        }
        return shingles;
    }
}
