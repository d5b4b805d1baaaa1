package vn.neuguong.reporting.orgunit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchKeyTest {

    @Test
    void toneMarksCaseAndSpacingDoNotMatter() {
        assertThat(SearchKey.of("Thái Nguyên")).isEqualTo("thai nguyen");
        assertThat(SearchKey.of("THAI  NGUYEN")).isEqualTo("thai nguyen");
        assertThat(SearchKey.of(" thai nguyen ")).isEqualTo("thai nguyen");
    }

    @Test
    void dWithStrokeBecomesD() {
        assertThat(SearchKey.of("Đà Nẵng")).isEqualTo("da nang");
        assertThat(SearchKey.of("Điện Biên Phủ")).isEqualTo("dien bien phu");
        assertThat(SearchKey.of("đắk lắk")).isEqualTo("dak lak");
    }

    @Test
    void composedAndDecomposedInputGiveTheSameKey() {
        String composed = "Hu\u1EBF";
        String decomposed = "Hue\u0302\u0301";
        assertThat(SearchKey.of(composed)).isEqualTo(SearchKey.of(decomposed)).isEqualTo("hue");
    }

    @Test
    void punctuationSeparatesWords() {
        assertThat(SearchKey.of("Bà Rịa - Vũng Tàu")).isEqualTo("ba ria vung tau");
    }

    @Test
    void unaccentedKeepsCaseAndSpacing() {
        assertThat(SearchKey.unaccented("Bắc Kạn")).isEqualTo("Bac Kan");
    }

    @Test
    void prefixMatchesRankBeforeWordMatchesBeforeSubstringMatches() {
        assertThat(SearchKey.matchRank("thai nguyen", "thai")).isZero();
        assertThat(SearchKey.matchRank("dai tu thai nguyen", "thai")).isEqualTo(1);
        assertThat(SearchKey.matchRank("phuthai", "thai")).isEqualTo(2);
        assertThat(SearchKey.matchRank("ha noi", "thai")).isEqualTo(-1);
    }
}
