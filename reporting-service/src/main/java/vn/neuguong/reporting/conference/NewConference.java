package vn.neuguong.reporting.conference;

import java.time.Instant;

/** Body of {@code POST /api/conferences}. */
public record NewConference(String title, String hostUnitId, Instant startsAt) {
}
