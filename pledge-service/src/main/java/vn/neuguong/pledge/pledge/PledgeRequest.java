package vn.neuguong.pledge.pledge;

import java.time.LocalDate;
import java.util.List;

import vn.neuguong.contracts.pledge.PledgerKind;

/**
 * Body of {@code POST /api/pledges} and {@code PUT /api/pledges/{id}}, and one line of an NDJSON import. Only what
 * the pledger decides: the server sets id, status, version, unit path, timestamps and who registered.
 */
public record PledgeRequest(Integer year, String unitId, Pledger pledger, String themeId,
        List<Commitment> commitments) {

    public record Pledger(PledgerKind kind, String memberId, String fullName, String position, String name) {
    }

    public record Commitment(CommitmentArea area, String action, String linkedDuty, String measure, String target,
            LocalDate dueDate) {
    }
}
