package vn.neuguong.pledge.specificity;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.neuguong.pledge.specificity.FoldedText.Word;

/**
 * Whether a commitment's action and target say something a reviewer can check at the end of the year: a number of
 * something named ("65 hồ sơ", "100% hộ dân thôn Na Hoa"), a deliverable ("quy chế", "chuyên đề"), a conduct that
 * can be contradicted ("không nhận quà…"), something published ("công khai…"), a cadence ("hằng tuần", "trong
 * ngày") or every item of something named ("mọi ca mổ", "từng hộ"). Numbers that count nothing ("100% công việc",
 * "19 điều", "Quy định 08", target "100%") do not count and are reported, as is a target that only grades ("Hoàn
 * thành tốt").
 *
 * @param numbersWithoutObject the numbers that count nothing, with the words after them, as written
 * @param vagueTarget          the target, when it is only a grade or praise
 */
record Checkability(boolean checkable, List<String> numbersWithoutObject, String vagueTarget) {

    /** Dates ("30/9", "15-10-2026") and years are deadlines, not targets. */
    private static final Pattern DATES = Pattern.compile(
            "\\b\\d{1,2}[/.-]\\d{1,2}([/.-]\\d{2,4})?\\b|\\b(19|20)\\d{2}\\b");
    private static final Pattern NUMBER = Pattern.compile("\\d[\\d%]*");
    private static final int MIN_WORDS_AFTER_KHONG = 3;

    static Checkability of(String action, String target) {
        List<String> numbersWithoutObject = new ArrayList<>();
        boolean checkable = signals(FoldedText.of(withoutDates(action)), numbersWithoutObject);
        String vagueTarget = null;
        if (target != null && !target.isBlank()) {
            FoldedText targetText = FoldedText.of(withoutDates(target));
            if (onlyGrades(targetText)) {
                vagueTarget = target.strip();
                signals(targetText, numbersWithoutObject);
            } else {
                checkable |= signals(targetText, numbersWithoutObject);
            }
        }
        return new Checkability(checkable, List.copyOf(numbersWithoutObject), vagueTarget);
    }

