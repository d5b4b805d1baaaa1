package vn.neuguong.pledge.imports;

import java.time.LocalDate;
import java.util.List;

import vn.neuguong.pledge.pledge.PledgeRequest;

/**
 * One pledge read from an import file: the rows it came from, the day it was signed if the file declares it, and
 * either its request or the problems that kept it from being read (then {@code request} is null).
 */
record PledgeDraft(List<Long> rows, PledgeRequest request, LocalDate signedOn, List<RejectedRow> unreadable) {

    static PledgeDraft read(List<Long> rows, PledgeRequest request, LocalDate signedOn) {
        return new PledgeDraft(rows, request, signedOn, List.of());
    }

    static PledgeDraft unreadable(List<Long> rows, List<RejectedRow> problems) {
        return new PledgeDraft(rows, null, null, problems);
    }
}
