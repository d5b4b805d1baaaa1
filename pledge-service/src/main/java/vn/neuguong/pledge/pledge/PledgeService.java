package vn.neuguong.pledge.pledge;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.springframework.dao.DuplicateKeyException;

import tools.jackson.databind.json.JsonMapper;
import vn.neuguong.contracts.pledge.PledgeStatus;
import vn.neuguong.contracts.pledge.PledgerKind;
import vn.neuguong.platform.outbox.OutboxEvent;
import vn.neuguong.platform.security.CurrentUser;
import vn.neuguong.platform.web.ConcurrentChanges;
import vn.neuguong.platform.web.ConflictException;
import vn.neuguong.platform.web.FieldProblem;
import vn.neuguong.platform.web.IdempotencyKey;
import vn.neuguong.platform.web.InvalidInputException;
import vn.neuguong.platform.web.PreconditionFailedException;
import vn.neuguong.pledge.specificity.CopyCandidate;
import vn.neuguong.pledge.specificity.Finding;
import vn.neuguong.pledge.specificity.Specificity;

/**
 * The pledge use cases. Each write is one atomic single-document operation carrying the change and its event;
 * concurrent writers are serialized by the version the update is guarded with.
 */
public class PledgeService {

    public static final int MAX_PAGE_SIZE = 200;

    private final PledgeRepository pledges;
    private final PledgeValidator validator;
    private final PledgeFactory factory;
    private final MemberAffiliations affiliations;
    private final JsonMapper jsonMapper;
    private final Clock clock;

    public PledgeService(PledgeRepository pledges, PledgeValidator validator, PledgeFactory factory,
                         MemberAffiliations affiliations, JsonMapper jsonMapper, Clock clock) {
        this.pledges = pledges;
        this.validator = validator;
        this.factory = factory;
        this.affiliations = affiliations;
        this.jsonMapper = jsonMapper;
        this.clock = clock;
    }

    /** A registration's result; {@code replayed} when an earlier request with the same Idempotency-Key made it. */
    public record Registered(Pledge pledge, boolean replayed) {
    }

    public Registered register(CurrentUser user, PledgeRequest request, String idempotencyKey) {
        return register(user, request, null, idempotencyKey);
    }

    /**
     * A registration signed on {@code signedOn}, as a province's own records declare it (checked by
     * {@link SigningDay#problem} against today), or, when null, today.
     */
    public Registered register(CurrentUser user, PledgeRequest request, LocalDate signedOn, String idempotencyKey) {
        IdempotencyKey key = IdempotencyKey.of(user, idempotencyKey, "pledge.registration",
                signedOn == null ? request : Map.of("request", request, SigningDay.FIELD, signedOn), jsonMapper);
        if (key != null) {
            var earlier = pledges.findByCreationKey(key.key());
            if (earlier.isPresent()) {
                return new Registered(replay(earlier.get(), key), true);
            }
        }
        PledgeValidator.Resolved resolved = validator.validate(request);
        Optional<FieldProblem> badSigningDay = signedOn == null ? Optional.empty()
                : SigningDay.problem(signedOn, request.year(), SigningDay.of(clock.instant()));
        if (badSigningDay.isPresent()) {
            throw new InvalidInputException(List.of(badSigningDay.get()));
        }
        PledgeAccess.requireCanRegister(user, request, resolved.unit().path());
        Pledge.Pledger pledger = PledgeFactory.pledger(request.pledger());
        if (pledger.kind() == PledgerKind.INDIVIDUAL
                && !affiliations.outsideScopeOf(user, Set.of(pledger.memberId())).isEmpty()) {
            throw new InvalidInputException("pledger.memberId", MemberAffiliations.OUTSIDE_SCOPE);
        }
        // no read first: the unique index answers whether the pledger has a pledge (see the catch below)
        String pledgerKey = Pledge.pledgerKey(resolved.unit().id(), pledger.kind(), pledger.memberId(), pledger.name());

        List<Pledge.Commitment> commitments = PledgeFactory.commitments(request);
        Map<String, List<String>> bandKeysByAction = new HashMap<>();
        Function<String, List<String>> bandKeys = action -> bandKeysByAction.computeIfAbsent(action,
                PledgeFactory::bandKeys);
        Specificity specificity = specificity(commitments, resolved, request.year(), null, bandKeys);
        Pledge pledge = factory.newPledge(UUID.randomUUID().toString(), request, commitments, resolved, specificity,
                new Pledge.Change(clock.instant(), user.sub()), signedOn);
        try {
            pledges.insert(StoredPledge.registered(pledge, key, null), factory.registered(pledge), bandKeys);
            return new Registered(pledge, false);
        } catch (DuplicateKeyException raced) {
            if (key != null) {
                var earlier = pledges.findByCreationKey(key.key());
                if (earlier.isPresent()) {
                    return new Registered(replay(earlier.get(), key), true);
                }
            }
            throw pledges.findByPledger(request.year(), pledgerKey).map(existing -> alreadyPledged(user, existing))
                    .orElseThrow(() -> raced);
        }
    }

