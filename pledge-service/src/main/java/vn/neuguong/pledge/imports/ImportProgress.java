package vn.neuguong.pledge.imports;

import java.util.ArrayList;
import java.util.List;

/** The counters of a running import, kept by its one worker and saved after each batch. */
final class ImportProgress {

    private final int maxRejectedDetails;
    private final List<RejectedRow> rejectedRows = new ArrayList<>();
    private long rowsRead;
    private long accepted;
    private long duplicates;
    private long rejectedRowCount;

    ImportProgress(int maxRejectedDetails) {
        this.maxRejectedDetails = maxRejectedDetails;
    }

    void read(int rows) {
        rowsRead += rows;
    }

    void accepted(long pledges) {
        accepted += pledges;
    }

    void duplicate() {
        duplicates++;
    }

    /** Counts each distinct row once, details the first {@code maxRejectedDetails}. */
    void rejected(List<RejectedRow> rows) {
        rejectedRowCount += rows.size();
        for (RejectedRow row : rows) {
            if (rejectedRows.size() < maxRejectedDetails) {
                rejectedRows.add(row);
            }
        }
    }

    long rowsRead() {
        return rowsRead;
    }

    long accepted() {
        return accepted;
    }

    long duplicates() {
        return duplicates;
    }

    long rejectedRowCount() {
        return rejectedRowCount;
    }

    List<RejectedRow> rejectedRows() {
        return List.copyOf(rejectedRows);
    }
}
