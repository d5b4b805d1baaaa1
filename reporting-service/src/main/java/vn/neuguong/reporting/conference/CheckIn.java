package vn.neuguong.reporting.conference;

/** Body of {@code POST /api/conferences/{id}/attendance}: a unit's latest figures, replacing its earlier ones. */
public record CheckIn(String unitId, Long connectionPoints, Long attendees) {
}
