package vn.neuguong.recognition.nomination;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import vn.neuguong.contracts.recognition.Award;

/** @param decisionNo the number of the signed decision (số quyết định), e.g. "125-QĐ/ĐU" */
public record DecisionRequest(@NotNull DecisionOutcome outcome, Award award,
        @NotBlank @Size(max = 100) String decisionNo) {
}
