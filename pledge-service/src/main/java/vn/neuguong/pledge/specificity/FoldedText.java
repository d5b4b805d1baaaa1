package vn.neuguong.pledge.specificity;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text cut into words, each kept as written and in its folded form ({@link VietnameseText#fold}), so that a
 * phrase matched tone-mark-insensitively can be quoted back exactly as the pledger wrote it.
 */
final class FoldedText {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}\\p{Nd}%]+");
    private static final Pattern CLAUSE_BREAK = Pattern.compile("[,;:.()!?/]");
    private static final Pattern TONE_MARKED = Pattern.compile("[^\\p{ASCII}]");

    /** One word: as written (NFC, lower case), folded, where it is in the text and whether a clause ends after it. */
    record Word(String written, String folded, int start, int end, boolean endsClause) {
    }

    private final String text;
    private final List<Word> words;

    private FoldedText(String text, List<Word> words) {
        this.text = text;
        this.words = words;
    }

    static FoldedText of(String text) {
        String normalized = text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFC);
        List<Word> words = new ArrayList<>();
        Matcher matcher = WORD.matcher(normalized);
        int previousEnd = -1;
        while (matcher.find()) {
            if (!words.isEmpty()) {
                Word last = words.remove(words.size() - 1);
                boolean breaks = CLAUSE_BREAK.matcher(normalized.substring(previousEnd, matcher.start())).find();
                words.add(new Word(last.written(), last.folded(), last.start(), last.end(), breaks));
            }
            String written = matcher.group().toLowerCase(Locale.ROOT);
            words.add(new Word(written, VietnameseText.fold(written), matcher.start(), matcher.end(), false));
            previousEnd = matcher.end();
        }
        if (!words.isEmpty()) {
            Word last = words.remove(words.size() - 1);
            words.add(new Word(last.written(), last.folded(), last.start(), last.end(), true));
        }
        return new FoldedText(normalized, List.copyOf(words));
    }

    List<Word> words() {
        return words;
    }

    int size() {
        return words.size();
    }

    boolean isEmpty() {
        return words.isEmpty();
    }

    /** Whether the pledger typed tone marks at all: without them "mọi" (every) and "mới" (new) cannot be told apart. */
    boolean toneMarked() {
        return TONE_MARKED.matcher(text).find();
    }

    /** The folded words of the whole text, one space apart. */
    String folded() {
        return String.join(" ", words.stream().map(Word::folded).toList());
    }

    /** The first occurrence of the folded phrase as whole words, starting at word {@code from}; -1 if none. */
    int indexOf(String foldedPhrase, int from) {
        for (int i = Math.max(0, from); i < words.size(); i++) {
            if (matchesAt(foldedPhrase, i)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Whether the folded phrase (words one space apart) is the text's from word {@code index} on. The phrase is
     * read in place rather than split: the check matches every phrase of its vocabulary at every word of every
     * commitment, and splitting them was a quarter of its time.
     */
    boolean matchesAt(String foldedPhrase, int index) {
        if (index < 0) {
            return false;
        }
        int from = 0;
        for (int i = index; i < words.size(); i++) {
            String word = words.get(i).folded();
            int end = foldedPhrase.indexOf(' ', from);
            int length = (end < 0 ? foldedPhrase.length() : end) - from;
            if (length != word.length() || !foldedPhrase.regionMatches(from, word, 0, length)) {
                return false;
            }
            if (end < 0) {
                return true;
            }
            from = end + 1;
        }
        return false;
    }

    /** How many words the folded phrase has. */
    static int wordCount(String foldedPhrase) {
        int count = 1;
        for (int i = foldedPhrase.indexOf(' '); i >= 0; i = foldedPhrase.indexOf(' ', i + 1)) {
            count++;
        }
        return count;
    }

    boolean contains(String foldedPhrase) {
        return indexOf(foldedPhrase, 0) >= 0;
    }

    /** The phrase as the pledger wrote it, if the text holds it. */
    Optional<String> find(String foldedPhrase) {
        int index = indexOf(foldedPhrase, 0);
        return index < 0 ? Optional.empty() : Optional.of(span(index, index + wordCount(foldedPhrase)));
    }

    /** The text as written from word {@code from} (inclusive) to word {@code to} (exclusive). */
    String span(int from, int to) {
        return text.substring(words.get(from).start(), words.get(to - 1).end());
    }
}
