package vn.neuguong.reporting.conference;

import java.time.Instant;

/** A conference as the API shows it. */
public record ConferenceView(String id, String title, String hostUnitId, String hostUnitName, Instant startsAt,
        String createdBy, Instant createdAt, long checkIns, Instant lastCheckInAt) {

    static ConferenceView of(ConferenceDocument conference) {
        return new ConferenceView(conference.id(), conference.title(), conference.hostUnitId(),
                conference.hostUnitName(), conference.startsAt(), conference.createdBy(), conference.createdAt(),
                conference.sequence(), conference.lastCheckInAt());
    }
}
