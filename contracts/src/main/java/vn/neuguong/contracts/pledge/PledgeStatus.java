package vn.neuguong.contracts.pledge;

public enum PledgeStatus {
    REGISTERED, SELF_ASSESSED, EVALUATED, WITHDRAWN
}
