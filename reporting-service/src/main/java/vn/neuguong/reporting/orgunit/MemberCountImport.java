package vn.neuguong.reporting.orgunit;

/** Outcome of a member-count file: how many units got a new count and how many already had it. */
public record MemberCountImport(int updated, int unchanged) {
}
