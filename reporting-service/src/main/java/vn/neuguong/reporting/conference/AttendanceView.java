package vn.neuguong.reporting.conference;

import java.time.Instant;

/** A unit's attendance as stored after a check-in; {@code version} counts the unit's check-ins. */
public record AttendanceView(String conferenceId, String unitId, String unitName, long connectionPoints,
        long attendees, long version, Instant reportedAt) {

    static AttendanceView of(AttendanceDocument attendance) {
        return new AttendanceView(attendance.conferenceId(), attendance.unitId(), attendance.unitName(),
                attendance.connectionPoints(), attendance.attendees(), attendance.version(), attendance.reportedAt());
    }
}
