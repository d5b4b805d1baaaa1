package vn.neuguong.pledge.imports;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import vn.neuguong.platform.web.ProblemMessages;

/** What {@code GET /api/pledges/imports/{jobId}} shows. {@code accepted} and {@code duplicates} count pledges. */
public record ImportResponse(String jobId, ImportFormat format, ImportStatus status, long rowsTotal, long rowsRead,
        long accepted, long duplicates, long rejectedRowCount, List<RejectedRow> rejectedRows,
        boolean rejectedRowsTruncated, List<Long> duplicateRows, long genericCount, List<GenericPledge> genericPledges,
        String failureReason, Instant createdAt, Instant startedAt,
        Instant finishedAt) {

    static ImportResponse of(ImportJob job) {
        List<RejectedRow> rows = job.rejectedRows() == null ? List.of() : job.rejectedRows();
        return new ImportResponse(job.id(), job.format(), job.status(), job.rowsTotal(), job.rowsRead(),
                job.accepted(), job.duplicates(), job.rejectedRowCount(), rows, job.rejectedRowCount() > rows.size(),
                orEmpty(job.duplicateRows()), job.genericCount(), orEmpty(job.genericPledges()), job.failureReason(), job.createdAt(), job.startedAt(), job.finishedAt());
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    /** The reasons of rejected rows and of a failure in the reader's language. */
    ImportResponse translated(ProblemMessages messages, Locale locale) {
        List<RejectedRow> rows = rejectedRows.stream()
                .map(row -> new RejectedRow(row.row(), messages.translate(row.errors(), locale))).toList();
        return new ImportResponse(jobId, format, status, rowsTotal, rowsRead, accepted, duplicates, rejectedRowCount,
                rows, rejectedRowsTruncated, duplicateRows, genericCount, genericPledges,
                messages.translate(failureReason, locale), createdAt, startedAt,
                finishedAt);
    }

    public record Accepted(String jobId) {
    }
}
