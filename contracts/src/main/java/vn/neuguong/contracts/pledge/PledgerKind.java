package vn.neuguong.contracts.pledge;

public enum PledgerKind {
    INDIVIDUAL, COLLECTIVE
}
