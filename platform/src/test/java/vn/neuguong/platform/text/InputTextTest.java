package vn.neuguong.platform.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class InputTextTest {

    @Test
    void invisibleCharactersAreRemovedAndTheTextComposed() {
        assertThat(InputText.normalize("m-\u200B1\uFEFF")).isEqualTo("m-1");
        assertThat(InputText.normalize("Chi b\u00AD\u1ED9\u200D th\u00F4n\u2060")).isEqualTo("Chi bộ thôn");
        assertThat(InputText.normalize("Nguye\u0302\u0303n")).isEqualTo("Nguyễn");
        assertThat(InputText.normalize("a\u0000b\u0007c")).isEqualTo("abc");
    }

    @Test
    void visibleTextIsKeptAndNothingVisibleIsNull() {
        assertThat(InputText.normalize("  Hoàn thành 100%\nđúng hạn ")).isEqualTo("Hoàn thành 100%\nđúng hạn");
        assertThat(InputText.normalize("\u200B\u200C ")).isNull();
        assertThat(InputText.normalize(null)).isNull();
    }

    /** The normalisation as specified, in a regular expression (as it was written before it became a loop). */
    private static String normalizedAsSpecified(String text) {
        String visible = Pattern.compile("[\\p{Cf}\\u034F\\u115F\\u1160\\u3164\\uFFA0\\uFE00-\\uFE0F]|[\\p{Cc}&&[^\\t\\n\\r]]")
                .matcher(Normalizer.normalize(text, Normalizer.Form.NFC)).replaceAll("").strip();
        return visible.isEmpty() ? null : visible;
    }

    @Test
    void normalizesArbitraryUnicodeAsSpecified() {
        // Vietnamese composed and decomposed, every kind of invisible character named above and some neighbours of
        // theirs that are visible, white space of several kinds, a format character outside the basic plane
        // (U+E0001) and a lone surrogate
        String alphabet = "aăâđêôơưĐÁÀẢÃẠấầẩẫậ\u0300\u0301\u0303\u0309\u0323 \t\n\r\u000B\u00A0\u2003\u3000"
                + "\u200B\u200C\u200D\u2060\uFEFF\u00AD\u034F\u034E\u115F\u1160\u1161\u3164\uFFA0\uFE00\uFE0F\uFE10"
                + "\u0000\u0007\u001F\u007F\u0085\u009F\uDB40\uDC01\uD800%-x1";
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int length = random.nextInt(30); length > 0; length--) {
                text.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0,
                        random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
            }
            assertThat(InputText.normalize(text.toString())).as(text.toString())
                    .isEqualTo(normalizedAsSpecified(text.toString()));
        }
    }
}
