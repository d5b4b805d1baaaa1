package vn.neuguong.reporting.orgunit;

/** Body of {@code PUT /api/org-units/{id}/member-count}. */
public record MemberCount(Long memberCount) {
}