    /**
     * The specificity a registration (or, with {@code revisingId}, a revision) of this request would get, computed by
     * the same validation, rights and checker as the write, without storing anything: the form checks a draft while
     * it is typed so a generic pledge is fixed before it is filed.
     */
    public Specificity checkDraft(CurrentUser user, PledgeRequest request, String revisingId) {
        PledgeValidator.Resolved resolved;
        Pledge revised = null;
        if (revisingId == null) {
            resolved = validator.validate(request);
            PledgeAccess.requireCanRegister(user, request, resolved.unit().path());
        } else {
            revised = get(user, revisingId);
            PledgeAccess.requireCanManage(user, revised);
            resolved = validator.validateRevision(revised, request);
        }
        Specificity specificity = specificity(PledgeFactory.commitments(request), resolved, request.year(), revised,
                PledgeFactory::bandKeys);
        // as on a stored pledge: a near-copy names the pledge copied only to who may read that one
        return PledgeAccess.readsPledgesOfUnit(user, resolved.unit().path()) ? specificity
                : specificity.withoutCopiedPledges();
    }

    private static Pledge replay(StoredPledge earlier, IdempotencyKey key) {
        key.requireSameRequestAs(earlier.creation(), earlier.pledge().id());
        return earlier.pledge();
    }

    /** The existing pledge's id only to a caller who may read it: no answer names a pledge its caller cannot see. */
    private static ConflictException alreadyPledged(CurrentUser user, Pledge existing) {
        return new ConflictException("The pledger already has a pledge for " + existing.year(),
                PledgeAccess.canRead(user, existing) ? Map.of("existingId", existing.id()) : Map.of());
    }

    private Specificity specificity(List<Pledge.Commitment> commitments, PledgeValidator.Resolved resolved, int year,
                                    Pledge revised, Function<String, List<String>> bandKeys) {
        List<String> keys = PledgeFactory.similarityKeys(commitments, bandKeys);
        List<CopyCandidate> candidates = new ArrayList<>();
        Map<String, String> pledgers = new HashMap<>();
        for (PledgeRepository.SimilarCandidate candidate : pledges.nearCopyCandidates(resolved.unit().id(), year, keys,
                revised)) {
            String copied = revised != null && revised.id().equals(candidate.examplePledgeId()) ? null
                    : candidate.examplePledgeId();
            candidate.actions().forEach(action -> candidates.add(new CopyCandidate(action, copied)));
            if (copied != null && candidate.examplePledger() != null) {
                pledgers.put(copied, candidate.examplePledger());
            }
        }
        return factory.specificity(commitments, resolved.theme(), candidates).namingCopies(copied ->
                pledgers.containsKey(copied.pledgeId())
                        ? new Finding.CopiedPledge(copied.pledgeId(), pledgers.get(copied.pledgeId()))
                        : withPledger(copied));
    }

    /** Who pledged the pledge a commitment copies, for a text stored before its example's pledger was kept with it. */
    private Finding.CopiedPledge withPledger(Finding.CopiedPledge copied) {
        return pledges.findById(copied.pledgeId()).map(StoredPledge::pledge)
                .map(original -> new Finding.CopiedPledge(original.id(), original.pledger().displayName()))
                .orElse(copied);
    }

    public Pledge get(CurrentUser user, String id) {
        affiliations.learnFrom(user);
        return readable(user, id).pledge();
    }

    private StoredPledge readable(CurrentUser user, String id) {
        StoredPledge stored = pledges.findById(id).orElseThrow(() -> PledgeAccess.notFound(id));
        PledgeAccess.readable(user, stored.pledge());
        return stored;
    }

    public record PageOfPledges(List<Pledge> items, int page, int size, long total) {
    }

