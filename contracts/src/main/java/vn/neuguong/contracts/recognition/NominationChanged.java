package vn.neuguong.contracts.recognition;

import java.time.Instant;
import java.util.List;

/**
 * Data of every nomination event on {@code neuguong.recognition.events} (keyed by nomination id). The unit is
 * the nominee's unit; {@code from} is null for the submission.
 */
public record NominationChanged(
        String nominationId,
        long version,
        String unitId,
        List<String> unitPath,
        int year,
        NominationSnapshot from,
        NominationSnapshot to,
        Instant occurredAt) {

    public static final String SUBMITTED = "vn.neuguong.recognition.nomination-submitted.v1";
    public static final String VOTED = "vn.neuguong.recognition.vote-cast.v1";
    public static final String DECIDED = "vn.neuguong.recognition.nomination-decided.v1";
    public static final String ESCALATED = "vn.neuguong.recognition.nomination-escalated.v1";
    public static final String REPLICATED = "vn.neuguong.recognition.model-replicated.v1";
}
