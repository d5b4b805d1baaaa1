package vn.neuguong.pledge.pledge;

import vn.neuguong.contracts.pledge.Grade;

/** Body of {@code POST /api/pledges/{id}/evaluation}. */
public record EvaluationRequest(Grade grade, String comment) {
}
