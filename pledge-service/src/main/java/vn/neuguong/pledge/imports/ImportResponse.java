package vn.neuguong.pledge.imports;

import java.time.Instant;
import java.util.List;

/** What {@code GET /api/pledges/imports/{jobId}} shows. {@code accepted} and {@code duplicates} count pledges. */
public record ImportResponse(String jobId, ImportFormat format, ImportStatus status, long rowsTotal, long rowsRead,
        long accepted, long duplicates, long rejectedRowCount, List<RejectedRow> rejectedRows,
        boolean rejectedRowsTruncated, String failureReason, Instant createdAt, Instant startedAt,
        Instant finishedAt) {

    static ImportResponse of(ImportJob job) {
        List<RejectedRow> rows = job.rejectedRows() == null ? List.of() : job.rejectedRows();
        return new ImportResponse(job.id(), job.format(), job.status(), job.rowsTotal(), job.rowsRead(),
                job.accepted(), job.duplicates(), job.rejectedRowCount(), rows, job.rejectedRowCount() > rows.size(),
                job.failureReason(), job.createdAt(), job.startedAt(), job.finishedAt());
    }

    public record Accepted(String jobId) {
    }
}
