package vn.neuguong.pledge.specificity;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.neuguong.pledge.specificity.FindingCode.COPIES_OTHER_PLEDGE;
import static vn.neuguong.pledge.specificity.FindingCode.COPIES_THEME;
import static vn.neuguong.pledge.specificity.FindingCode.GENERIC_WORDING;
import static vn.neuguong.pledge.specificity.FindingCode.NO_DUE_DATE;
import static vn.neuguong.pledge.specificity.FindingCode.NO_LINKED_DUTY;
import static vn.neuguong.pledge.specificity.FindingCode.NO_MEASURABLE_TARGET;
import static vn.neuguong.pledge.specificity.FindingCode.NO_MEASURE;
import static vn.neuguong.pledge.specificity.FindingCode.NUMBER_WITHOUT_OBJECT;
import static vn.neuguong.pledge.specificity.FindingCode.TOO_SHORT;
import static vn.neuguong.pledge.specificity.FindingCode.VAGUE_DUTY;
import static vn.neuguong.pledge.specificity.FindingCode.VAGUE_TARGET;
import static vn.neuguong.pledge.specificity.FindingCode.YEAR_END_DUE_DATE;

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
            assertThat(finding.suggestionVi()).isNotBlank();
            assertThat(finding.suggestionEn()).isNotBlank();
        });
        assertThat(specificity.findings().get(2).evidence()).containsExactly("Thực hiện tốt", "học tập và làm theo");
        assertThat(specificity.score()).isEqualTo(0.05);
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
        assertThat(specificity.score()).isEqualTo(0.53);
        assertThat(specificity.generic()).as("half of its commitments are generic").isTrue();
        assertThat(checker.check(List.of(PUBLIC_SERVICES, PUBLIC_SERVICES, GENERIC), null, List.of()).generic())
                .isFalse();
    }

    @Test
    void aCommitmentCopyingTheThemeTitleIsFlaggedToneMarksOrNot() {
        CommitmentText copied = new CommitmentText(
                "Hoc tap va lam theo tu tuong, dao duc, phong cach Ho Chi Minh ve y chi tu luc, tu cuong",
                "Bí thư chi bộ, phụ trách sinh hoạt chuyên đề", "Sinh hoạt chuyên đề hằng quý", "4 buổi",
                LocalDate.of(2026, 11, 30));

        Specificity specificity = checker.check(List.of(copied), THEME_2021_2025, List.of());
        assertThat(specificity.findings()).extracting(Finding::code).containsExactly(COPIES_THEME);
        assertThat(specificity.generic()).isTrue();
    }

    @Test
    void aCommitmentBuiltOnALongRunOfTheThemeCopiesItAndTheRunIsQuoted() {
        CommitmentText directive = new CommitmentText(
                "Đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh theo Chỉ thị 05-CT/TW",
                "Đảng viên", null, "100%", LocalDate.of(2025, 12, 31));

        Specificity specificity = checker.check(List.of(directive), THEME_2021_2025, List.of());

        assertThat(specificity.findings()).extracting(Finding::code).containsExactly(VAGUE_DUTY,
                NUMBER_WITHOUT_OBJECT, GENERIC_WORDING, COPIES_THEME, NO_MEASURE, YEAR_END_DUE_DATE);
        assertThat(evidence(specificity, COPIES_THEME))
                .containsExactly("học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh");
        assertThat(evidence(specificity, NUMBER_WITHOUT_OBJECT)).containsExactly("Chỉ thị 05", "100%");
        assertThat(evidence(specificity, VAGUE_DUTY)).containsExactly("Đảng viên");
        assertThat(evidence(specificity, YEAR_END_DUE_DATE)).containsExactly("31/12/2025");
        assertThat(specificity.findings().get(0).messageVi()).endsWith("Từ ngữ: \"Đảng viên\".");
    }

    @Test
    void aCommitmentCopyingAnotherPledgeOfTheUnitIsFlagged() {
        String template = "Tham gia đầy đủ 12 buổi sinh hoạt chi bộ thường kỳ và phát biểu ý kiến xây dựng";
        CommitmentText copied = new CommitmentText(template + ".", "Đảng viên được chi bộ thôn Na Hoa phân công",
                "Sổ ghi biên bản sinh hoạt chi bộ", "12 buổi", LocalDate.of(2026, 12, 15));

        List<Finding> findings = checker.check(List.of(copied), null, List.of(new CopyCandidate(template, "p-1")))
                .findings();
        assertThat(findings).extracting(Finding::code).containsExactly(COPIES_OTHER_PLEDGE);
        assertThat(findings.get(0).copyOf()).isEqualTo(new Finding.CopiedPledge("p-1", null));
        assertThat(findings.get(0).evidence()).containsExactly(template + ".");
        assertThat(checker.check(List.of(copied), null, List.of(new CopyCandidate(
                "Vận động 30 hộ dân hiến đất mở rộng đường liên thôn Na Hoa – Bản Lầm", "p-2"))).findings()).isEmpty();
    }

    @Test
    void aShortActionIsFlagged() {
        CommitmentText shortAction = new CommitmentText("Trồng 200 cây xanh", "Bí thư Đoàn xã phụ trách phong trào",
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

    @Test
    void numbersThatCountNothingAreNotTargetsAndAreQuoted() {
        CommitmentText dressed = new CommitmentText("Hoàn thành 100% công việc được giao, 100% chỉ tiêu kế hoạch năm",
                "Phó Chủ tịch UBND xã phụ trách kinh tế", "Báo cáo tổng kết năm", "100%", LocalDate.of(2026, 11, 30));

        Specificity specificity = checker.check(List.of(dressed), null, List.of());

        assertThat(specificity.findings()).extracting(Finding::code).containsExactly(NUMBER_WITHOUT_OBJECT,
                GENERIC_WORDING);
        assertThat(evidence(specificity, NUMBER_WITHOUT_OBJECT)).containsExactly("100% công việc", "100% chỉ tiêu",
                "100%");
        assertThat(specificity.generic()).isTrue();
        assertThat(SpecificityChecker.measurable("Thực hiện nghiêm 19 điều đảng viên không được làm")).isFalse();
        assertThat(SpecificityChecker.measurable("Kết nạp 2 đảng viên mới là thanh niên đã xuất ngũ")).isTrue();
        assertThat(SpecificityChecker.measurable("100% đảng viên học tập chuyên đề năm")).isFalse();
    }

    @Test
    void aTargetThatOnlyGradesIsQuoted() {
        CommitmentText graded = new CommitmentText("Chuyển giao tiến bộ khoa học kỹ thuật cho bà con nông dân",
                "Khuyến nông viên phụ trách trồng trọt", "Đánh giá cuối năm", "Đạt hiệu quả cao",
                LocalDate.of(2026, 10, 31));

        assertThat(evidence(checker.check(List.of(graded), null, List.of()), VAGUE_TARGET))
                .containsExactly("Đạt hiệu quả cao");
    }

    @Test
    void genericWordingQuotesThePhraseThatTriggeredItToneMarksOrNot() {
        CommitmentText marked = new CommitmentText("Nâng cao chất lượng sinh hoạt chi bộ", null, null, null, null);
        CommitmentText unmarked = new CommitmentText("Nang cao chat luong sinh hoat chi bo", null, null, null, null);

        assertThat(evidence(checker.check(List.of(marked), null, List.of()), GENERIC_WORDING))
                .containsExactly("Nâng cao chất lượng");
        assertThat(evidence(checker.check(List.of(unmarked), null, List.of()), GENERIC_WORDING))
                .containsExactly("Nang cao chat luong");
    }

    @Test
    void conductThatCanBeContradictedIsConcreteWithoutNumbers() {
        assertThat(SpecificityChecker.measurable("Không nhận quà của người dân khi giải quyết hồ sơ đất đai")).isTrue();
        assertThat(SpecificityChecker.measurable("Khong dot rom ra tren dong sau thu hoach")).isTrue();
        assertThat(SpecificityChecker.measurable("Trả lời tin nhắn của phụ huynh trong ngày")).isTrue();
        assertThat(SpecificityChecker.measurable("Giữ vững đoàn kết nội bộ, không để xảy ra vi phạm")).isFalse();
        assertThat(SpecificityChecker.measurable("Không ngừng học tập nâng cao trình độ")).isFalse();
        assertThat(SpecificityChecker.measurable("Xây dựng nông thôn mới nâng cao")).isFalse();
    }

    @Test
    void aDutyThatIsOnlyATitleIsNamed() {
        CommitmentText titled = new CommitmentText(PUBLIC_SERVICES.action(), "Bí thư chi bộ", PUBLIC_SERVICES.measure(),
                PUBLIC_SERVICES.target(), PUBLIC_SERVICES.dueDate());

        Specificity specificity = checker.check(List.of(titled), null, List.of());

        assertThat(specificity.findings()).extracting(Finding::code).containsExactly(VAGUE_DUTY);
        assertThat(evidence(specificity, VAGUE_DUTY)).containsExactly("Bí thư chi bộ");
        assertThat(specificity.generic()).isFalse();
    }

    private static List<String> evidence(Specificity specificity, FindingCode code) {
        return specificity.findings().stream().filter(finding -> finding.code() == code).findFirst()
                .orElseThrow(() -> new AssertionError("no " + code + " in " + specificity.findings())).evidence();
    }
}
