package vn.neuguong.pledge.specificity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.DoublePredicate;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;
import vn.neuguong.pledge.specificity.SpecificityCorpus.LabelledCommitment;
import vn.neuguong.pledge.specificity.SpecificityCorpus.LabelledPledge;
import vn.neuguong.pledge.theme.StudyTheme;
import vn.neuguong.pledge.theme.StudyThemes;

/**
 * Measures the specificity check against the labelled corpus: precision, recall and F1 of {@code generic}, for
 * single commitments and whole pledges, on the tune part (rules and the score threshold were tuned on it) and the
 * held-out part (never looked at while tuning) separately. docs/specificity.md records the figures; this test
 * prints them and fails when the check falls below what it measured.
 */
class SpecificityCorpusTest {

    /** Floors set from the measurement (docs/specificity.md), a little below it, so that a rule change that loses quality fails. */
    private static final Quality TUNE_COMMITMENTS_FLOOR = new Quality(0.97, 0.97, 0.97);
    private static final Quality TUNE_PLEDGES_FLOOR = new Quality(0.95, 0.97, 0.97);
    private static final Quality HOLDOUT_COMMITMENTS_FLOOR = new Quality(0.85, 0.85, 0.85);
    private static final Quality HOLDOUT_PLEDGES_FLOOR = new Quality(0.80, 0.95, 0.90);

    private static SpecificityCorpus corpus;
    private static StudyThemes themes;
    private final SpecificityChecker checker = new SpecificityChecker();

    @BeforeAll
    static void load() {
        corpus = SpecificityCorpus.load();
        themes = StudyThemes.bundled(JsonMapper.builder().build());
    }

    @Test
    void theCorpusIsLargeLabelledAndFollowsTheGuide() {
        List<LabelledCommitment> commitments = corpus.pledges().stream()
                .flatMap(pledge -> pledge.commitments().stream()).toList();
        assertThat(corpus.pledges()).hasSizeGreaterThanOrEqualTo(150);
        assertThat(commitments).hasSizeGreaterThanOrEqualTo(300);
        assertThat(corpus.pledges()).extracting(LabelledPledge::id).doesNotHaveDuplicates();
        assertThat(corpus.pledges()).allSatisfy(pledge -> {
            assertThat(pledge.split()).isIn(SpecificityCorpus.TUNE, SpecificityCorpus.HOLDOUT);
            assertThat(pledge.label()).isIn(SpecificityCorpus.GENERIC, SpecificityCorpus.CONCRETE);
            assertThat(pledge.reason()).isNotBlank();
            assertThat(pledge.commitments()).isNotEmpty();
            long generic = pledge.commitments().stream().filter(LabelledCommitment::generic).count();
            assertThat(pledge.generic()).as("%s: generic when half or more of its commitments are", pledge.id())
                    .isEqualTo(2 * generic >= pledge.commitments().size());
        });
        assertThat(commitments).allSatisfy(commitment -> {
            assertThat(commitment.label()).isIn(SpecificityCorpus.GENERIC, SpecificityCorpus.CONCRETE);
            assertThat(commitment.reason()).isNotBlank();
            assertThat(commitment.action()).isNotBlank();
        });
        double holdoutShare = (double) corpus.split(SpecificityCorpus.HOLDOUT).size() / corpus.pledges().size();
        assertThat(holdoutShare).isBetween(0.25, 0.35);
    }

    @Test
    void genericIsFoundWithTheMeasuredPrecisionAndRecall() {
        Map<String, Quality> measured = new TreeMap<>();
        for (String split : List.of(SpecificityCorpus.TUNE, SpecificityCorpus.HOLDOUT)) {
            measured.put(split + " commitments", commitmentQuality(split, score -> score < SpecificityChecker.GENERIC_BELOW));
            measured.put(split + " pledges", pledgeQuality(split));
        }
        measured.forEach((part, quality) -> System.out.printf("specificity %-20s %s%n", part, quality));
        printCalibration();

        assertThat(measured.get("tune commitments")).satisfies(q -> q.atLeast(TUNE_COMMITMENTS_FLOOR));
        assertThat(measured.get("tune pledges")).satisfies(q -> q.atLeast(TUNE_PLEDGES_FLOOR));
        assertThat(measured.get("holdout commitments")).satisfies(q -> q.atLeast(HOLDOUT_COMMITMENTS_FLOOR));
        assertThat(measured.get("holdout pledges")).satisfies(q -> q.atLeast(HOLDOUT_PLEDGES_FLOOR));
    }

    /** F1 of single commitments on the tune part for each threshold: where {@link SpecificityChecker#GENERIC_BELOW} comes from. */
    private void printCalibration() {
        StringBuilder line = new StringBuilder("specificity calibration on tune (threshold: F1)");
        for (int hundredths = 30; hundredths <= 90; hundredths += 5) {
            double threshold = hundredths / 100.0;
            line.append(String.format(" %.2f:%.3f", threshold,
                    commitmentQuality(SpecificityCorpus.TUNE, score -> score < threshold).f1()));
        }
        System.out.println(line);
    }

    private Quality commitmentQuality(String split, DoublePredicate generic) {
        Confusion confusion = new Confusion();
        for (LabelledPledge pledge : corpus.split(split)) {
            String theme = themeTitle(pledge.year());
            for (LabelledCommitment commitment : pledge.commitments()) {
                double score = checker.check(List.of(commitment.text()), theme, List.of()).score();
                confusion.add(commitment.generic(), generic.test(score));
            }
        }
        return confusion.quality();
    }

    private Quality pledgeQuality(String split) {
        Confusion confusion = new Confusion();
        for (LabelledPledge pledge : corpus.split(split)) {
            confusion.add(pledge.generic(), checker.check(pledge.texts(), themeTitle(pledge.year()), List.of()).generic());
        }
        return confusion.quality();
    }

    private static String themeTitle(int year) {
        return themes.covering(year).map(StudyTheme::title).orElse(null);
    }

    private static final class Confusion {
        private int truePositives;
        private int falsePositives;
        private int falseNegatives;
        private int trueNegatives;

        void add(boolean labelledGeneric, boolean foundGeneric) {
            if (labelledGeneric && foundGeneric) {
                truePositives++;
            } else if (foundGeneric) {
                falsePositives++;
            } else if (labelledGeneric) {
                falseNegatives++;
            } else {
                trueNegatives++;
            }
        }

        Quality quality() {
            double precision = truePositives == 0 ? 0 : (double) truePositives / (truePositives + falsePositives);
            double recall = truePositives == 0 ? 0 : (double) truePositives / (truePositives + falseNegatives);
            return new Quality(precision, recall, precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall),
                    truePositives, falsePositives, falseNegatives, trueNegatives);
        }
    }

    record Quality(double precision, double recall, double f1, int tp, int fp, int fn, int tn) {

        Quality(double precision, double recall, double f1) {
            this(precision, recall, f1, 0, 0, 0, 0);
        }

        void atLeast(Quality floor) {
            assertThat(precision).as("precision").isGreaterThanOrEqualTo(floor.precision());
            assertThat(recall).as("recall").isGreaterThanOrEqualTo(floor.recall());
            assertThat(f1).as("F1").isGreaterThanOrEqualTo(floor.f1());
        }

        @Override
        public String toString() {
            return String.format("precision %.3f  recall %.3f  F1 %.3f  (tp %d, fp %d, fn %d, tn %d)",
                    precision, recall, f1, tp, fp, fn, tn);
        }
    }
}
