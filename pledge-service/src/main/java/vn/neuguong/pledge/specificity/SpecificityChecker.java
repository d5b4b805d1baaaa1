package vn.neuguong.pledge.specificity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Scores how concrete a pledge's commitments are (DESIGN.md: reviews keep finding "chung chung" pledges). Each
 * commitment starts at 1 and loses the weight of each {@link FindingCode} it triggers (never below 0); the pledge's
 * score is the mean over its commitments, rounded to two decimals. See docs/specificity.md.
 */
public final class SpecificityChecker {

    /** A pledge scoring below this is counted as generic. */
    public static final double GENERIC_BELOW = 0.6;
    /** Word-bigram Jaccard similarity from which two texts are near-copies. */
    public static final double NEAR_COPY_THRESHOLD = 0.6;
    /** An action with fewer words than this cannot describe concrete work. */
    public static final int MIN_ACTION_WORDS = 6;

    /** Stock phrases of generic pledges, folded (see {@link VietnameseText#fold}). */
    static final List<String> STOCK_PHRASES = List.of(
            "thuc hien tot", "nang cao y thuc", "tich cuc hoc tap", "luon guong mau", "guong mau",
            "hoc tap va lam theo", "lam theo bac", "lam theo loi bac", "chap hanh tot", "nghiem tuc thuc hien",
            "hoan thanh tot nhiem vu", "khong ngung hoc tap", "tu tu duong", "ren luyen dao duc",
            "giu gin pham chat", "nang cao chat luong", "tich cuc tham gia", "co gang", "phan dau",
            "noi di doi voi lam", "can kiem liem chinh", "chi cong vo tu");

    /** Things a commitment can deliver that can be counted without a number, folded. */
    static final List<String> DELIVERABLES = List.of(
            "bao cao", "bai viet", "bai bao", "sang kien", "de an", "de tai", "mo hinh", "cong trinh",
            "tai lieu", "phan mem", "ung dung", "quy che", "quy trinh", "so tay", "video", "phong su",
            "tat ca", "toan bo");

    /** Vietnamese number words, lower case with their tone marks (folding would confuse "sáu" with "sau"). */
    private static final Set<String> NUMBER_WORDS = Set.of(
            "một", "hai", "ba", "bốn", "sáu", "bảy", "tám", "chín", "mười", "trăm", "nghìn", "ngàn", "triệu");
    /** Dates ("30/9", "15-10-2026") and years are deadlines, not targets. */
    private static final Pattern DATES = Pattern.compile(
            "\\b\\d{1,2}[/.-]\\d{1,2}([/.-]\\d{2,4})?\\b|\\b(19|20)\\d{2}\\b");
    private static final Pattern DIGIT_OR_PERCENT = Pattern.compile("[\\d%]");

    /**
     * @param themeTitle          the title of the pledge's study theme, or null when the year has none
     * @param otherPledgeActions  actions of other pledges of the same unit and year that may be near-copies
     *                            (candidates found by {@link MinHash} band keys; confirmed here)
     */
    public Specificity check(List<CommitmentText> commitments, String themeTitle, List<String> otherPledgeActions) {
        if (commitments.isEmpty()) {
            return new Specificity(0, true, List.of());
        }
        Set<String> themeShingles = Shingles.of(themeTitle);
        OtherActions otherShingles = new OtherActions(otherPledgeActions);
        List<Finding> findings = new ArrayList<>();
        double total = 0;
        for (int index = 0; index < commitments.size(); index++) {
            List<FindingCode> codes = findingsOf(commitments.get(index), themeShingles, otherShingles);
            double lost = 0;
            for (FindingCode code : codes) {
                findings.add(Finding.of(code, index));
                lost += code.weight();
            }
            total += Math.max(0, 1 - lost);
        }
        double score = BigDecimal.valueOf(total / commitments.size()).setScale(2, RoundingMode.HALF_UP).doubleValue();
        return new Specificity(score, score < GENERIC_BELOW, List.copyOf(findings));
    }

    private static List<FindingCode> findingsOf(CommitmentText commitment, Set<String> themeShingles,
                                                OtherActions otherShingles) {
        List<FindingCode> codes = new ArrayList<>();
        String action = VietnameseText.fold(commitment.action());
        boolean measurable = measurable(commitment.action()) || measurable(commitment.target());
        if (isBlank(commitment.linkedDuty())) {
            codes.add(FindingCode.NO_LINKED_DUTY);
        }
        if (!measurable) {
            codes.add(FindingCode.NO_MEASURABLE_TARGET);
            if (STOCK_PHRASES.stream().anyMatch(phrase -> VietnameseText.containsPhrase(action, phrase))) {
                codes.add(FindingCode.GENERIC_WORDING);
            }
        }
        Set<String> actionShingles = Shingles.of(commitment.action());
        if (Shingles.jaccard(actionShingles, themeShingles) >= NEAR_COPY_THRESHOLD) {
            codes.add(FindingCode.COPIES_THEME);
        }
        if (otherShingles.anyNearCopyOf(actionShingles)) {
            codes.add(FindingCode.COPIES_OTHER_PLEDGE);
        }
        if (isBlank(commitment.measure())) {
            codes.add(FindingCode.NO_MEASURE);
        }
        if (commitment.dueDate() == null) {
            codes.add(FindingCode.NO_DUE_DATE);
        }
        if (action.isEmpty() || action.split(" ").length < MIN_ACTION_WORDS) {
            codes.add(FindingCode.TOO_SHORT);
        }
        return codes;
    }

    /**
     * The other pledges' actions, shingled on first use: a real copy is usually found among the first candidates,
     * so templated pledges of a whole unit do not cost a comparison with every one of them.
     */
    private static final class OtherActions {

        private final List<String> actions;
        private final List<Set<String>> shingles = new ArrayList<>();

        OtherActions(List<String> actions) {
            this.actions = actions;
        }

        boolean anyNearCopyOf(Set<String> action) {
            for (int i = 0; i < actions.size(); i++) {
                if (i == shingles.size()) {
                    shingles.add(Shingles.of(actions.get(i)));
                }
                if (Shingles.jaccard(action, shingles.get(i)) >= NEAR_COPY_THRESHOLD) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Has a number, percentage, count or deliverable. */
    static boolean measurable(String text) {
        if (isBlank(text)) {
            return false;
        }
        String lower = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        if (DIGIT_OR_PERCENT.matcher(DATES.matcher(lower).replaceAll(" ")).find()) {
            return true;
        }
        for (String word : lower.split("[^\\p{L}]+")) {
            if (NUMBER_WORDS.contains(word)) {
                return true;
            }
        }
        String folded = VietnameseText.fold(text);
        return DELIVERABLES.stream().anyMatch(deliverable -> VietnameseText.containsPhrase(folded, deliverable));
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
