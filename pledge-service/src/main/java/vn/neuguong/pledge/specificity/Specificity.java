package vn.neuguong.pledge.specificity;

import java.util.List;

/**
 * How concrete a pledge is: {@code score} from 0 (entirely generic) to 1, {@code generic} when the score is below
 * {@link SpecificityChecker#GENERIC_BELOW}, and the findings that explain the score.
 */
public record Specificity(double score, boolean generic, List<Finding> findings) {
}
