package vn.neuguong.platform.text;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Text from a client in the one form the services compare and store: Unicode NFC, without the characters nobody sees
 * (zero-width spaces and joiners, byte-order marks, soft hyphens, Hangul fillers, variation selectors and control
 * characters other than tab and line breaks), without surrounding white space. Two names or ids that look the same
 * are then the same, so a zero-width character cannot make a second pledger out of one.
 */
public final class InputText {

    private static final Pattern INVISIBLE = Pattern.compile(
            "[\\p{Cf}\\u034F\\u115F\\u1160\\u3164\\uFFA0\\uFE00-\\uFE0F]|[\\p{Cc}&&[^\\t\\n\\r]]");

    /** The normalised text; null for null or for nothing visible. */
    public static String normalize(String text) {
        if (text == null) {
            return null;
        }
        String visible = INVISIBLE.matcher(Normalizer.normalize(text, Normalizer.Form.NFC)).replaceAll("").strip();
        return visible.isEmpty() ? null : visible;
    }

    private InputText() {
    }
}
