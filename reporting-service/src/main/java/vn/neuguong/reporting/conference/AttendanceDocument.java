package vn.neuguong.reporting.conference;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import vn.neuguong.platform.web.IdempotencyKey;

/**
 * The latest attendance a unit reported for a conference (collection {@value #COLLECTION}), one document per
 * conference and unit ({@code _id} {@code conferenceId|unitId}): a new figure replaces the old one and raises the
 * version, so repeating a check-in never adds to the totals.
 *
 * @param provinceId  the province the unit belongs to (its path's second id), or {@code vn} for the central venue
 * @param appliedKeys the Idempotency-Keys of the unit's last check-ins, stored with the figures each wrote
 */
@Document(AttendanceDocument.COLLECTION)
public record AttendanceDocument(@Id String id, String conferenceId, String unitId, String unitName,
        String provinceId, long connectionPoints, long attendees, long version, Instant reportedAt, String reportedBy,
        List<IdempotencyKey> appliedKeys) {

    public static final String COLLECTION = "conference_attendance";

    public static String idOf(String conferenceId, String unitId) {
        return conferenceId + "|" + unitId;
    }
}
