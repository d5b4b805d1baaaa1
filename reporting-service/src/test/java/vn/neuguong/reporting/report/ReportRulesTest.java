package vn.neuguong.reporting.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.neuguong.platform.web.FieldProblem;

class ReportRulesTest {

    private static final Narrative NARRATIVE = new Narrative("Tổ chức 12 buổi học tập chuyên đề", "Còn hình thức",
            "Gắn với nhiệm vụ chính trị", "Tăng kinh phí");

    @Test
    void aSubmissionGivesEveryIndicatorOnlyTheUnitKnowsAndTheResults() {
        Map<String, Long> indicators = Map.of("studySessions", 12L, "studyParticipants", 340L, "issuesResolved", 5L);
        assertThat(ReportRules.check(new NewReport("w-1", "2025", indicators, NARRATIVE), true)).isEmpty();
        assertThat(fields(ReportRules.check(new NewReport("w-1", "2025", Map.of(), new Narrative(" ", null, null, null)),
                true))).containsExactlyInAnyOrder("indicators.studySessions", "indicators.studyParticipants",
                        "indicators.issuesResolved", "narrative.results");
    }

    @Test
    void aDraftMayBeIncomplete() {
        assertThat(ReportRules.check(new NewReport("w-1", "2025", null, null), false)).isEmpty();
    }

    @Test
    void unknownNegativeAndNullIndicatorsAreNamed() {
        Map<String, Long> indicators = new LinkedHashMap<>();
        indicators.put("studySessions", -1L);
        indicators.put("happiness", 3L);
        indicators.put("membersRegistered", null);
        List<FieldProblem> problems = ReportRules.check(new NewReport(null, " ", indicators, NARRATIVE), false);
        assertThat(fields(problems)).containsExactlyInAnyOrder("unitId", "periodId", "indicators.studySessions",
                "indicators.happiness", "indicators.membersRegistered");
    }

    @Test
    void aReturnNeedsAReason() {
        assertThat(fields(ReportRules.checkReturn(new ReportReturn("  ")))).containsExactly("reason");
        assertThat(ReportRules.checkReturn(new ReportReturn("Thiếu số liệu học tập chuyên đề"))).isEmpty();
    }

    private static List<String> fields(List<FieldProblem> problems) {
        return problems.stream().map(FieldProblem::field).toList();
    }
}
