package vn.neuguong.pledge.specificity;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Tone-mark-insensitive form of Vietnamese text, so that "Thực hiện tốt", "thuc hien tot" and "THỰC HIỆN TỐT"
 * compare equal: NFD decomposition, combining marks stripped, {@code đ} → {@code d}, lower case, every run of
 * characters that are neither letters nor digits collapsed to one space.
 */
public final class VietnameseText {

    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{Nd}%]+");

    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        String unmarked = COMBINING_MARKS.matcher(decomposed).replaceAll("")
                .replace('đ', 'd').replace('Đ', 'd')
                .toLowerCase(Locale.ROOT);
        return SEPARATORS.matcher(unmarked).replaceAll(" ").trim();
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
