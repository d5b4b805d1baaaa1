package vn.neuguong.pledge.specificity;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class VietnameseTextTest {

    @Test
    void foldsToneMarksDStrokeCaseAndPunctuation() {
        assertThat(VietnameseText.fold("Đăng ký LÀM THEO Bác, năm 2026!")).isEqualTo("dang ky lam theo bac nam 2026");
        assertThat(VietnameseText.fold("Thực hiện tốt")).isEqualTo(VietnameseText.fold("thuc hien tot"));
    }

    @Test
    void foldsDecomposedInputLikeComposedInput() {
        String decomposed = java.text.Normalizer.normalize("Hồ Chí Minh", java.text.Normalizer.Form.NFD);
        assertThat(VietnameseText.fold(decomposed)).isEqualTo("ho chi minh");
    }

    @Test
    void matchesPhrasesOnWholeWordsOnly() {
        assertThat(VietnameseText.containsPhrase("luon guong mau trong cong tac", "guong mau")).isTrue();
        assertThat(VietnameseText.containsPhrase("co gangxx", "co gang")).isFalse();
    }

    /**
     * The fold as the specification states it, in regular expressions (how it was written before it became a loop
     * over code points): both must agree on every text, or stored near-copy ids and findings would change.
     */
    private static String foldAsSpecified(String text) {
        String unmarked = Pattern.compile("\\p{M}+").matcher(Normalizer.normalize(text, Normalizer.Form.NFD))
                .replaceAll("").replace('đ', 'd').replace('Đ', 'd').toLowerCase(Locale.ROOT);
        return Pattern.compile("[^\\p{L}\\p{Nd}%]+").matcher(unmarked).replaceAll(" ").trim();
    }

    @Test
    void foldsEveryTextOfTheLabelledCorpusAsSpecified() {
        List<String> texts = new ArrayList<>();
        SpecificityCorpus.load().pledges().forEach(pledge -> pledge.commitments().forEach(commitment -> {
            texts.add(commitment.action());
            texts.add(commitment.linkedDuty());
            texts.add(commitment.measure());
            texts.add(commitment.target());
        }));
        texts.removeIf(text -> text == null);
        assertThat(texts).hasSizeGreaterThan(100);
        texts.forEach(text -> assertThat(VietnameseText.fold(text)).as(text).isEqualTo(foldAsSpecified(text)));
    }

    @Test
    void foldsArbitraryUnicodeAsSpecified() {
        // Vietnamese letters composed and decomposed, combining marks alone, Đ/đ, separators of every kind, a
        // Turkish dotted I and a Greek capital sigma (their lower case depends on context), digits of other
        // scripts, letters outside the basic plane and a lone surrogate
        String alphabet = "aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯÁÀẢÃẠấầẩẫậếềểễệốồổỗộớờởỡợứừửữựýỳỷỹỵ"
                + "\u0300\u0301\u0303\u0309\u0323\u20DD%,.;:!?()/-– \t\n\u00A0\u200B\u2028İΣσς٣۴𝐀𝟘\uD800_'\"0123456789";
        Random random = new Random(12);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int length = random.nextInt(40); length > 0; length--) {
                text.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0,
                        random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
            }
            assertThat(VietnameseText.fold(text.toString())).as(text.toString())
                    .isEqualTo(foldAsSpecified(text.toString()));
        }
    }
}
