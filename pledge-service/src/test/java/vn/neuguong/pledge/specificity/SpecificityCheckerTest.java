package vn.neuguong.pledge.specificity;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.neuguong.pledge.specificity.FindingCode.COPIES_OTHER_PLEDGE;
import static vn.neuguong.pledge.specificity.FindingCode.COPIES_THEME;
import static vn.neuguong.pledge.specificity.FindingCode.GENERIC_WORDING;
import static vn.neuguong.pledge.specificity.FindingCode.NO_DUE_DATE;
import static vn.neuguong.pledge.specificity.FindingCode.NO_LINKED_DUTY;
import static vn.neuguong.pledge.specificity.FindingCode.NO_MEASURABLE_TARGET;
import static vn.neuguong.pledge.specificity.FindingCode.NO_MEASURE;
import static vn.neuguong.pledge.specificity.FindingCode.TOO_SHORT;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpecificityCheckerTest {

    private static final String THEME_2021_2025 = "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh về ý chí "
            + "tự lực, tự cường và khát vọng phát triển đất nước phồn vinh, hạnh phúc";

    private static final CommitmentText PUBLIC_SERVICES = new CommitmentText(
            "Hướng dẫn 100% hộ dân thôn Na Hoa đăng ký dịch vụ công trực tuyến mức độ toàn trình trước 30/9",
            "Phụ trách công tác cải cách hành chính của xã",
            "Số hộ đã đăng ký tài khoản trên Cổng dịch vụ công quốc gia so với tổng số hộ của thôn",
            "100% hộ dân (142 hộ)",
            LocalDate.of(2026, 9, 30));

    private static final CommitmentText GENERIC = new CommitmentText(
            "Thực hiện tốt việc học tập và làm theo Bác", null, null, null, null);

    private final SpecificityChecker checker = new SpecificityChecker();

    @Test
    void aConcreteCommitmentTiedToADutyScoresFull() {
        Specificity specificity = checker.check(List.of(PUBLIC_SERVICES), THEME_2021_2025, List.of());

        assertThat(specificity.score()).isEqualTo(1.0);
        assertThat(specificity.generic()).isFalse();
        assertThat(specificity.findings()).isEmpty();
    }

    @Test
    void aStockPhrasePledgeIsGenericAndEveryReasonIsNamed() {
        Specificity specificity = checker.check(List.of(GENERIC), THEME_2021_2025, List.of());

        assertThat(specificity.findings()).extracting(Finding::code)
                .containsExactly(NO_LINKED_DUTY, NO_MEASURABLE_TARGET, GENERIC_WORDING, NO_MEASURE, NO_DUE_DATE);
        assertThat(specificity.findings()).allSatisfy(finding -> {
            assertThat(finding.commitmentIndex()).isZero();
            assertThat(finding.messageVi()).isNotBlank();
            assertThat(finding.messageEn()).isNotBlank();
        });
        assertThat(specificity.score()).isEqualTo(0.1);
        assertThat(specificity.generic()).isTrue();
    }

    @Test
    void stockPhrasesAreFineWhenTheCommitmentHasACountableTarget() {
        CommitmentText concreteDespiteWording = new CommitmentText(
                "Thực hiện tốt việc tiếp công dân: giải quyết dứt điểm 12 đơn thư tồn đọng của phường",
                "Phó Chủ tịch UBND phường phụ trách tiếp công dân", "Số đơn được giải quyết, có biên bản",
                "12 đơn", LocalDate.of(2026, 6, 30));

        assertThat(checker.check(List.of(concreteDespiteWording), null, List.of()).findings()).isEmpty();
    }

    @Test
    void findingsCarryTheIndexOfTheirCommitmentAndTheScoreIsTheMean() {
        Specificity specificity = checker.check(List.of(PUBLIC_SERVICES, GENERIC), null, List.of());

        assertThat(specificity.findings()).extracting(Finding::commitmentIndex).containsOnly(1);
        assertThat(specificity.score()).isEqualTo(0.55);
        assertThat(specificity.generic()).isTrue();
    }

    @Test
    void aCommitmentCopyingTheThemeTitleIsFlaggedToneMarksOrNot() {
        CommitmentText copied = new CommitmentText(
                "Hoc tap va lam theo tu tuong, dao duc, phong cach Ho Chi Minh ve y chi tu luc, tu cuong",
                "Bí thư chi bộ", "Sinh hoạt chuyên đề hằng quý", "4 buổi", LocalDate.of(2026, 12, 31));

        assertThat(checker.check(List.of(copied), THEME_2021_2025, List.of()).findings())
                .extracting(Finding::code).containsExactly(COPIES_THEME);
    }

    @Test
    void aCommitmentCopyingAnotherPledgeOfTheUnitIsFlagged() {
        String template = "Tham gia đầy đủ 12 buổi sinh hoạt chi bộ thường kỳ và phát biểu ý kiến xây dựng";
        CommitmentText copied = new CommitmentText(template + ".", "Đảng viên chi bộ thôn Na Hoa",
                "Sổ ghi biên bản sinh hoạt chi bộ", "12 buổi", LocalDate.of(2026, 12, 31));

        assertThat(checker.check(List.of(copied), null, List.of(template)).findings())
                .extracting(Finding::code).containsExactly(COPIES_OTHER_PLEDGE);
        assertThat(checker.check(List.of(copied), null,
                List.of("Vận động 30 hộ dân hiến đất mở rộng đường liên thôn Na Hoa – Bản Lầm")).findings()).isEmpty();
    }

    @Test
    void aShortActionIsFlagged() {
        CommitmentText shortAction = new CommitmentText("Trồng 200 cây xanh", "Bí thư Đoàn xã",
                "Số cây còn sống sau 3 tháng", "200 cây", LocalDate.of(2026, 3, 26));

        assertThat(checker.check(List.of(shortAction), null, List.of()).findings())
                .extracting(Finding::code).containsExactly(TOO_SHORT);
    }

    @Test
    void datesAreNotTargetsButDeliverablesAndNumberWordsAre() {
        assertThat(SpecificityChecker.measurable("Hoàn thành trước 30/9/2026")).isFalse();
        assertThat(SpecificityChecker.measurable("Nâng cao ý thức trong năm 2026")).isFalse();
        assertThat(SpecificityChecker.measurable("Viết một bài tham luận")).isTrue();
        assertThat(SpecificityChecker.measurable("Xây dựng mô hình \"Dân vận khéo\" ở thôn")).isTrue();
        assertThat(SpecificityChecker.measurable("Giảm 5% hộ nghèo")).isTrue();
    }
}
