package vn.neuguong.pledge.imports;

import java.util.ArrayList;
import java.util.List;

/** The counters of a running import, kept by its one worker and saved after each batch. */
final class ImportProgress {

    private final int maxRejectedDetails;
    private final List<RejectedRow> rejectedRows = new ArrayList<>();
    private final List<Long> duplicateRows = new ArrayList<>();
    private final List<GenericPledge> genericPledges = new ArrayList<>();
    private long genericCount;
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

    /** A pledge the pledger had already, named by its first row. */
    void duplicate(long row) {
        duplicates++;
        if (duplicateRows.size() < maxRejectedDetails) {
            duplicateRows.add(row);
        }
    }

    /** An imported pledge judged generic ("chung chung"). */
    void generic(GenericPledge pledge) {
        genericCount++;
        if (genericPledges.size() < maxRejectedDetails) {
            genericPledges.add(pledge);
        }
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

    List<Long> duplicateRows() {
        return List.copyOf(duplicateRows);
    }

    long genericCount() {
        return genericCount;
    }

    List<GenericPledge> genericPledges() {
        return List.copyOf(genericPledges);
    }
}
