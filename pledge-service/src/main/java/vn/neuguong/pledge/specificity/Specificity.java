package vn.neuguong.pledge.specificity;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * How concrete a pledge is: {@code score} from 0 (entirely generic) to 1, the mean of its commitments' scores;
 * {@code generic} when half or more of its commitments score below {@link SpecificityChecker#GENERIC_BELOW}; and the
 * findings that explain the score.
 */
public record Specificity(double score, boolean generic, List<Finding> findings) {

    /** The same, with each near-copy naming the pledge given by {@code naming} (the finding's as it stands). */
    public Specificity namingCopies(UnaryOperator<Finding.CopiedPledge> naming) {
        return new Specificity(score, generic, findings.stream()
                .map(finding -> finding.copyOf() == null ? finding : finding.withCopyOf(naming.apply(finding.copyOf())))
                .toList());
    }

    /** The same without the pledges copied: for a reader who may not see them. */
    public Specificity withoutCopiedPledges() {
        return namingCopies(copied -> null);
    }
}
