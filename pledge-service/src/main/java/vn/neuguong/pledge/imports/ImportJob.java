package vn.neuguong.pledge.imports;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import vn.neuguong.contracts.Role;
import vn.neuguong.platform.security.CurrentUser;

/**
 * A bulk import and its progress. {@code accepted} and {@code duplicates} count pledges; {@code rejectedRowCount}
 * counts rows, of which at most {@code neuguong.pledges.imports.max-rejected-details} are detailed in
 * {@code rejectedRows}; as many duplicates are named by their first row in {@code duplicateRows}, and generic pledges in
 * {@code genericPledges}. {@code owner} is the instance processing it, which touches {@code heartbeatAt} while it
 * works; a job whose owner stopped touching it was interrupted and is marked {@code FAILED}.
 */
@Document(ImportJob.COLLECTION)
public record ImportJob(
        @Id String id,
        ImportFormat format,
        ImportStatus status,
        Importer importer,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        Instant heartbeatAt,
        String owner,
        long rowsTotal,
        long rowsRead,
        long accepted,
        long duplicates,
        long rejectedRowCount,
        List<RejectedRow> rejectedRows,
        List<Long> duplicateRows,
        long genericCount,
        List<GenericPledge> genericPledges,
        String failureReason,
        String creationKey) {

    public static final String COLLECTION = "pledge_imports";

    /** Who started the import: every row is authorized as if they had posted it. */
    public record Importer(String sub, String name, String unitId, Set<Role> roles) {

        static Importer of(CurrentUser user) {
            return new Importer(user.sub(), user.name(), user.unitId(), user.roles());
        }

        CurrentUser asUser() {
            return new CurrentUser(sub, name, unitId, roles == null ? Set.of() : roles);
        }
    }
}
