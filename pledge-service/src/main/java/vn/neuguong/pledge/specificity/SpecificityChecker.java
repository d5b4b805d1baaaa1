package vn.neuguong.pledge.specificity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Scores how concrete a pledge's commitments are (DESIGN.md: reviews keep finding "chung chung" pledges). Each
 * commitment starts at 1 and loses the weight of each {@link FindingCode} it triggers (never below 0); a commitment
 * scoring below {@link #GENERIC_BELOW} is generic, and so is a pledge half or more of whose commitments are. The
 * pledge's score is the mean over its commitments, rounded to two decimals. Every finding quotes the words that
 * triggered it. See docs/specificity.md, and SpecificityCorpusTest for what the rules are measured to be worth.
 */
public final class SpecificityChecker {

    /** A commitment scoring below this is generic: calibrated on the tune part of the labelled corpus. */
    public static final double GENERIC_BELOW = 0.6;
    /** Word-bigram Jaccard similarity from which two texts are near-copies. */
    public static final double NEAR_COPY_THRESHOLD = 0.6;
    /** An action with fewer words than this cannot describe concrete work. */
    public static final int MIN_ACTION_WORDS = 6;
    /** A run of this many words of the theme's title, making up half the action or more, copies the theme. */
    static final int THEME_RUN_WORDS = 6;

    private static final DateTimeFormatter DAY_MONTH_YEAR = DateTimeFormatter.ofPattern("d/M/yyyy");

    /** As {@link #check(List, String, List)} with candidates whose pledge is not known. */
    public Specificity checkAgainstActions(List<CommitmentText> commitments, String themeTitle,
                                           List<String> otherPledgeActions) {
        return check(commitments, themeTitle,
                otherPledgeActions.stream().map(action -> new CopyCandidate(action, null)).toList());
    }

    /**
     * @param themeTitle  the title of the pledge's study theme, or null when the year has none
     * @param candidates  actions of other pledges of the same unit and year that may be near-copies (found by
     *                    {@link MinHash} band keys; confirmed here); a copy names the candidate's pledge
     */
    public Specificity check(List<CommitmentText> commitments, String themeTitle, List<CopyCandidate> candidates) {
        if (commitments.isEmpty()) {
            return new Specificity(0, true, List.of());
        }
        FoldedText theme = FoldedText.of(themeTitle);
        Set<String> themeShingles = Shingles.of(themeTitle);
        OtherActions otherShingles = new OtherActions(candidates);
        List<Finding> findings = new ArrayList<>();
        double total = 0;
        int generic = 0;
        for (int index = 0; index < commitments.size(); index++) {
            List<Finding> ofCommitment = findingsOf(commitments.get(index), index, theme, themeShingles,
                    otherShingles);
            double score = round(Math.max(0, 1 - ofCommitment.stream().mapToDouble(f -> f.code().weight()).sum()));
            findings.addAll(ofCommitment);
            total += score;
            if (score < GENERIC_BELOW) {
                generic++;
            }
        }
        return new Specificity(round(total / commitments.size()), 2 * generic >= commitments.size(),
                List.copyOf(findings));
    }

    private static double round(double score) {
        return BigDecimal.valueOf(score).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }

    private static List<Finding> findingsOf(CommitmentText commitment, int index, FoldedText theme,
                                            Set<String> themeShingles, OtherActions otherShingles) {
        List<Finding> findings = new ArrayList<>();
        FoldedText action = FoldedText.of(commitment.action());
        if (isBlank(commitment.linkedDuty())) {
            findings.add(Finding.of(FindingCode.NO_LINKED_DUTY, index));
        } else if (Vocabulary.DUTY_WORDS.stream().noneMatch(FoldedText.of(commitment.linkedDuty())::contains)) {
            findings.add(Finding.of(FindingCode.VAGUE_DUTY, index, List.of(commitment.linkedDuty().strip())));
        }
        Checkability checkability = Checkability.of(commitment.action(), commitment.target());
        if (!checkability.checkable()) {
            if (!checkability.numbersWithoutObject().isEmpty()) {
                findings.add(Finding.of(FindingCode.NUMBER_WITHOUT_OBJECT, index,
                        checkability.numbersWithoutObject()));
            } else if (checkability.vagueTarget() != null) {
                findings.add(Finding.of(FindingCode.VAGUE_TARGET, index, List.of(checkability.vagueTarget())));
            } else {
                findings.add(Finding.of(FindingCode.NO_MEASURABLE_TARGET, index));
            }
            List<String> stock = stockPhrases(action);
            if (!stock.isEmpty()) {
                findings.add(Finding.of(FindingCode.GENERIC_WORDING, index, stock));
            }
        }
        String copiedTheme = copiedTheme(action, commitment.action(), theme, themeShingles);
        if (copiedTheme != null) {
            findings.add(Finding.of(FindingCode.COPIES_THEME, index, List.of(copiedTheme)));
        }
        otherShingles.nearCopyOf(Shingles.of(commitment.action())).ifPresent(copied -> {
            Finding copy = Finding.of(FindingCode.COPIES_OTHER_PLEDGE, index, List.of(commitment.action().strip()));
            findings.add(copied.pledgeId() == null ? copy
                    : copy.withCopyOf(new Finding.CopiedPledge(copied.pledgeId(), null)));
        });
        if (isBlank(commitment.measure())) {
            findings.add(Finding.of(FindingCode.NO_MEASURE, index));
        }
        LocalDate due = commitment.dueDate();
        if (due == null) {
            findings.add(Finding.of(FindingCode.NO_DUE_DATE, index));
        } else if (due.getMonthValue() == 12 && due.getDayOfMonth() == 31) {
            findings.add(Finding.of(FindingCode.YEAR_END_DUE_DATE, index, List.of(due.format(DAY_MONTH_YEAR))));
        }
        if (action.size() < MIN_ACTION_WORDS) {
            findings.add(Finding.of(FindingCode.TOO_SHORT, index,
                    action.isEmpty() ? List.of() : List.of(commitment.action().strip())));
        }
        return findings;
    }

    /** The stock phrases of the action as written, in the order they come, none inside another. */
    private static List<String> stockPhrases(FoldedText action) {
        boolean[] taken = new boolean[action.size()];
        SortedMap<Integer, String> found = new TreeMap<>();
        for (String phrase : Vocabulary.STOCK_PHRASES) {
            int length = FoldedText.wordCount(phrase);
            for (int at = action.indexOf(phrase, 0); at >= 0; at = action.indexOf(phrase, at + 1)) {
                boolean free = true;
                for (int i = at; i < at + length; i++) {
                    free &= !taken[i];
                }
                if (free) {
                    Arrays.fill(taken, at, at + length, true);
                    found.put(at, action.span(at, at + length));
                }
            }
        }
        return List.copyOf(found.values());
    }

    /**
     * The words of the action copied from the theme's title: all of it when the two are near-copies, else the
     * longest run of words they share when it is long and makes up half the action or more; null when not copied.
     */
    private static String copiedTheme(FoldedText action, String written, FoldedText theme, Set<String> themeShingles) {
        if (theme.isEmpty() || action.isEmpty()) {
            return null;
        }
        if (Shingles.jaccard(Shingles.of(written), themeShingles) >= NEAR_COPY_THRESHOLD) {
            return written.strip();
        }
        int bestLength = 0;
        int bestEnd = 0;
        int[] previous = new int[theme.size() + 1];
        for (int i = 1; i <= action.size(); i++) {
            int[] current = new int[theme.size() + 1];
            for (int j = 1; j <= theme.size(); j++) {
                if (action.words().get(i - 1).folded().equals(theme.words().get(j - 1).folded())) {
                    current[j] = previous[j - 1] + 1;
                    if (current[j] > bestLength) {
                        bestLength = current[j];
                        bestEnd = i;
                    }
                }
            }
            previous = current;
        }
        return bestLength >= THEME_RUN_WORDS && 2 * bestLength >= action.size()
                ? action.span(bestEnd - bestLength, bestEnd) : null;
    }

    /**
     * The other pledges' actions, compared in order: a real copy is usually found among the first candidates, so
     * templated pledges of a whole unit do not cost a comparison with every one of them.
     */
    private record OtherActions(List<CopyCandidate> candidates) {

        Optional<CopyCandidate> nearCopyOf(Set<String> action) {
            for (CopyCandidate candidate : candidates) {
                if (Shingles.jaccard(action, candidate.shingles()) >= NEAR_COPY_THRESHOLD) {
                    return Optional.of(candidate);
                }
            }
            return Optional.empty();
        }
    }

    /** Whether the text says something checkable (see {@link Checkability}). */
    static boolean measurable(String text) {
        return Checkability.of(text, null).checkable();
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
