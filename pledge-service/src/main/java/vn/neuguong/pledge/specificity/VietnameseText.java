package vn.neuguong.pledge.specificity;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Tone-mark-insensitive form of Vietnamese text, so that "Thực hiện tốt", "thuc hien tot" and "THỰC HIỆN TỐT"
 * compare equal: NFD decomposition, combining marks stripped, {@code đ} → {@code d}, lower case, every run of
 * characters that are neither letters nor digits (nor {@code %}) collapsed to one space, none at either end.
 *
 * <p>Written as two passes over the code points rather than regular expressions: every commitment's words are
 * folded several times per check, and the expressions were a fifth of an import's CPU time (docs/performance.md).
 */
public final class VietnameseText {

    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder unmarked = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); ) {
            int c = decomposed.codePointAt(i);
            i += Character.charCount(c);
            if (!isMark(c)) {
                unmarked.appendCodePoint(c == 'đ' || c == 'Đ' ? 'd' : c);
            }
        }
        String lower = unmarked.toString().toLowerCase(Locale.ROOT);
        StringBuilder folded = new StringBuilder(lower.length());
        boolean separated = false;
        for (int i = 0; i < lower.length(); ) {
            int c = lower.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isLetter(c) || Character.isDigit(c) || c == '%') {
                if (separated && !folded.isEmpty()) {
                    folded.append(' ');
                }
                separated = false;
                folded.appendCodePoint(c);
            } else {
                separated = true;
            }
        }
        return folded.toString();
    }

    /** Unicode category M, what {@code \p{M}} matches. */
    private static boolean isMark(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK;
    }

    public static List<String> words(String text) {
        String folded = fold(text);
        return folded.isEmpty() ? List.of() : Arrays.asList(folded.split(" "));
    }

    /** Whether the folded text contains the folded phrase as whole words. */
    public static boolean containsPhrase(String foldedText, String foldedPhrase) {
        return (" " + foldedText + " ").contains(" " + foldedPhrase + " ");
    }

    private VietnameseText() {
    }
}
