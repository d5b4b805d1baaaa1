package vn.neuguong.pledge.specificity;

/** An action of another pledge of the same unit and year that may be near-copied, and that pledge's id if known. */
public record CopyCandidate(String action, String pledgeId) {
}
