package vn.neuguong.reporting.conference;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import vn.neuguong.platform.web.IdempotencyKey;

/**
 * An online review conference (collection {@value #COLLECTION}).
 *
 * @param sequence      raised by every check-in after its attendance is written; instances poll it to know when to
 *                      recount the totals
 * @param lastCheckInAt when the latest check-in happened
 * @param creationKey   the Idempotency-Key of the creating request (its id is derived from it), or null
 */
@Document(ConferenceDocument.COLLECTION)
public record ConferenceDocument(@Id String id, String title, String hostUnitId, String hostUnitName,
        List<String> hostUnitPath, Instant startsAt, String createdBy, Instant createdAt, long sequence,
        Instant lastCheckInAt, IdempotencyKey creationKey) {

    public static final String COLLECTION = "conferences";
}
