package vn.neuguong.reporting.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import vn.neuguong.platform.web.FieldProblem;

/** What makes a report's content acceptable; a draft may be incomplete, a submission may not. */
final class ReportRules {

    static final int MAX_NARRATIVE_LENGTH = 20_000;
    static final long MAX_INDICATOR_VALUE = 1_000_000_000L;

    static List<FieldProblem> check(NewReport report, boolean submission) {
        List<FieldProblem> problems = new ArrayList<>();
        if (report.unitId() == null || report.unitId().isBlank()) {
            problems.add(new FieldProblem("unitId", "must not be blank"));
        }
        if (report.periodId() == null || report.periodId().isBlank()) {
            problems.add(new FieldProblem("periodId", "must not be blank"));
        }
        Map<String, Long> indicators = report.indicators() == null ? Map.of() : report.indicators();
        indicators.forEach((code, value) -> {
            String field = "indicators." + code;
            if (Indicator.byCode(code).isEmpty()) {
                problems.add(new FieldProblem(field, "is not a known indicator"));
            } else if (value == null) {
                problems.add(new FieldProblem(field, "must not be null; leave it out to take the pre-filled figure"));
            } else if (value < 0 || value > MAX_INDICATOR_VALUE) {
                problems.add(new FieldProblem(field, "must be between 0 and " + MAX_INDICATOR_VALUE));
            }
        });
        if (submission) {
            for (Indicator indicator : Indicator.values()) {
                if (!indicator.prefilled() && !indicators.containsKey(indicator.code())) {
                    problems.add(new FieldProblem("indicators." + indicator.code(),
                            "must be given: only the unit knows it (" + indicator.label() + ")"));
                }
            }
        }
        Narrative narrative = report.narrative() == null ? Narrative.EMPTY : report.narrative();
        if (submission && (narrative.results() == null || narrative.results().isBlank())) {
            problems.add(new FieldProblem("narrative.results", "must not be blank"));
        }
        checkLength(problems, "narrative.results", narrative.results());
        checkLength(problems, "narrative.limitations", narrative.limitations());
        checkLength(problems, "narrative.lessons", narrative.lessons());
        checkLength(problems, "narrative.proposals", narrative.proposals());
        return problems;
    }

    static List<FieldProblem> checkReturn(ReportReturn giveBack) {
        if (giveBack == null || giveBack.reason() == null || giveBack.reason().isBlank()) {
            return List.of(new FieldProblem("reason", "must not be blank: the unit needs to know what to change"));
        }
        return giveBack.reason().length() > MAX_NARRATIVE_LENGTH
                ? List.of(new FieldProblem("reason", "must be at most " + MAX_NARRATIVE_LENGTH + " characters"))
                : List.of();
    }

    private static void checkLength(List<FieldProblem> problems, String field, String text) {
        if (text != null && text.length() > MAX_NARRATIVE_LENGTH) {
            problems.add(new FieldProblem(field, "must be at most " + MAX_NARRATIVE_LENGTH + " characters"));
        }
    }

    private ReportRules() {
    }
}
