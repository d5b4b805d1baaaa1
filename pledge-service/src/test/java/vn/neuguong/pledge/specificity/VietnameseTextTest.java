package vn.neuguong.pledge.specificity;

import static org.assertj.core.api.Assertions.assertThat;

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
}
