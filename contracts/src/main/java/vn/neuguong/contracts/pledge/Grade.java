package vn.neuguong.contracts.pledge;

/** Year-end evaluation of a pledge by the pledger's committee. */
public enum Grade {
    EXCELLENT, GOOD, COMPLETED, NOT_COMPLETED
}
