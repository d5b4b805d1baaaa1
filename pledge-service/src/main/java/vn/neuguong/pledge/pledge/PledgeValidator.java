package vn.neuguong.pledge.pledge;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import vn.neuguong.contracts.orgunit.OrgUnit;
import vn.neuguong.contracts.pledge.PledgerKind;
import vn.neuguong.platform.orgunit.OrgUnitDirectory;
import vn.neuguong.platform.text.InputText;
import vn.neuguong.platform.web.FieldProblem;
import vn.neuguong.platform.web.InvalidInputException;
import vn.neuguong.pledge.theme.StudyTheme;
import vn.neuguong.pledge.theme.StudyThemes;

/**
 * The input rules of pledges, shared by the API and the bulk import so both reject the same things with the same
 * field names. Every method reports all problems at once, as {@link InvalidInputException}.
 */
public class PledgeValidator {

    public static final int FIRST_YEAR = 2016;
    public static final int MAX_COMMITMENTS = 20;

    private final Clock clock;
    private final OrgUnitDirectory orgUnits;
    private final StudyThemes themes;

    public PledgeValidator(Clock clock, OrgUnitDirectory orgUnits, StudyThemes themes) {
        this.clock = clock;
        this.orgUnits = orgUnits;
        this.themes = themes;
    }

    /** What a valid registration resolves to: its unit and its study theme (null when the year has none). */
    public record Resolved(OrgUnit unit, StudyTheme theme) {
    }

    public Resolved validate(PledgeRequest request) {
        Problems problems = new Problems();
        int lastYear = LocalDate.now(clock.withZone(RegistrationDeadlines.VIETNAM)).getYear() + 1;
        Integer year = request.year();
        boolean yearValid = false;
        if (year == null) {
            problems.add("year", "is required");
        } else if (year < FIRST_YEAR || year > lastYear) {
            problems.add("year", "must be between " + FIRST_YEAR + " and " + lastYear);
        } else {
            yearValid = true;
        }

        OrgUnit unit = null;
        if (problems.required("unitId", request.unitId())) {
            Optional<OrgUnit> found = orgUnits.find(request.unitId());
            if (found.isEmpty()) {
                problems.add("unitId", "no such unit");
            } else if (yearValid && !found.get().validIn(year)) {
                problems.add("unitId", "the unit did not exist in " + year);
            } else {
                unit = found.get();
            }
        }

        validatePledger(request.pledger(), problems);

        StudyTheme theme = null;
        if (request.themeId() != null) {
            Optional<StudyTheme> found = themes.find(request.themeId());
            if (found.isEmpty()) {
                problems.add("themeId", "unknown study theme");
            } else if (yearValid && !found.get().covers(year)) {
                problems.add("themeId", "the theme does not cover " + year);
            } else {
                theme = found.get();
            }
        } else if (yearValid) {
            theme = themes.covering(year).orElse(null);
        }

        validateCommitments(request.commitments(), yearValid ? year : null, problems);
        problems.throwIfAny();
        return new Resolved(unit, theme);
    }

    private static void validatePledger(PledgeRequest.Pledger pledger, Problems problems) {
        if (pledger == null) {
            problems.add("pledger", "is required");
            return;
        }
        if (pledger.kind() == null) {
            problems.add("pledger.kind", "is required (INDIVIDUAL or COLLECTIVE)");
            return;
        }
        if (pledger.kind() == PledgerKind.INDIVIDUAL) {
            problems.required("pledger.memberId", pledger.memberId());
            problems.maxLength("pledger.memberId", pledger.memberId(), 64);
            problems.required("pledger.fullName", pledger.fullName());
            problems.maxLength("pledger.fullName", pledger.fullName(), 200);
            problems.maxLength("pledger.position", pledger.position(), 200);
            problems.absent("pledger.name", pledger.name(), "only a COLLECTIVE pledger has a name; use fullName");
        } else {
            problems.required("pledger.name", pledger.name());
            problems.maxLength("pledger.name", pledger.name(), 300);
            String onlyIndividuals = "only an INDIVIDUAL pledger has it";
            problems.absent("pledger.memberId", pledger.memberId(), onlyIndividuals);
            problems.absent("pledger.fullName", pledger.fullName(), onlyIndividuals);
            problems.absent("pledger.position", pledger.position(), onlyIndividuals);
        }
    }

    private static void validateCommitments(List<PledgeRequest.Commitment> commitments, Integer year,
                                            Problems problems) {
        if (commitments == null || commitments.isEmpty()) {
            problems.add("commitments", "at least one commitment is required");
            return;
        }
        if (commitments.size() > MAX_COMMITMENTS) {
            problems.add("commitments", "at most " + MAX_COMMITMENTS + " commitments");
            return;
        }
        for (int i = 0; i < commitments.size(); i++) {
            String prefix = "commitments[" + i + "].";
            PledgeRequest.Commitment commitment = commitments.get(i);
            if (commitment == null) {
                problems.add("commitments[" + i + "]", "is required");
                continue;
            }
            if (commitment.area() == null) {
                problems.add(prefix + "area", "is required (STUDY, ETHICS, STYLE, DUTY or BREAKTHROUGH)");
            }
            problems.required(prefix + "action", commitment.action());
            problems.maxLength(prefix + "action", commitment.action(), 1000);
            problems.maxLength(prefix + "linkedDuty", commitment.linkedDuty(), 500);
            problems.maxLength(prefix + "measure", commitment.measure(), 500);
            problems.maxLength(prefix + "target", commitment.target(), 500);
            if (year != null && commitment.dueDate() != null && commitment.dueDate().getYear() != year) {
                problems.add(prefix + "dueDate", "must be within " + year);
            }
        }
    }

