package vn.neuguong.reporting.orgunit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchKeyTest {

    @Test
    void tone_marks_case_and_spacing_do_not_matter() {
        assertThat(SearchKey.of("Thái Nguyên")).isEqualTo("thai nguyen");
        assertThat(SearchKey.of("THAI  NGUYEN")).isEqualTo("thai nguyen");
        assertThat(SearchKey.of(" thai nguyen ")).isEqualTo("thai nguyen");
    }

    @Test
    void d_with_stroke_becomes_d() {
        assertThat(SearchKey.of("Đà Nẵng")).isEqualTo("da nang");
        assertThat(SearchKey.of("Điện Biên Phủ")).isEqualTo("dien bien phu");
        assertThat(SearchKey.of("đắk lắk")).isEqualTo("dak lak");
    }

    @Test
    void composed_and_decomposed_input_give_the_same_key() {
        String composed = "Hu\u1EBF";
        String decomposed = "Hue\u0302\u0301";
        assertThat(SearchKey.of(composed)).isEqualTo(SearchKey.of(decomposed)).isEqualTo("hue");
    }

    @Test
    void punctuation_separates_words() {
        assertThat(SearchKey.of("Bà Rịa - Vũng Tàu")).isEqualTo("ba ria vung tau");
    }

    @Test
    void unaccented_keeps_case_and_spacing() {
        assertThat(SearchKey.unaccented("Bắc Kạn")).isEqualTo("Bac Kan");
    }

    @Test
    void prefix_matches_rank_before_word_matches_before_substring_matches() {
        assertThat(SearchKey.matchRank("thai nguyen", "thai")).isZero();
        assertThat(SearchKey.matchRank("dai tu thai nguyen", "thai")).isEqualTo(1);
        assertThat(SearchKey.matchRank("phuthai", "thai")).isEqualTo(2);
        assertThat(SearchKey.matchRank("ha noi", "thai")).isEqualTo(-1);
    }
}
