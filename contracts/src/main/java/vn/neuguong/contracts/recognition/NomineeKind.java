package vn.neuguong.contracts.recognition;

/** An exemplary individual, collective, or model (a good practice: mô hình hay, cách làm hiệu quả). */
public enum NomineeKind {
    INDIVIDUAL, COLLECTIVE, MODEL
}
