package vn.neuguong.reporting.orgunit;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A member-count file applied with an Idempotency-Key (collection {@value #COLLECTION}): the file changes many units,
 * so its key and its outcome are remembered apart from them, to answer a retry with the first outcome. Applying a
 * file twice sets the same counts, so a retry after a crash between the units' writes and this record only finds
 * nothing left to change.
 *
 * @param creationKey the caller-scoped key (uniquely indexed)
 */
@Document(MemberCountFile.COLLECTION)
record MemberCountFile(@Id String id, String creationKey, String requestHash, MemberCountImport outcome,
        Instant appliedAt) {

    static final String COLLECTION = "member_count_files";
}
