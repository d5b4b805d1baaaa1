package vn.neuguong.contracts.inbound;

import java.time.Instant;
import java.util.Map;

/**
 * Data of an outcome on {@code neuguong.outcomes.<publisher>}: what became of one command. The outcome's
 * {@code ce_id} is derived from the command's, so a command delivered twice answers the same outcome twice.
 *
 * @param entityId the entity the command created or changed (accepted only)
 * @param version  the entity's version after the command (accepted only)
 * @param problem  an RFC 9457 problem detail as the API would answer it, with {@code errors: [{field, message}]}
 *                 for field problems (rejected only)
 */
public record CommandOutcome(
        String commandId,
        String commandType,
        String subject,
        Status status,
        String entityId,
        Long version,
        Map<String, Object> problem,
        Instant decidedAt) {

    public static final String ACCEPTED_TYPE = "vn.neuguong.command.accepted.v1";
    public static final String REJECTED_TYPE = "vn.neuguong.command.rejected.v1";

    public enum Status {
        ACCEPTED, REJECTED
    }

    public String type() {
        return status == Status.ACCEPTED ? ACCEPTED_TYPE : REJECTED_TYPE;
    }
}
