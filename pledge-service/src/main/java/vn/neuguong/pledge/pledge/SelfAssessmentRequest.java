package vn.neuguong.pledge.pledge;

import java.util.List;

/** Body of {@code POST /api/pledges/{id}/self-assessment}: one outcome per commitment. */
public record SelfAssessmentRequest(List<Outcome> outcomes, String summary) {

    public record Outcome(Integer commitmentIndex, Boolean done, String note) {
    }
}
