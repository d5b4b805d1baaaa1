package vn.neuguong.pledge.imports;

import java.util.List;

import vn.neuguong.pledge.pledge.PledgeRequest;

/**
 * One pledge read from an import file: the rows it came from and either its request or the problems that kept it
 * from being read (then {@code request} is null).
 */
record PledgeDraft(List<Long> rows, PledgeRequest request, List<RejectedRow> unreadable) {

    static PledgeDraft read(List<Long> rows, PledgeRequest request) {
        return new PledgeDraft(rows, request, List.of());
    }

    static PledgeDraft unreadable(List<Long> rows, List<RejectedRow> problems) {
        return new PledgeDraft(rows, null, problems);
    }
}
