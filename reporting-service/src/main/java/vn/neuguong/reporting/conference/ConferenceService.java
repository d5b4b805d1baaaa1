package vn.neuguong.reporting.conference;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import tools.jackson.databind.json.JsonMapper;
import vn.neuguong.contracts.Role;
import vn.neuguong.contracts.orgunit.OrgUnit;
import vn.neuguong.contracts.orgunit.OrgUnitLevel;
import vn.neuguong.platform.security.CurrentUser;
import vn.neuguong.platform.web.ConcurrentChanges;
import vn.neuguong.platform.web.FieldProblem;
import vn.neuguong.platform.web.ForbiddenException;
import vn.neuguong.platform.web.IdempotencyKey;
import vn.neuguong.platform.web.InvalidInputException;
import vn.neuguong.platform.web.NotFoundException;
import vn.neuguong.reporting.Page;
import vn.neuguong.reporting.orgunit.OrgUnitRegistry;

/**
 * Online review conferences and their live totals. The totals are never incremented: they are a recount of the
 * units' latest attendance documents, so a repeated or replaced check-in cannot make them drift, on one instance or
 * several. A recount is reused while the conference's check-in sequence has not moved.
 */
@Service
public class ConferenceService {

    static final int MAX_TITLE_LENGTH = 200;
    static final long MAX_CONNECTION_POINTS = 100_000;
    static final long MAX_ATTENDEES = 10_000_000;

    private record Counted(long sequence, ConferenceTotals totals) {
    }

    private final ConferenceStore store;
    private final OrgUnitRegistry registry;
    private final JsonMapper jsonMapper;
    private final Clock clock;
    private final Timer recountTimer;
    private final Map<String, Counted> counted = new ConcurrentHashMap<>();

    ConferenceService(ConferenceStore store, OrgUnitRegistry registry, JsonMapper jsonMapper, Clock clock,
            MeterRegistry meters) {
        this.jsonMapper = jsonMapper;
        this.store = store;
        this.registry = registry;
        this.clock = clock;
        this.recountTimer = Timer.builder("neuguong.conference.recount")
                .description("Recounting a conference's totals from its attendance documents")
                .publishPercentileHistogram().register(meters);
    }