    /** A revision may change everything but who pledges, for which unit and year. */
    public Resolved validateRevision(Pledge existing, PledgeRequest request) {
        Problems problems = new Problems();
        String keepIt = "cannot change on revision; withdraw the pledge and register a new one";
        if (request.year() != null && request.year() != existing.year()) {
            problems.add("year", keepIt);
        }
        if (request.unitId() != null && !request.unitId().equals(existing.unitId())) {
            problems.add("unitId", keepIt);
        }
        PledgeRequest.Pledger pledger = request.pledger();
        if (pledger != null && pledger.kind() != null) {
            if (pledger.kind() != existing.pledger().kind()) {
                problems.add("pledger.kind", keepIt);
            } else if (pledger.kind() == PledgerKind.INDIVIDUAL && pledger.memberId() != null
                    && !Objects.equals(InputText.normalize(pledger.memberId()), existing.pledger().memberId())) {
                problems.add("pledger.memberId", keepIt);
            } else if (pledger.kind() == PledgerKind.COLLECTIVE && pledger.name() != null
                    && !Pledge.pledgerKey(existing.unitId(), pledger.kind(), null, pledger.name())
                    .equals(existing.pledgerKey())) {
                problems.add("pledger.name", keepIt);
            }
        }
        problems.throwIfAny();
        return validate(request);
    }

    public void validate(SelfAssessmentRequest request, int commitmentCount) {
        Problems problems = new Problems();
        if (request.outcomes() == null || request.outcomes().isEmpty()) {
            problems.add("outcomes", "one outcome per commitment is required");
        } else {
            Set<Integer> seen = new HashSet<>();
            for (int i = 0; i < request.outcomes().size(); i++) {
                String prefix = "outcomes[" + i + "].";
                SelfAssessmentRequest.Outcome outcome = request.outcomes().get(i);
                if (outcome == null) {
                    problems.add("outcomes[" + i + "]", "is required");
                    continue;
                }
                Integer index = outcome.commitmentIndex();
                if (index == null) {
                    problems.add(prefix + "commitmentIndex", "is required");
                } else if (index < 0 || index >= commitmentCount) {
                    problems.add(prefix + "commitmentIndex", "must be between 0 and " + (commitmentCount - 1));
                } else if (!seen.add(index)) {
                    problems.add(prefix + "commitmentIndex", "commitment " + index + " already has an outcome");
                }
                if (outcome.done() == null) {
                    problems.add(prefix + "done", "is required");
                }
                problems.maxLength(prefix + "note", outcome.note(), 1000);
            }
            Set<Integer> missing = new TreeSet<>();
            for (int i = 0; i < commitmentCount; i++) {
                if (!seen.contains(i)) {
                    missing.add(i);
                }
            }
            if (!missing.isEmpty() && !problems.any()) {
                problems.add("outcomes", "every commitment needs an outcome; missing commitments " + missing);
            }
        }
        problems.maxLength("summary", request.summary(), 4000);
        problems.throwIfAny();
    }

    public void validate(EvaluationRequest request) {
        Problems problems = new Problems();
        if (request.grade() == null) {
            problems.add("grade", "is required (EXCELLENT, GOOD, COMPLETED or NOT_COMPLETED)");
        }
        problems.maxLength("comment", request.comment(), 2000);
        problems.throwIfAny();
    }

    public void validate(WithdrawalRequest request) {
        Problems problems = new Problems();
        problems.required("reason", request.reason());
        problems.maxLength("reason", request.reason(), 1000);
        problems.throwIfAny();
    }

    private static final class Problems {

        private final List<FieldProblem> list = new ArrayList<>();

        void add(String field, String message) {
            list.add(new FieldProblem(field, message));
        }

        /** @return whether the value is present */
        /** Present with something visible: text of invisible characters only is stored as nothing. */
        boolean required(String field, String value) {
            if (InputText.normalize(value) == null) {
                add(field, "is required");
                return false;
            }
            return true;
        }

        void maxLength(String field, String value, int max) {
            if (value != null && value.length() > max) {
                add(field, "must be at most " + max + " characters");
            }
        }

        void absent(String field, String value, String message) {
            if (value != null) {
                add(field, message);
            }
        }

        boolean any() {
            return !list.isEmpty();
        }

        void throwIfAny() {
            if (!list.isEmpty()) {
                throw new InvalidInputException(List.copyOf(list));
            }
        }
    }
}