    /** Blanks dates out, keeping every other character where it was. */
    private static String withoutDates(String text) {
        if (text == null) {
            return "";
        }
        Matcher matcher = DATES.matcher(text);
        StringBuilder masked = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(masked, " ".repeat(matcher.group().length()));
        }
        return matcher.appendTail(masked).toString();
    }

    private static boolean signals(FoldedText text, List<String> numbersWithoutObject) {
        boolean checkable = false;
        List<Word> words = text.words();
        for (int i = 0; i < words.size(); i++) {
            Word word = words.get(i);
            if (isNumber(word) || (text.toneMarked() && Vocabulary.NUMBER_WORDS.contains(word.written()))
                    || isOneUnit(text, i)) {
                int next = countsSomething(text, i, numbersWithoutObject);
                checkable |= next > 0;
                i = Math.abs(next) - 1;
            } else if (word.folded().equals("khong")) {
                checkable |= isConduct(text, i);
            } else if (isEvery(text, word) && i + 1 < words.size()) {
                checkable |= namesSomething(text, i + 1);
            } else if (startsWithAny(text, i, Vocabulary.ALL_OF) && i + 2 < words.size()) {
                int object = i + 2;
                while (object < words.size() && Vocabulary.NUMBER_FILLERS.contains(words.get(object).folded())) {
                    object++;
                }
                checkable |= object < words.size() && namesSomething(text, object);
            }
        }
        for (String publishing : Vocabulary.PUBLISHING) {
            int at = text.indexOf(publishing, 0);
            checkable |= at >= 0 && at + 4 <= words.size() && !words.get(at + 2).folded().equals("minh");
        }
        checkable |= Vocabulary.DELIVERABLES.stream().anyMatch(text::contains);
        checkable |= Vocabulary.CADENCES.stream().anyMatch(text::contains);
        return checkable;
    }

    /**
     * Reads the number at {@code start} (with the digits and "%" that follow it, so "1,8" and "3.150" are one) and
     * what it counts.
     *
     * @return the index after the number, positive when it counts something named, negative when it does not
     */
    private static int countsSomething(FoldedText text, int start, List<String> numbersWithoutObject) {
        List<Word> words = text.words();
        int end = start + 1;
        while (end < words.size() && (isNumber(words.get(end)) || words.get(end).folded().equals("%"))
                && !words.get(end - 1).endsClause()) {
            end++;
        }
        boolean percent = text.span(start, end).contains("%");
        int object = end;
        while (object < words.size() && !words.get(object - 1).endsClause()
                && Vocabulary.NUMBER_FILLERS.contains(words.get(object).folded())) {
            object++;
        }
        boolean nothingAfter = object >= words.size() || words.get(object - 1).endsClause();
        int genericObject = nothingAfter ? 0 : matchLength(text, object, Vocabulary.GENERIC_OBJECTS);
        if (genericObject == 0 && percent && !nothingAfter) {
            genericObject = matchLength(text, object, Vocabulary.GENERIC_SHARES);
        }
        int document = documentBefore(text, start);
        boolean zero = words.get(start).folded().matches("0+%?");
        if (document > 0) {
            numbersWithoutObject.add(text.span(start - document, end));
            return -end;
        }
        if (genericObject > 0 || zero || (percent && nothingAfter)) {
            int evidenceEnd = genericObject > 0 ? object + genericObject : zero && !nothingAfter ? object + 1 : end;
            numbersWithoutObject.add(text.span(start, evidenceEnd));
            return -end;
        }
        return end;
    }

    private static int documentBefore(FoldedText text, int index) {
        for (String document : Vocabulary.DOCUMENTS) {
            int length = FoldedText.wordCount(document);
            if (text.matchesAt(document, index - length)) {
                return length;
            }
        }
        return 0;
    }

    /** "không nhận quà…" is a conduct someone can contradict; "không ngừng…", "không để xảy ra…" are not. */
    private static boolean isConduct(FoldedText text, int khong) {
        List<Word> words = text.words();
        return khong + MIN_WORDS_AFTER_KHONG <= words.size() && !words.get(khong).endsClause()
                && !Vocabulary.NOT_CONDUCT_AFTER_KHONG.contains(words.get(khong + 1).folded());
    }

    private static boolean namesSomething(FoldedText text, int index) {
        return !startsWithAny(text, index, Vocabulary.GENERIC_OBJECTS)
                && !startsWithAny(text, index, Vocabulary.VAGUE_AFTER_EVERY);
    }

    private static boolean isOneUnit(FoldedText text, int index) {
        List<Word> words = text.words();
        return text.toneMarked() && words.get(index).written().equals(Vocabulary.ONE) && index + 1 < words.size()
                && Vocabulary.UNITS_AFTER_ONE.contains(words.get(index + 1).folded());
    }

    private static boolean isEvery(FoldedText text, Word word) {
        return text.toneMarked() ? Vocabulary.EVERY.contains(word.written())
                : Vocabulary.EVERY_UNMARKED.contains(word.folded());
    }

    /** A target that only grades or praises: nothing left once grades, praise and bare numbers are taken out. */
    private static boolean onlyGrades(FoldedText target) {
        List<Word> words = target.words();
        int i = 0;
        while (i < words.size()) {
            int grade = matchLength(target, i, Vocabulary.VAGUE_TARGETS);
            if (grade > 0) {
                i += grade;
            } else if (isNumber(words.get(i)) || words.get(i).folded().equals("%")) {
                i++;
            } else {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWithAny(FoldedText text, int index, List<String> phrases) {
        return matchLength(text, index, phrases) > 0;
    }

    /** Length in words of the first phrase matching at {@code index}, 0 if none does. */
    private static int matchLength(FoldedText text, int index, List<String> phrases) {
        for (String phrase : phrases) {
            if (text.matchesAt(phrase, index)) {
                return FoldedText.wordCount(phrase);
            }
        }
        return 0;
    }

    private static boolean isNumber(Word word) {
        return NUMBER.matcher(word.folded()).matches();
    }
}
