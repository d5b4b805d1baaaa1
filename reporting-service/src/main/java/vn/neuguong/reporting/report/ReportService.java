package vn.neuguong.reporting.report;

import java.text.Collator;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import tools.jackson.databind.json.JsonMapper;
import vn.neuguong.contracts.Topics;
import vn.neuguong.contracts.orgunit.OrgUnit;
import vn.neuguong.contracts.report.ReportChanged;
import vn.neuguong.contracts.report.ReportStatus;
import vn.neuguong.platform.outbox.OutboxEvent;
import vn.neuguong.platform.outbox.OutboxEvents;
import vn.neuguong.platform.security.CurrentUser;
import vn.neuguong.platform.web.ConcurrentChanges;
import vn.neuguong.platform.web.FieldProblem;
import vn.neuguong.platform.web.ForbiddenException;
import vn.neuguong.platform.web.IdempotencyKey;
import vn.neuguong.platform.web.InvalidInputException;
import vn.neuguong.platform.web.NotFoundException;
import vn.neuguong.platform.web.PreconditionFailedException;
import vn.neuguong.reporting.Page;
import vn.neuguong.reporting.aggregate.AggregateQueries;
import vn.neuguong.reporting.aggregate.AggregateView;
import vn.neuguong.reporting.orgunit.OrgUnitRegistry;
import vn.neuguong.reporting.period.Period;
import vn.neuguong.reporting.period.PeriodCatalog;
import vn.neuguong.reporting.period.ReportingDuty;
import vn.neuguong.reporting.report.ReportWorkflow.Transition;

/** Periodic reports: drafting, submission, review by the parent unit, corrections, and what parents read. */
@Service
public class ReportService {

    private static final Collator VIETNAMESE = Collator.getInstance(Locale.forLanguageTag("vi"));

    private final ReportStore store;
    private final OrgUnitRegistry registry;
    private final PeriodCatalog periods;
    private final ReportingDuty duty;
    private final AggregateQueries aggregates;
    private final OutboxEvents outboxEvents;
    private final JsonMapper jsonMapper;
    private final Clock clock;

    ReportService(ReportStore store, OrgUnitRegistry registry, PeriodCatalog periods, ReportingDuty duty,
            AggregateQueries aggregates, OutboxEvents outboxEvents, JsonMapper jsonMapper, Clock clock) {
        this.store = store;
        this.registry = registry;
        this.periods = periods;
        this.duty = duty;
        this.aggregates = aggregates;
        this.outboxEvents = outboxEvents;
        this.jsonMapper = jsonMapper;
        this.clock = clock;
    }

    /** The outcome of a save: the report, and whether this request created it. */
    public record Saved(ReportView report, boolean created) {
    }

