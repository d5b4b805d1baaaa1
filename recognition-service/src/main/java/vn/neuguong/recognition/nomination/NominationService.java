package vn.neuguong.recognition.nomination;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import tools.jackson.databind.json.JsonMapper;
import vn.neuguong.contracts.Role;
import vn.neuguong.contracts.orgunit.OrgUnit;
import vn.neuguong.contracts.orgunit.OrgUnitLevel;
import vn.neuguong.contracts.recognition.NominationChanged;
import vn.neuguong.contracts.recognition.NominationStatus;
import vn.neuguong.contracts.recognition.NomineeKind;
import vn.neuguong.platform.orgunit.OrgUnitDirectory;
import vn.neuguong.platform.outbox.OutboxEvent;
import vn.neuguong.platform.security.CurrentUser;
import vn.neuguong.platform.text.InputText;
import vn.neuguong.platform.web.ConcurrentChanges;
import vn.neuguong.platform.web.ConflictException;
import vn.neuguong.platform.web.FieldProblem;
import vn.neuguong.platform.web.ForbiddenException;
import vn.neuguong.platform.web.IdempotencyKey;
import vn.neuguong.platform.web.InvalidInputException;
import vn.neuguong.platform.web.PreconditionFailedException;
import vn.neuguong.platform.web.ServiceUnavailableException;
import vn.neuguong.recognition.council.CouncilRule;
import vn.neuguong.recognition.council.Councils;
import vn.neuguong.recognition.field.FieldOfWork;
import vn.neuguong.recognition.pledge.PledgeEvaluation;
import vn.neuguong.recognition.pledge.PledgeEvaluations;

/**
 * The nomination use cases. Each write is one atomic single-document operation carrying the change and its event;
 * concurrent writers are serialized by the version the update is guarded with, and the nominee's uniqueness per
 * year and review level by a unique index.
 */
@Service
public class NominationService {

    public static final int DEFAULT_PAGE_SIZE = 20;
    public static final int MAX_PAGE_SIZE = 200;
    /** Directive 05-CT/TW dates from 2016-05-15. */
    static final int FIRST_YEAR = 2016;

    private final NominationRepository nominations;
    private final OrgUnitDirectory directory;
    private final Councils councils;
    private final NominationEvents events;
    private final PledgeEvaluations pledgeEvaluations;
    private final JsonMapper jsonMapper;
    private final Clock clock;
    private final MeterRegistry meters;

    public NominationService(NominationRepository nominations, OrgUnitDirectory directory, Councils councils,
            NominationEvents events, PledgeEvaluations pledgeEvaluations, JsonMapper jsonMapper, Clock clock,
            MeterRegistry meters) {
        this.nominations = nominations;
        this.directory = directory;
        this.councils = councils;
        this.events = events;
        this.pledgeEvaluations = pledgeEvaluations;
        this.jsonMapper = jsonMapper;
        this.clock = clock;
        this.meters = meters;
    }

    /** A submission's result; {@code replayed} when an earlier request with the same Idempotency-Key made it. */
    public record Submitted(Nomination nomination, boolean replayed) {
    }

    public Submitted submit(CurrentUser user, NominationRequest request, String idempotencyKey) {
        requireDirectoryReady();
        if (!NominationAccess.isOfficer(user)) {
            throw new ForbiddenException("Only a unit or province officer submits nominations");
        }
        IdempotencyKey key = IdempotencyKey.of(user, idempotencyKey, "nomination.submission", request, jsonMapper);
        if (key != null) {
            Optional<Nomination> earlier = nominations.findByCreationKey(key.key());
            if (earlier.isPresent()) {
                return new Submitted(replay(key, earlier.get()), true);
            }
        }
        Resolved resolved = resolve(request);
        NominationAccess.requireCanSubmit(user, resolved.nominatingUnit().path());
        requireReadablePledges(user, request.pledgeIds());

        // normalised before the nominee's key is made: an invisible character does not make another nominee
        String name = InputText.normalize(request.nominee().name());
        if (name == null) {
            throw new InvalidInputException("nominee.name", "must not be blank");
        }
        Nominee nominee = new Nominee(request.nominee().kind(), name, resolved.nomineeUnit().id(),
                InputText.normalize(request.nominee().memberId()));
        Nomination.Change change = new Nomination.Change(clock.instant(), user.sub(), key);
        ReviewRound firstRound = ReviewRound.open(resolved.reviewUnit().id(), resolved.reviewUnit().path(),
                resolved.reviewUnit().level(), change.at());
        Nomination nomination = Nomination.submitted(UUID.randomUUID().toString(), request.year(), nominee,
                resolved.nomineeUnit().path(), resolved.nominatingUnit().id(), request.field(),
                request.achievements().strip(), request.pledgeIds(), firstRound, change);
        OrgUnitLevel level = firstRound.level();
        Optional<Nomination> sameNominee = nominations.findByReviewKey(level, nomination.reviewKeys().get(level.name()));
        if (sameNominee.isPresent()) {
            // an attempt with this key that was still in the server when this one looked for it made it meanwhile
            if (key != null && key.key().equals(sameNominee.get().creationKey())) {
                return new Submitted(replay(key, sameNominee.get()), true);
            }
            throw alreadyNominated(user, sameNominee.get(), level);
        }
        try {
            nominations.insert(nomination, events.submitted(nomination));
        } catch (DuplicateKeyException raced) {
            if (key != null) {
                Optional<Nomination> earlier = nominations.findByCreationKey(key.key());
                if (earlier.isPresent()) {
                    return new Submitted(replay(key, earlier.get()), true);
                }
            }
            throw conflictingNominee(user, nomination).orElseThrow(() -> raced);
        }
        count(NominationChanged.SUBMITTED);
        return new Submitted(nomination, false);
    }

