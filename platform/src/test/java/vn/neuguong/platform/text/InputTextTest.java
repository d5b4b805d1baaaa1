package vn.neuguong.platform.text;

import static org.assertj.core.api.Assertions.assertThat;

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
}
