package vn.neuguong.platform.text;

import java.text.Normalizer;

/**
 * Text from a client in the one form the services compare and store: Unicode NFC, without the characters nobody sees
 * (zero-width spaces and joiners, byte-order marks, soft hyphens, Hangul fillers, variation selectors and control
 * characters other than tab and line breaks), without surrounding white space. Two names or ids that look the same
 * are then the same, so a zero-width character cannot make a second pledger out of one.
 *
 * <p>A loop over the code points rather than a regular expression: every field of every imported row passes here,
 * and the expression's matcher was a tenth of an import's CPU time in the pledge service (docs/performance.md).
 */
public final class InputText {

    /** The normalised text; null for null or for nothing visible. */
    public static String normalize(String text) {
        if (text == null) {
            return null;
        }
        String composed = Normalizer.normalize(text, Normalizer.Form.NFC);
        int first = 0;
        while (first < composed.length() && !invisible(composed.codePointAt(first))) {
            first += Character.charCount(composed.codePointAt(first));
        }
        String visible = composed;
        if (first < composed.length()) {
            StringBuilder kept = new StringBuilder(composed.length()).append(composed, 0, first);
            for (int i = first; i < composed.length(); ) {
                int c = composed.codePointAt(i);
                i += Character.charCount(c);
                if (!invisible(c)) {
                    kept.appendCodePoint(c);
                }
            }
            visible = kept.toString();
        }
        visible = visible.strip();
        return visible.isEmpty() ? null : visible;
    }

    /** Format characters (Cf), the other invisible fillers and selectors, and controls other than tab and breaks. */
    static boolean invisible(int c) {
        int type = Character.getType(c);
        return type == Character.FORMAT
                || c == 0x034F || c == 0x115F || c == 0x1160 || c == 0x3164 || c == 0xFFA0
                || (c >= 0xFE00 && c <= 0xFE0F)
                || (type == Character.CONTROL && c != '\t' && c != '\n' && c != '\r');
    }

    private InputText() {
    }
}