    /** A page of the pledges the user may see; {@code generic} keeps only ("chung chung") or no generic ones. */
    public PageOfPledges list(CurrentUser user, String unitId, Integer year, PledgeStatus status, Boolean generic,
                              String sort, int page, int size) {
        if (page < 0) {
            throw new InvalidInputException("page", "must be 0 or more");
        }
        if (size < 1) {
            throw new InvalidInputException("size", "must be 1 or more");
        }
        int cappedSize = Math.min(size, MAX_PAGE_SIZE);
        affiliations.learnFrom(user);
        PledgeScope scope = PledgeAccess.visibleTo(user);
        PledgeFilter filter = new PledgeFilter(unitId, year, status, generic);
        return new PageOfPledges(pledges.find(scope, filter, PledgeOrder.parse(sort), page, cappedSize), page,
                cappedSize, pledges.count(scope, filter));
    }

    public Pledge revise(CurrentUser user, String id, PledgeRequest request, long ifMatch, String idempotencyKey) {
        return transition(user, id, ifMatch, idempotencyKey, request, Transition.REVISE, PledgeAccess::requireCanManage,
                (pledge, change) -> {
                    PledgeValidator.Resolved resolved = validator.validateRevision(pledge, request);
                    List<Pledge.Commitment> commitments = PledgeFactory.commitments(request);
                    return pledge.revised(PledgeFactory.pledger(request.pledger()),
                            resolved.theme() == null ? null : resolved.theme().id(), commitments,
                            specificity(commitments, resolved, pledge.year(), pledge, PledgeFactory::bandKeys),
                            change);
                });
    }

    public Pledge selfAssess(CurrentUser user, String id, SelfAssessmentRequest request, Long ifMatch,
                             String idempotencyKey) {
        return transition(user, id, ifMatch, idempotencyKey, request, Transition.SELF_ASSESS,
                PledgeAccess::requireCanManage,
                (pledge, change) -> {
                    validator.validate(request, pledge.commitments().size());
                    List<Pledge.Outcome> outcomes = request.outcomes().stream()
                            .map(o -> new Pledge.Outcome(o.commitmentIndex(), o.done(), o.note()))
                            .sorted(Comparator.comparingInt(Pledge.Outcome::commitmentIndex)).toList();
                    return pledge.selfAssessed(new Pledge.SelfAssessment(outcomes, request.summary(), change.at(),
                            change.by()), change);
                });
    }

    public Pledge evaluate(CurrentUser user, String id, EvaluationRequest request, Long ifMatch,
                           String idempotencyKey) {
        return transition(user, id, ifMatch, idempotencyKey, request, Transition.EVALUATE,
                PledgeAccess::requireCanEvaluate,
                (pledge, change) -> {
                    validator.validate(request);
                    return pledge.evaluated(new Pledge.Evaluation(request.grade(), request.comment(), change.at(),
                            change.by()), change);
                });
    }

    public Pledge withdraw(CurrentUser user, String id, WithdrawalRequest request, Long ifMatch,
                           String idempotencyKey) {
        return transition(user, id, ifMatch, idempotencyKey, request, Transition.WITHDRAW,
                PledgeAccess::requireCanWithdraw,
                (pledge, change) -> {
                    validator.validate(request);
                    return pledge.withdrawn(new Pledge.Withdrawal(request.reason().strip(), change.at(), change.by()),
                            change);
                });
    }

    /**
     * Reads, checks (visibility 404, replayed key 200 or 409, rights 403, If-Match 412, lifecycle 409, input 400) and
     * writes guarded by the version read; when another writer got in between, decides again on the new state
     * ({@link ConcurrentChanges}).
     */
    private Pledge transition(CurrentUser user, String id, Long ifMatch, String idempotencyKey, Object request,
                              Transition transition, BiConsumer<CurrentUser, Pledge> authorize,
                              BiFunction<Pledge, Pledge.Change, Pledge> change) {
        IdempotencyKey key = IdempotencyKey.of(user, idempotencyKey, "pledge." + transition.name() + ":" + id, request,
                jsonMapper);
        return ConcurrentChanges.retry("pledge", () -> {
            StoredPledge stored = readable(user, id);
            Pledge before = stored.pledge();
            if (key != null && key.appliedIn(stored.appliedKeys(), id)) {
                return Optional.of(before);
            }
            authorize.accept(user, before);
            if (ifMatch != null && ifMatch != before.version()) {
                throw new PreconditionFailedException("The pledge is at version " + before.version()
                        + ", not " + ifMatch + "; read it again");
            }
            transition.from(before.status());
            Pledge after = change.apply(before, new Pledge.Change(clock.instant(), user.sub()));
            OutboxEvent event = factory.event(before, after, transition.eventType());
            return pledges.update(stored, stored.changed(after, key), event) ? Optional.of(after) : Optional.empty();
        });
    }

}