    /**
     * Saves a draft or submits the unit's report for the period (first submission, resubmission after a return,
     * or a correction after an approval). A request repeating an earlier one's {@code Idempotency-Key} answers the
     * report again without changing it; the key with another request is a 409 ({@link IdempotencyKey}).
     */
    public Saved save(NewReport request, boolean draft, String idempotencyKey, Long ifMatch, CurrentUser user) {
        List<FieldProblem> problems = new ArrayList<>(ReportRules.check(request, !draft));
        OrgUnit unit = request.unitId() == null ? null : registry.find(request.unitId()).orElse(null);
        Period period = request.periodId() == null ? null : periods.find(request.periodId()).orElse(null);
        if (request.unitId() != null && unit == null) {
            problems.add(new FieldProblem("unitId", "no unit has this id"));
        }
        if (request.periodId() != null && period == null) {
            problems.add(new FieldProblem("periodId", "no reporting period has this id"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (!ReportAccess.canSubmit(user, unit)) {
            throw new ForbiddenException("Only the officers of " + unit.id() + " (" + unit.name()
                    + ") write its reports");
        }
        String notRequired = duty.whyNotRequired(unit, period);
        if (notRequired != null) {
            throw new InvalidInputException(List.of(new FieldProblem("unitId", "does not report for the period "
                    + period.id() + ": " + notRequired)));
        }
        String id = ReportDocument.idOf(period.id(), unit.id());
        IdempotencyKey key = IdempotencyKey.of(user, idempotencyKey, (draft ? "report.draft:" : "report.submission:") + id,
                request, jsonMapper);
        return ConcurrentChanges.retry("report", () -> {
            ReportDocument current = store.find(id).orElse(null);
            if (current != null && key != null && key.appliedIn(current.appliedKeys(), id)) {
                return Optional.of(new Saved(ReportView.of(current), false));
            }
            checkVersion(current, ifMatch);
            ReportDocument next = saved(current, request, draft, unit, period, key, user);
            return written(current, next) ? Optional.of(new Saved(ReportView.of(next), current == null))
                    : Optional.empty();
        });
    }

    private ReportDocument saved(ReportDocument current, NewReport request, boolean draft, OrgUnit unit, Period period,
            IdempotencyKey key, CurrentUser user) {
        Instant now = clock.instant();
        LocalDate dueDate = period.dueDates().of(unit.level());
        Transition transition = draft ? ReportWorkflow.saveDraft(current == null ? null : current.state())
                : ReportWorkflow.submit(current == null ? null : current.state(), now, dueDate, OrgUnitRegistry.VIETNAM);
        Map<String, IndicatorValue> indicators = indicators(request.indicators(), prefilledFigures(unit, period));
        Narrative narrative = request.narrative() == null ? Narrative.EMPTY : request.narrative();
        ReportDocument base = current != null ? current : ReportDocument.unsaved(unit, period.id(), period.year(), now);
        ReportState to = transition.to();
        boolean submits = transition.action().submits();
        HistoryEntry entry = new HistoryEntry(base.version() + 1, to.revision(), transition.action(), to.status(), now,
                user.sub(), user.name(), null, submits ? indicators : null, submits ? narrative : null);
        return base.saved(unit, dueDate, to, indicators, narrative, entry, key);
    }

    public ReportView get(String id, CurrentUser user) {
        return ReportView.of(readable(id, user));
    }

    public ReportView approve(String id, ReportApproval approval, Long ifMatch, String idempotencyKey,
            CurrentUser user) {
        String comment = approval == null ? null : approval.comment();
        IdempotencyKey key = IdempotencyKey.of(user, idempotencyKey, "report.approval:" + id, approval, jsonMapper);
        return review(id, ifMatch, key, user, current -> {
            if (comment != null && comment.length() > ReportRules.MAX_NARRATIVE_LENGTH) {
                throw new InvalidInputException(List.of(new FieldProblem("comment", "must be at most "
                        + ReportRules.MAX_NARRATIVE_LENGTH + " characters")));
            }
            return new Review(ReportWorkflow.approve(current.state()), comment, null);
        });
    }

    public ReportView giveBack(String id, ReportReturn giveBack, Long ifMatch, String idempotencyKey,
            CurrentUser user) {
        List<FieldProblem> problems = ReportRules.checkReturn(giveBack);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String reason = giveBack.reason().strip();
        IdempotencyKey key = IdempotencyKey.of(user, idempotencyKey, "report.return:" + id, giveBack, jsonMapper);
        return review(id, ifMatch, key, user,
                current -> new Review(ReportWorkflow.giveBack(current.state()), reason, reason));
    }

    /** Reports filtered by unit, period and status, within the reader's subtree (everything for the board). */
    public Page<ReportView> list(String unitId, String periodId, ReportStatus status, int page, int size,
            CurrentUser user) {
        Page.checkRequest(page, size);
        if (!user.readsEverything() && !ReportAccess.readsOwnSubtree(user)) {
            return new Page<>(List.of(), page, size, 0);
        }
        String under = user.readsEverything() ? null : user.unitId();
        List<ReportView> items = store.list(unitId, periodId, status, under, page, size).stream()
                .map(ReportView::of).toList();
        return new Page<>(items, page, size, store.count(unitId, periodId, status, under));
    }

    public ReportPrefill prefill(String unitId, String periodId, CurrentUser user) {
        OrgUnit unit = readableUnit(unitId, user);
        Period period = periods.get(periodId);
        Map<Indicator, Long> figures = prefilledFigures(unit, period);
        Map<String, ReportPrefill.Item> items = new LinkedHashMap<>();
        for (Indicator indicator : Indicator.values()) {
            items.put(indicator.code(), new ReportPrefill.Item(figures.get(indicator),
                    indicator.prefilled() ? "AGGREGATES" : "UNIT", indicator.label(), indicator.labelEn()));
        }
        Instant asOf = null;
        for (int year = period.from().getYear(); year <= period.to().getYear(); year++) {
            Instant yearAsOf = aggregates.figuresOf(unit, year, true).asOf();
            asOf = yearAsOf != null && (asOf == null || yearAsOf.isAfter(asOf)) ? yearAsOf : asOf;
        }
        return new ReportPrefill(unit.id(), period.id(), period.from().getYear(), period.to().getYear(), asOf, items);
    }

    /** The children's standing reports for the period, their indicator sums and narratives, and who is missing. */
    public ConsolidatedReport consolidated(String unitId, String periodId, CurrentUser user) {
        OrgUnit unit = readableUnit(unitId, user);
        Period period = periods.get(periodId);
        List<OrgUnit> children = registry.children(unit.id()).stream()
                .filter(child -> duty.required(child, period)).toList();
        Map<String, ReportDocument> reports = store.ofUnits(period.id(), children.stream().map(OrgUnit::id).toList())
                .stream().filter(report -> ReportWorkflow.isSubmitted(report.status()))
                .collect(Collectors.toMap(ReportDocument::unitId, Function.identity()));
        Map<String, Long> sums = new LinkedHashMap<>();
        List<ConsolidatedReport.ChildReport> childReports = new ArrayList<>();
        List<MissingUnit> missing = new ArrayList<>();
        for (OrgUnit child : children) {
            ReportDocument report = reports.get(child.id());
            if (report == null) {
                missing.add(new MissingUnit(child.id(), child.name(), child.level(), period.dueDates().of(child.level()),
                        unit.id(), unit.name()));
                continue;
            }
            Map<String, Long> values = new LinkedHashMap<>();
            report.indicators().forEach((code, value) -> {
                values.put(code, value.value());
                sums.merge(code, value.value(), Long::sum);
            });
            childReports.add(new ConsolidatedReport.ChildReport(report.id(), child.id(), child.name(), child.level(),
                    report.status(), report.onTime(), report.late(), report.corrected(), report.revision(),
                    report.submittedAt(), values, report.narrative()));
        }
        Map<String, Long> orderedSums = new LinkedHashMap<>();
        for (Indicator indicator : Indicator.values()) {
            if (sums.containsKey(indicator.code())) {
                orderedSums.put(indicator.code(), sums.get(indicator.code()));
            }
        }
        childReports.sort(Comparator.comparing(ConsolidatedReport.ChildReport::unitName, VIETNAMESE));
        missing.sort(Comparator.comparing(MissingUnit::name, VIETNAMESE));
        return new ConsolidatedReport(unit.id(), unit.name(), period.id(), period.title(), children.size(),
                childReports.size(), orderedSums, childReports, missing);
    }

    /** A parent unit's decision on a report: the transition, the history comment and a return's reason. */
    private record Review(Transition transition, String comment, String returnReason) {
    }

    private ReportView review(String id, Long ifMatch, IdempotencyKey key, CurrentUser user,
            Function<ReportDocument, Review> decide) {
        return ConcurrentChanges.retry("report", () -> {
            ReportDocument current = reviewable(id, user);
            if (key != null && key.appliedIn(current.appliedKeys(), id)) {
                return Optional.of(ReportView.of(current));
            }
            checkVersion(current, ifMatch);
            Review review = decide.apply(current);
            ReportState to = review.transition().to();
            HistoryEntry entry = new HistoryEntry(current.version() + 1, to.revision(), review.transition().action(),
                    to.status(), clock.instant(), user.sub(), user.name(), review.comment(), null, null);
            ReportDocument next = current.reviewed(to, review.returnReason(), entry, key);
            return written(current, next) ? Optional.of(ReportView.of(next)) : Optional.empty();
        });
    }

    /** False when another writer got in first (the guarded update or the insert found another report). */
    private boolean written(ReportDocument current, ReportDocument next) {
        ReportAction action = next.history().get(next.history().size() - 1).action();
        OutboxEvent event = outboxEvents.create(Topics.REPORT_EVENTS, action.eventType(), next.id(),
                new ReportChanged(next.id(), next.version(), next.unitId(), next.unitPath(), next.periodId(),
                        next.year(), current == null ? null : current.state().snapshot(), next.state().snapshot(),
                        next.updatedAt()));
        return current == null ? store.insert(next, event) : store.update(current, next, event);
    }

    private ReportDocument readable(String id, CurrentUser user) {
        ReportDocument report = store.find(id).orElseThrow(() -> notFound(id));
        OrgUnit unit = registry.find(report.unitId()).orElse(null);
        if (unit == null || !ReportAccess.canRead(user, unit)) {
            throw notFound(id);
        }
        return report;
    }

    private ReportDocument reviewable(String id, CurrentUser user) {
        ReportDocument report = readable(id, user);
        OrgUnit unit = registry.get(report.unitId());
        OrgUnit parent = unit.parentId() == null ? null : registry.find(unit.parentId()).orElse(null);
        if (!ReportAccess.canReview(user, unit, parent)) {
            throw new ForbiddenException("Only the officers of the parent unit " + unit.parentId()
                    + " approve or return the reports of " + unit.id());
        }
        return report;
    }

    private OrgUnit readableUnit(String unitId, CurrentUser user) {
        OrgUnit unit = registry.find(unitId).orElseThrow(() -> new NotFoundException("No org unit has the id " + unitId));
        if (!ReportAccess.canRead(user, unit)) {
            throw new NotFoundException("No org unit has the id " + unitId);
        }
        return unit;
    }

    /** The pre-filled indicators' figures in today's structure, summed over the period's years. */
    private Map<Indicator, Long> prefilledFigures(OrgUnit unit, Period period) {
        Map<Indicator, Long> figures = new EnumMap<>(Indicator.class);
        for (int year = period.from().getYear(); year <= period.to().getYear(); year++) {
            AggregateView yearFigures = aggregates.figuresOf(unit, year, true);
            for (Indicator indicator : Indicator.values()) {
                if (indicator.prefilled()) {
                    figures.merge(indicator, indicator.from(yearFigures), Long::sum);
                }
            }
        }
        return figures;
    }

    private static Map<String, IndicatorValue> indicators(Map<String, Long> given, Map<Indicator, Long> prefilled) {
        Map<String, IndicatorValue> values = new LinkedHashMap<>();
        for (Indicator indicator : Indicator.values()) {
            Long reported = given == null ? null : given.get(indicator.code());
            Long computed = prefilled.get(indicator);
            if (reported != null || computed != null) {
                values.put(indicator.code(), IndicatorValue.of(reported != null ? reported : computed, computed));
            }
        }
        return values;
    }

    private static void checkVersion(ReportDocument current, Long ifMatch) {
        if (current != null && ifMatch != null && ifMatch != current.version()) {
            throw new PreconditionFailedException("The report is at version " + current.version() + ", not " + ifMatch);
        }
    }

    private static NotFoundException notFound(String id) {
        return new NotFoundException("No report has the id " + id);
    }
}
