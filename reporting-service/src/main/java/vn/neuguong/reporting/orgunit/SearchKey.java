package vn.neuguong.reporting.orgunit;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The form of a name that search compares: without tone marks and diacritics, lower case, words separated by
 * single spaces. "Thái Nguyên", "thai nguyen" and "THAI  NGUYEN" all become "thai nguyen"; "Đà Nẵng" becomes
 * "da nang" (đ is a letter of its own, not a d with a combining mark, so it is mapped explicitly).
 */
public final class SearchKey {

    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]+");

    public static String of(String text) {
        if (text == null) {
            return "";
        }
        return NOT_LETTER_OR_DIGIT.matcher(unaccented(text).toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
    }

    /** The text without tone marks and diacritics, case and spacing kept: "Bắc Kạn" → "Bac Kan". */
    public static String unaccented(String text) {
        String withoutDStroke = text.replace('đ', 'd').replace('Đ', 'D');
        String decomposed = Normalizer.normalize(withoutDStroke, Normalizer.Form.NFD);
        return COMBINING_MARKS.matcher(decomposed).replaceAll("");
    }

    /**
     * How well a name matches a query, both as search keys: 0 when the name starts with the query, 1 when one
     * of its words does, 2 when the query only occurs inside a word, -1 when it does not occur.
     */
    public static int matchRank(String nameKey, String queryKey) {
        if (nameKey.startsWith(queryKey)) {
            return 0;
        }
        if (nameKey.contains(" " + queryKey)) {
            return 1;
        }
        return nameKey.contains(queryKey) ? 2 : -1;
    }

    private SearchKey() {
    }
}