    /**
     * With an Idempotency-Key the conference's id is derived from the caller's key, so a retried creation finds the
     * first one instead of making a second.
     */
    public ConferenceView create(NewConference request, String idempotencyKey, CurrentUser user) {
        List<FieldProblem> problems = new ArrayList<>();
        if (request.title() == null || request.title().isBlank()) {
            problems.add(new FieldProblem("title", "must not be blank"));
        } else if (request.title().length() > MAX_TITLE_LENGTH) {
            problems.add(new FieldProblem("title", "must be at most " + MAX_TITLE_LENGTH + " characters"));
        }
        if (request.startsAt() == null) {
            problems.add(new FieldProblem("startsAt", "must not be null"));
        }
        OrgUnit host = request.hostUnitId() == null ? null : registry.find(request.hostUnitId()).orElse(null);
        if (host == null) {
            problems.add(new FieldProblem("hostUnitId", request.hostUnitId() == null ? "must not be blank"
                    : "no unit has this id"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        boolean allowed = user.hasAny(Role.CENTRAL_BOARD, Role.ADMIN)
                || (user.has(Role.PROVINCE_OFFICER) && user.covers(host.path()));
        if (!allowed) {
            throw new ForbiddenException("Conferences are created by the central board, administrators, and province "
                    + "officers for their province");
        }
        IdempotencyKey key = IdempotencyKey.of(user, idempotencyKey, "conference.creation", request, jsonMapper);
        String id = "cf-" + (key == null ? UUID.randomUUID()
                : UUID.nameUUIDFromBytes(key.key().getBytes(StandardCharsets.UTF_8)));
        ConferenceDocument conference = new ConferenceDocument(id, request.title().strip(), host.id(), host.name(),
                host.path(), request.startsAt(), user.sub(), clock.instant(), 0, null, key);
        try {
            store.insert(conference);
        } catch (DuplicateKeyException retried) {
            ConferenceDocument first = store.find(id).orElseThrow(() -> retried);
            key.requireSameRequestAs(first.creationKey(), id);
            return ConferenceView.of(first);
        }
        return ConferenceView.of(conference);
    }

    public ConferenceView get(String id, CurrentUser user) {
        return ConferenceView.of(visible(id, user));
    }

    /** The conferences the user may see: hosted by their unit or above it, or (officers) below it. */
    public Page<ConferenceView> list(int page, int size, CurrentUser user) {
        Page.checkRequest(page, size);
        List<String> hostIds = null;
        String under = null;
        if (!user.readsEverything()) {
            hostIds = userPath(user);
            under = user.unitId();
        }
        List<ConferenceView> items = store.list(hostIds, under, page, size).stream().map(ConferenceView::of).toList();
        return new Page<>(items, page, size, store.count(hostIds, under));
    }

    /**
     * Replaces the unit's attendance. A check-in repeating an earlier one's {@code Idempotency-Key} answers the
     * attendance again without counting a new check-in; the key with other figures is a 409 ({@link IdempotencyKey}).
     */
    public AttendanceView checkIn(String conferenceId, CheckIn checkIn, String idempotencyKey, CurrentUser user) {
        ConferenceDocument conference = visible(conferenceId, user);
        List<FieldProblem> problems = new ArrayList<>();
        OrgUnit unit = checkIn.unitId() == null ? null : registry.find(checkIn.unitId()).orElse(null);
        if (unit == null) {
            problems.add(new FieldProblem("unitId", checkIn.unitId() == null ? "must not be blank" : "no unit has this id"));
        } else if (!unit.path().contains(conference.hostUnitId())) {
            problems.add(new FieldProblem("unitId", "is not under the host unit " + conference.hostUnitId()));
        } else if (!unit.validOn(registry.today())) {
            problems.add(new FieldProblem("unitId", "the unit no longer exists (valid until " + unit.validTo() + ")"));
        }
        checkFigure(problems, "connectionPoints", checkIn.connectionPoints(), MAX_CONNECTION_POINTS);
        checkFigure(problems, "attendees", checkIn.attendees(), MAX_ATTENDEES);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        boolean allowed = unit.level() == OrgUnitLevel.CENTRAL ? user.has(Role.CENTRAL_BOARD)
                : user.hasAny(Role.UNIT_OFFICER, Role.PROVINCE_OFFICER) && user.covers(unit.path());
        if (!allowed) {
            throw new ForbiddenException("Only officers of " + unit.id() + " or of a unit above it report its attendance");
        }
        String provinceId = unit.path().size() >= 2 ? unit.path().get(1) : unit.path().get(0);
        String id = AttendanceDocument.idOf(conference.id(), unit.id());
        IdempotencyKey key = IdempotencyKey.of(user, idempotencyKey, "conference.attendance:" + id, checkIn, jsonMapper);
        return ConcurrentChanges.retry("attendance", () -> {
            AttendanceDocument current = store.findAttendance(id).orElse(null);
            if (current != null && key != null && key.appliedIn(current.appliedKeys(), id)) {
                return Optional.of(AttendanceView.of(current));
            }
            AttendanceDocument next = new AttendanceDocument(id, conference.id(), unit.id(), unit.name(), provinceId,
                    checkIn.connectionPoints(), checkIn.attendees(), current == null ? 1 : current.version() + 1,
                    clock.instant(), user.sub(), IdempotencyKey.remember(current == null ? null : current.appliedKeys(),
                            key));
            return store.checkIn(current, next) ? Optional.of(AttendanceView.of(next)) : Optional.empty();
        });
    }

    public ConferenceTotals totals(String conferenceId, CurrentUser user) {
        visible(conferenceId, user);
        return totals(conferenceId);
    }

    /** The totals as of now: the last recount if the sequence has not moved since, else a new recount. */
    ConferenceTotals totals(String conferenceId) {
        long sequence = store.sequence(conferenceId);
        Counted last = counted.get(conferenceId);
        if (last != null && last.sequence() == sequence) {
            return last.totals();
        }
        return recount(conferenceId, sequence);
    }

    /**
     * Recounts the totals. {@code sequence} must have been read before, so the result holds at least every check-in
     * up to it.
     */
    ConferenceTotals recount(String conferenceId, long sequence) {
        Instant asOf = clock.instant();
        List<ConferenceStore.ProvinceSums> sums = recountTimer.record(() -> store.recount(conferenceId));
        Map<String, OrgUnit> provinces = registry.findAll(sums.stream().map(ConferenceStore.ProvinceSums::provinceId)
                .toList()).stream().collect(Collectors.toMap(OrgUnit::id, Function.identity()));
        List<ConferenceTotals.ProvinceTotals> byProvince = sums.stream()
                .map(sum -> new ConferenceTotals.ProvinceTotals(sum.provinceId(),
                        provinces.containsKey(sum.provinceId()) ? provinces.get(sum.provinceId()).name() : sum.provinceId(),
                        sum.connectionPoints(), sum.attendees(), sum.units()))
                .sorted(Comparator.comparing(ConferenceTotals.ProvinceTotals::provinceId))
                .toList();
        ConferenceTotals totals = new ConferenceTotals(conferenceId, asOf,
                byProvince.stream().mapToLong(ConferenceTotals.ProvinceTotals::connectionPoints).sum(),
                byProvince.stream().mapToLong(ConferenceTotals.ProvinceTotals::attendees).sum(),
                byProvince.stream().mapToLong(ConferenceTotals.ProvinceTotals::units).sum(), byProvince);
        counted.merge(conferenceId, new Counted(sequence, totals),
                (previous, next) -> next.sequence() >= previous.sequence() ? next : previous);
        return totals;
    }

    /** The conference, if the user may see it; 404 otherwise, as if it did not exist. */
    ConferenceDocument visible(String id, CurrentUser user) {
        ConferenceDocument conference = store.find(id).orElseThrow(() -> notFound(id));
        if (user.readsEverything() || conference.hostUnitPath().contains(user.unitId())
                || userPath(user).contains(conference.hostUnitId())) {
            return conference;
        }
        throw notFound(id);
    }

    private List<String> userPath(CurrentUser user) {
        return user.unitId() == null ? List.of() : registry.find(user.unitId()).map(OrgUnit::path).orElse(List.of());
    }

    private static void checkFigure(List<FieldProblem> problems, String field, Long value, long max) {
        if (value == null) {
            problems.add(new FieldProblem(field, "must not be null"));
        } else if (value < 0 || value > max) {
            problems.add(new FieldProblem(field, "must be between 0 and " + max));
        }
    }

    private static NotFoundException notFound(String id) {
        return new NotFoundException("No conference has the id " + id);
    }
}
