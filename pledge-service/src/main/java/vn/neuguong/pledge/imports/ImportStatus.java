package vn.neuguong.pledge.imports;

public enum ImportStatus {
    QUEUED, RUNNING, COMPLETED, FAILED
}
