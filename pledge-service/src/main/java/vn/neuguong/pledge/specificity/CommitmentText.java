package vn.neuguong.pledge.specificity;

import java.time.LocalDate;

/** The parts of a commitment the specificity check reads. */
public record CommitmentText(String action, String linkedDuty, String measure, String target, LocalDate dueDate) {
}
