package vn.neuguong.pledge.pledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import vn.neuguong.contracts.orgunit.OrgUnit;
import vn.neuguong.contracts.orgunit.OrgUnitLevel;
import vn.neuguong.contracts.pledge.PledgerKind;
import vn.neuguong.platform.orgunit.OrgUnitDirectory;
import vn.neuguong.platform.web.FieldProblem;
import vn.neuguong.platform.web.InvalidInputException;
import vn.neuguong.pledge.theme.StudyTheme;
import vn.neuguong.pledge.theme.StudyThemes;

class PledgeValidatorTest {

    private static final OrgUnit CELL = new OrgUnit("c-na-hoa", null, "Chi bộ thôn Na Hoa", null, OrgUnitLevel.CELL,
            "w-1", List.of("vn", "p-1", "w-1", "c-na-hoa"), 40, LocalDate.of(2025, 7, 1), null, null);
    private static final Map<String, OrgUnit> UNITS = Map.of(CELL.id(), CELL);

    private final PledgeValidator validator = new PledgeValidator(
            Clock.fixed(Instant.parse("2026-02-10T03:00:00Z"), ZoneOffset.UTC),
            new OrgUnitDirectory() {
                @Override
                public Optional<OrgUnit> find(String id) {
                    return Optional.ofNullable(UNITS.get(id));
                }

                @Override
                public boolean ready() {
                    return true;
                }
            },
            new StudyThemes(List.of(new StudyTheme("2021-2025", 2021, 2025, "Ý chí tự lực, tự cường"),
                    new StudyTheme("2026", 2026, 2026, "Chuyên đề năm 2026"))));

    private static PledgeRequest request(int year, PledgeRequest.Pledger pledger, String themeId,
                                         PledgeRequest.Commitment... commitments) {
        return new PledgeRequest(year, CELL.id(), pledger, themeId, List.of(commitments));
    }

    private static final PledgeRequest.Pledger MEMBER = new PledgeRequest.Pledger(PledgerKind.INDIVIDUAL, "m-1",
            "Lò Văn Pọm", "Trưởng thôn", null);
    private static final PledgeRequest.Commitment COMMITMENT = new PledgeRequest.Commitment(CommitmentArea.DUTY,
            "Hướng dẫn 100% hộ dân đăng ký dịch vụ công trực tuyến", "Cải cách hành chính", null, null,
            LocalDate.of(2026, 9, 30));

    private List<String> fieldsOf(PledgeRequest request) {
        return catchThrowableOfType(InvalidInputException.class, () -> validator.validate(request)).errors().stream()
                .map(FieldProblem::field).toList();
    }

    @Test
    void aValidPledgeResolvesItsUnitAndTheThemeOfItsYear() {
        PledgeValidator.Resolved resolved = validator.validate(request(2026, MEMBER, null, COMMITMENT));

        assertThat(resolved.unit()).isEqualTo(CELL);
        assertThat(resolved.theme().id()).isEqualTo("2026");
    }

    @Test
    void theYearRunsFrom2016ToNextYearAndTheUnitMustExistThen() {
        assertThat(fieldsOf(request(2015, MEMBER, null, COMMITMENT))).containsExactly("year");
        assertThat(fieldsOf(request(2028, MEMBER, null, COMMITMENT))).containsExactly("year");
        assertThat(fieldsOf(request(2024, MEMBER, null, new PledgeRequest.Commitment(CommitmentArea.DUTY, "Việc",
                null, null, null, null)))).containsExactly("unitId");
    }

    @Test
    void pledgerFieldsDependOnItsKind() {
        PledgeRequest.Pledger collectiveWithPerson = new PledgeRequest.Pledger(PledgerKind.COLLECTIVE, "m-1", null,
                null, "Chi bộ thôn Na Hoa");
        PledgeRequest.Pledger individualWithName = new PledgeRequest.Pledger(PledgerKind.INDIVIDUAL, null, " ", null,
                "Chi bộ");

        assertThat(fieldsOf(request(2026, collectiveWithPerson, null, COMMITMENT))).containsExactly("pledger.memberId");
        assertThat(fieldsOf(request(2026, individualWithName, null, COMMITMENT)))
                .containsExactly("pledger.memberId", "pledger.fullName", "pledger.name");
    }

    @Test
    void commitmentsAreCheckedOneByOne() {
        PledgeRequest.Commitment nextYear = new PledgeRequest.Commitment(null, " ", null, null, "x".repeat(501),
                LocalDate.of(2027, 1, 1));

        assertThat(fieldsOf(request(2026, MEMBER, "2021-2025", COMMITMENT, nextYear))).containsExactly("themeId",
                "commitments[1].area", "commitments[1].action", "commitments[1].target", "commitments[1].dueDate");
    }

    @Test
    void aSelfAssessmentNeedsOneOutcomePerCommitment() {
        SelfAssessmentRequest partial = new SelfAssessmentRequest(List.of(
                new SelfAssessmentRequest.Outcome(0, true, null)), null);
        SelfAssessmentRequest twice = new SelfAssessmentRequest(List.of(
                new SelfAssessmentRequest.Outcome(0, true, null), new SelfAssessmentRequest.Outcome(0, null, null)),
                null);

        assertThat(catchThrowableOfType(InvalidInputException.class, () -> validator.validate(partial, 2)).errors())
                .extracting(FieldProblem::field).containsExactly("outcomes");
        assertThat(catchThrowableOfType(InvalidInputException.class, () -> validator.validate(twice, 2)).errors())
                .extracting(FieldProblem::field).containsExactly("outcomes[1].commitmentIndex", "outcomes[1].done");
    }
}
