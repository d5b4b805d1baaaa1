package vn.neuguong.pledge.pledge;

/** Body of {@code POST /api/pledges/{id}/withdrawal}. */
public record WithdrawalRequest(String reason) {
}
