package vn.neuguong.pledge.specificity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ShinglesAndMinHashTest {

    private static final String ACTION = "Tham gia đầy đủ các buổi sinh hoạt chi bộ và phát biểu ý kiến xây dựng";

    @Test
    void identicalTextsUpToToneMarksAreFullySimilar() {
        assertThat(Shingles.jaccard(Shingles.of(ACTION), Shingles.of(VietnameseText.fold(ACTION).toUpperCase())))
                .isEqualTo(1.0);
    }

    @Test
    void unrelatedTextsAreNotSimilar() {
        assertThat(Shingles.jaccard(Shingles.of(ACTION),
                Shingles.of("Hướng dẫn 100% hộ dân thôn Na Hoa đăng ký dịch vụ công trực tuyến"))).isZero();
    }

    @Test
    void nearCopiesShareABandKeyAndUnrelatedTextsDoNot() {
        Set<String> original = Shingles.of(ACTION);
        Set<String> nearCopy = Shingles.of(ACTION + " của đảng viên");
        assertThat(Shingles.jaccard(original, nearCopy)).isGreaterThan(SpecificityChecker.NEAR_COPY_THRESHOLD);
        assertThat(MinHash.bandKeys(original)).hasSize(MinHash.BANDS);
        assertThat(MinHash.bandKeys(original)).containsAnyElementsOf(MinHash.bandKeys(nearCopy));
        assertThat(MinHash.bandKeys(original)).doesNotContainAnyElementsOf(MinHash.bandKeys(
                Shingles.of("Hướng dẫn 100% hộ dân thôn Na Hoa đăng ký dịch vụ công trực tuyến mức độ toàn trình")));
    }

    @Test
    void bandKeysAreStableAcrossCalls() {
        assertThat(MinHash.bandKeys(Shingles.of(ACTION))).isEqualTo(MinHash.bandKeys(Shingles.of(ACTION)));
        assertThat(MinHash.bandKeys(Set.of())).isEmpty();
    }
}