    private record Resolved(OrgUnit nomineeUnit, OrgUnit nominatingUnit, OrgUnit reviewUnit) {
    }

    /** Checks what bean validation cannot: the units, their relation, the council, the year, the member id. */
    private Resolved resolve(NominationRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        int latestYear = Year.now(clock).getValue() + 1;
        boolean yearValid = request.year() >= FIRST_YEAR && request.year() <= latestYear;
        if (!yearValid) {
            problems.add(new FieldProblem("year", "must be between " + FIRST_YEAR + " and " + latestYear));
        }
        if (request.nominee().memberId() != null && request.nominee().kind() != NomineeKind.INDIVIDUAL) {
            problems.add(new FieldProblem("nominee.memberId", "only an INDIVIDUAL nominee has a memberId"));
        }
        Integer year = yearValid ? request.year() : null;
        OrgUnit nomineeUnit = unit(request.nominee().unitId(), year, "nominee.unitId", problems);
        OrgUnit nominatingUnit = unit(request.nominatingUnitId(), year, "nominatingUnitId", problems);
        OrgUnit reviewUnit = null;
        if (nomineeUnit != null && nominatingUnit != null) {
            if (!nomineeUnit.path().contains(nominatingUnit.id())) {
                problems.add(new FieldProblem("nominee.unitId", "must lie in the nominating unit's subtree"));
            }
            reviewUnit = councilOf(nominatingUnit, problems);
        }
        if (request.pledgeIds() != null && new HashSet<>(request.pledgeIds()).size() != request.pledgeIds().size()) {
            problems.add(new FieldProblem("pledgeIds", "must not repeat an id"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Resolved(nomineeUnit, nominatingUnit, reviewUnit);
    }

    /**
     * A nomination links only pledges its submitter may read: the answer shows their status and grade. A pledge not
     * yet known here (its events not yet arrived) shows nothing but its id, so it may be linked.
     */
    private void requireReadablePledges(CurrentUser user, List<String> pledgeIds) {
        if (pledgeIds == null || pledgeIds.isEmpty() || user.readsEverything()) {
            return;
        }
        Map<String, PledgeEvaluation> known = pledgeEvaluations.find(pledgeIds);
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < pledgeIds.size(); i++) {
            PledgeEvaluation pledge = known.get(pledgeIds.get(i));
            boolean readable = pledge == null || directory.find(pledge.unitId())
                    .map(unit -> user.covers(unit.path())).orElse(false);
            if (!readable) {
                problems.add(new FieldProblem("pledgeIds[" + i + "]", "is not a pledge you may read"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    /** The unit, if it exists and existed in the year (when the year itself is valid). */
    private OrgUnit unit(String id, Integer year, String field, List<FieldProblem> problems) {
        Optional<OrgUnit> unit = directory.find(id);
        if (unit.isEmpty()) {
            problems.add(new FieldProblem(field, "is not a known unit"));
            return null;
        }
        if (year != null && !unit.get().validIn(year)) {
            problems.add(new FieldProblem(field, "did not exist in " + year));
            return null;
        }
        return unit.get();
    }

    /** The nominating unit's parent reviews; the central unit, which has none, reviews its own nominations. */
    private OrgUnit councilOf(OrgUnit nominatingUnit, List<FieldProblem> problems) {
        OrgUnit reviewUnit = nominatingUnit.parentId() == null ? nominatingUnit
                : directory.find(nominatingUnit.parentId()).orElse(null);
        if (reviewUnit == null) {
            problems.add(new FieldProblem("nominatingUnitId", "its parent unit " + nominatingUnit.parentId()
                    + " is not known"));
            return null;
        }
        if (councils.at(reviewUnit.level()).isEmpty()) {
            problems.add(new FieldProblem("nominatingUnitId", "its parent unit " + reviewUnit.id() + " ("
                    + reviewUnit.level() + ") has no recognition council"));
            return null;
        }
        return reviewUnit;
    }

    /** Nominations of the year with an award, optionally of a subtree: public honours, readable by every caller. */
    public List<Nomination> awarded(int year, String unitId) {
        return nominations.awarded(year, unitId);
    }

    public Nomination get(CurrentUser user, String id) {
        Nomination nomination = nominations.findById(id).orElseThrow(() -> NominationAccess.notFound(id));
        if (!NominationAccess.canRead(user, nomination)) {
            throw NominationAccess.notFound(id);
        }
        return nomination;
    }

    public record Filter(String unitId, String reviewUnitId, Integer year, NominationStatus status, NomineeKind kind,
            FieldOfWork field) {
    }

    public record PageOfNominations(List<Nomination> items, int page, int size, long total) {
    }

    public PageOfNominations list(CurrentUser user, Filter filter, int page, int size) {
        List<FieldProblem> problems = new ArrayList<>();
        if (page < 0) {
            problems.add(new FieldProblem("page", "must be 0 or more"));
        }
        if (size < 1) {
            problems.add(new FieldProblem("size", "must be 1 or more"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        int cappedSize = Math.min(size, MAX_PAGE_SIZE);
        NominationScope scope = NominationAccess.visibleTo(user);
        return new PageOfNominations(nominations.find(scope, filter, page, cappedSize), page, cappedSize,
                nominations.count(scope, filter));
    }

    public Nomination vote(CurrentUser user, String id, VoteRequest request, Long ifMatch, String idempotencyKey) {
        return transition(user, id, ifMatch, idempotencyKey, request, NominationChanged.VOTED,
                (caller, nomination) -> caller.has(Role.COUNCIL_MEMBER), NominationAccess::requireCanVote,
                (nomination, change) -> nomination.withVote(new Vote(user.sub(), user.name(), request.approve(),
                        request.comment(), change.at()), change));
    }

    public Nomination decide(CurrentUser user, String id, DecisionRequest request, Long ifMatch,
            String idempotencyKey) {
        return transition(user, id, ifMatch, idempotencyKey, request, NominationChanged.DECIDED,
                (caller, nomination) -> false, NominationAccess::requireCanDecide, (nomination, change) -> {
                    CouncilRule rule = councils.at(nomination.currentRound().level()).orElseThrow(() ->
                            new ConflictException("No council is configured at level "
                                    + nomination.currentRound().level()));
                    return nomination.decided(request.outcome(), request.award(), request.decisionNo().strip(),
                            user.name(), rule, change);
                });
    }

    public Nomination escalate(CurrentUser user, String id, Long ifMatch, String idempotencyKey) {
        return transition(user, id, ifMatch, idempotencyKey, Map.of("escalate", id), NominationChanged.ESCALATED,
                (caller, nomination) -> false, NominationAccess::requireCanDecide, (nomination, change) -> {
                    nomination.requireEscalatable();
                    ReviewRound next = higherCouncil(nomination, change);
                    String key = Nomination.reviewKey(nomination.year(), nomination.nomineeKey());
                    nominations.findByReviewKey(next.level(), key)
                            .filter(existing -> !existing.id().equals(nomination.id()))
                            .ifPresent(existing -> {
                                throw alreadyNominated(user, existing, next.level());
                            });
                    return nomination.escalated(next, change);
                });
    }

    private ReviewRound higherCouncil(Nomination nomination, Nomination.Change change) {
        OrgUnit reviewUnit = directory.find(nomination.reviewUnitId()).orElseThrow(() -> new ConflictException(
                "The reviewing unit " + nomination.reviewUnitId() + " is no longer known"));
        if (reviewUnit.parentId() == null) {
            throw new ConflictException("The council of " + reviewUnit.id() + " is the highest; there is no council"
                    + " to escalate to");
        }
        OrgUnit parent = directory.find(reviewUnit.parentId()).orElseThrow(() -> new ConflictException(
                "The parent unit " + reviewUnit.parentId() + " is not known"));
        if (councils.at(parent.level()).isEmpty()) {
            throw new ConflictException("Unit " + parent.id() + " (" + parent.level()
                    + ") has no recognition council");
        }
        return ReviewRound.open(parent.id(), parent.path(), parent.level(), change.at());
    }

    public Nomination replicate(CurrentUser user, String id, ReplicationRequest request, Long ifMatch,
            String idempotencyKey) {
        requireDirectoryReady();
        OrgUnit adopting = directory.find(request.adoptingUnitId()).orElseThrow(() ->
                new InvalidInputException("adoptingUnitId", "is not a known unit"));
        if (!adopting.validOn(LocalDate.now(clock))) {
            throw new InvalidInputException("adoptingUnitId", "no longer exists");
        }
        return transition(user, id, ifMatch, idempotencyKey, request, NominationChanged.REPLICATED,
                NominationAccess::adoptsUnseen,
                (caller, nomination) -> NominationAccess.requireCanRecordReplication(caller, adopting.path()),
                (nomination, change) -> nomination.replicatedIn(new Replication(adopting.id(), adopting.path(),
                        request.note() == null ? null : request.note().strip(), change.at(), change.by()), change));
    }

    /**
     * Reads, checks (visibility 404, replayed key, rights 403, If-Match 412, lifecycle 409, input 400) and writes
     * guarded by the version read; when another writer got in between, decides again on the new state.
     *
     * @param actsUnseen who may act on the nomination without being able to read it (a council member of another
     *                   unit learns it is not theirs to vote on: 403, not 404)
     */
    private Nomination transition(CurrentUser user, String id, Long ifMatch, String idempotencyKey, Object request,
            String eventType, BiPredicate<CurrentUser, Nomination> actsUnseen,
            BiConsumer<CurrentUser, Nomination> authorize, BiFunction<Nomination, Nomination.Change, Nomination> change) {
        requireDirectoryReady();
        IdempotencyKey key = IdempotencyKey.of(user, idempotencyKey, "nomination." + eventType + ":" + id, request,
                jsonMapper);
        return ConcurrentChanges.retry("nomination", () -> {
            Nomination before = nominations.findById(id).orElseThrow(() -> NominationAccess.notFound(id));
            if (!NominationAccess.canRead(user, before) && !actsUnseen.test(user, before)) {
                throw NominationAccess.notFound(id);
            }
            if (key != null && key.appliedIn(before.appliedRequests(), id)) {
                return Optional.of(before);
            }
            authorize.accept(user, before);
            if (ifMatch != null && ifMatch != before.version()) {
                throw new PreconditionFailedException("The nomination is at version " + before.version() + ", not "
                        + ifMatch + "; read it again");
            }
            Nomination after = change.apply(before, new Nomination.Change(clock.instant(), user.sub(), key));
            OutboxEvent event = events.changed(eventType, before, after);
            try {
                if (!nominations.update(after, before.version(), event)) {
                    return Optional.empty();
                }
            } catch (DuplicateKeyException raced) {
                throw conflictingNominee(user, after).orElseThrow(() -> raced);
            }
            count(eventType);
            return Optional.of(after);
        });
    }

    /** The other nomination holding one of this one's review keys, as a 409. */
    private Optional<ConflictException> conflictingNominee(CurrentUser user, Nomination nomination) {
        for (Map.Entry<String, String> key : nomination.reviewKeys().entrySet()) {
            OrgUnitLevel level = OrgUnitLevel.valueOf(key.getKey());
            Optional<Nomination> existing = nominations.findByReviewKey(level, key.getValue())
                    .filter(other -> !other.id().equals(nomination.id()));
            if (existing.isPresent()) {
                return Optional.of(alreadyNominated(user, existing.get(), level));
            }
        }
        return Optional.empty();
    }

    /** The existing nomination's id only to a caller who may read it. */
    private static ConflictException alreadyNominated(CurrentUser user, Nomination existing, OrgUnitLevel level) {
        return new ConflictException("This nominee is already nominated for " + existing.year() + " at the "
                + level + " level", NominationAccess.canRead(user, existing) ? Map.of("existingId", existing.id())
                : Map.of());
    }

    private static Nomination replay(IdempotencyKey key, Nomination earlier) {
        key.requireSameRequestAs(new IdempotencyKey(earlier.creationKey(), earlier.creationRequestHash()), earlier.id());
        return earlier;
    }

    private void requireDirectoryReady() {
        if (!directory.ready()) {
            throw new ServiceUnavailableException("The org-unit registry is still loading; retry shortly.");
        }
    }

    private void count(String eventType) {
        meters.counter("neuguong.recognition.changes", "type", eventType).increment();
    }
}
