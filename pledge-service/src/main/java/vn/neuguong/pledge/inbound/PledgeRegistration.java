package vn.neuguong.pledge.inbound;

import java.time.LocalDate;
import java.util.List;

import vn.neuguong.pledge.pledge.PledgeRequest;

/**
 * The data of a register command: the body of {@code POST /api/pledges} and, as in an import, the day the pledge was
 * signed in the province's own records ({@code signedOn}, optional), which the API never takes.
 */
record PledgeRegistration(Integer year, String unitId, PledgeRequest.Pledger pledger, String themeId,
        List<PledgeRequest.Commitment> commitments, LocalDate signedOn) {

    PledgeRequest request() {
        return new PledgeRequest(year, unitId, pledger, themeId, commitments);
    }
}
