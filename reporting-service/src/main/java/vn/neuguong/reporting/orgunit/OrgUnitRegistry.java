package vn.neuguong.reporting.orgunit;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import tools.jackson.databind.json.JsonMapper;
import vn.neuguong.contracts.Role;
import vn.neuguong.contracts.orgunit.OrgUnit;
import vn.neuguong.contracts.orgunit.OrgUnitLevel;
import vn.neuguong.platform.security.CurrentUser;
import vn.neuguong.platform.web.ConflictException;
import vn.neuguong.platform.web.FieldProblem;
import vn.neuguong.platform.web.ForbiddenException;
import vn.neuguong.platform.web.IdempotencyKey;
import vn.neuguong.platform.web.InvalidInputException;
import vn.neuguong.platform.web.NotFoundException;
import vn.neuguong.reporting.Page;

/**
 * The org-unit registry, source of truth for the organisation tree. Reads answer from MongoDB; every change is
 * published to {@code neuguong.org-units} through the outbox of the changed unit.
 */
@Service
public class OrgUnitRegistry {

    /** Validity dates are days in Vietnam. */
    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final OrgUnitStore store;
    private final Clock clock;
    private final JsonMapper jsonMapper;

    OrgUnitRegistry(OrgUnitStore store, Clock clock, JsonMapper jsonMapper) {
        this.store = store;
        this.clock = clock;
        this.jsonMapper = jsonMapper;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(VIETNAM));
    }

    public Optional<OrgUnit> find(String id) {
        return store.find(id).map(OrgUnitDocument::toOrgUnit);
    }

    public OrgUnit get(String id) {
        return find(id).orElseThrow(() -> unknown(id));
    }

    public List<OrgUnit> findAll(Collection<String> ids) {
        return store.findAll(ids).stream().map(OrgUnitDocument::toOrgUnit).toList();
    }

    /** Those of these units whose member count is a DEMO value. */
    public Set<String> withSyntheticMemberCount(Collection<String> ids) {
        return store.findAll(ids).stream().filter(OrgUnitDocument::memberCountSynthetic).map(OrgUnitDocument::id)
                .collect(Collectors.toSet());
    }

    public OrgUnitView view(String id) {
        return store.find(id).map(OrgUnitView::of).orElseThrow(() -> unknown(id));
    }

    /** All children of a unit, in name order. */
    public List<OrgUnit> children(String id) {
        return store.children(id, null).stream().map(OrgUnitDocument::toOrgUnit).toList();
    }

    public Page<OrgUnitView> children(String id, LocalDate validOn, int page, int size) {
        Page.checkRequest(page, size);
        if (store.find(id).isEmpty()) {
            throw unknown(id);
        }
        List<OrgUnitView> items = store.children(id, validOn, page, size).stream().map(OrgUnitView::of).toList();
        return new Page<>(items, page, size, store.countChildren(id, validOn));
    }

    /** The units whose path contains one of these ids (each of them included), as the registry records them. */
    public List<OrgUnit> subtree(Collection<String> rootIds) {
        return store.subtree(rootIds).stream().map(OrgUnitDocument::toOrgUnit).toList();
    }

    /**
     * The units below this one in today's structure, the unit included: its subtree and the subtrees of the units
     * merged into it (directly or through other merged units), e.g. for p-19 Thái Nguyên also lp-06 Bắc Kạn.
     */
    public List<OrgUnit> subtreeInCurrentStructure(String id) {
        List<String> roots = new ArrayList<>();
        roots.add(id);
        predecessors(id).forEach(predecessor -> roots.add(predecessor.id()));
        return subtree(roots);
    }

    /**
     * Units whose successor chain leads to this one (directly or through other merged units), e.g. the legacy
     * provinces lp-06 Bắc Kạn and lp-19 Thái Nguyên for p-19 Thái Nguyên.
     */
    public List<OrgUnit> predecessors(String id) {
        return predecessorsOfEach(List.of(id)).get(id);
    }

    /** {@link #predecessors(String)} of several units at once, by unit id. */
    public Map<String, List<OrgUnit>> predecessorsOfEach(Collection<String> ids) {
        Map<String, List<OrgUnit>> found = new HashMap<>();
        Map<String, String> rootOf = new HashMap<>();
        for (String id : ids) {
            found.put(id, new ArrayList<>());
            rootOf.put(id, id);
        }
        List<String> frontier = List.copyOf(ids);
        while (!frontier.isEmpty()) {
            List<String> next = new ArrayList<>();
            for (OrgUnitDocument merged : store.mergedInto(frontier)) {
                if (!rootOf.containsKey(merged.id())) {
                    String root = rootOf.get(merged.successorId());
                    rootOf.put(merged.id(), root);
                    found.get(root).add(merged.toOrgUnit());
                    next.add(merged.id());
                }
            }
            frontier = next;
        }
        return found;
    }

    /**
     * Units whose name matches the query with or without tone marks; names starting with it first, then names
     * with a word starting with it, then names containing it.
     */
    public Page<OrgUnitView> search(String query, OrgUnitLevel level, int page, int size) {
        Page.checkRequest(page, size);
        String queryKey = SearchKey.of(query);
        List<OrgUnitStore.SearchCandidate> ranked = store.searchCandidates(queryKey, level).stream()
                .filter(candidate -> SearchKey.matchRank(candidate.searchKey(), queryKey) >= 0)
                .sorted(Comparator.<OrgUnitStore.SearchCandidate>comparingInt(
                                candidate -> SearchKey.matchRank(candidate.searchKey(), queryKey))
                        .thenComparing(OrgUnitStore.SearchCandidate::searchKey)
                        .thenComparing(OrgUnitStore.SearchCandidate::id))
                .toList();
        List<String> pageIds = ranked.stream().skip((long) page * size).limit(size)
                .map(OrgUnitStore.SearchCandidate::id).toList();
        Map<String, OrgUnitDocument> documents = store.findAll(pageIds).stream()
                .collect(Collectors.toMap(OrgUnitDocument::id, Function.identity()));
        List<OrgUnitView> items = pageIds.stream().map(documents::get).filter(Objects::nonNull)
                .map(OrgUnitView::of).toList();
        return new Page<>(items, page, size, ranked.size());
    }

    /**
     * Adds a unit. With an Idempotency-Key a retried request answers the unit it added; the key with another request
     * is a 409 ({@link IdempotencyKey}), as is an id that is taken.
     */
    public OrgUnitView add(NewOrgUnit request, String idempotencyKey, CurrentUser user) {
        requireAdmin(user);
        LocalDate validFrom = request.validFrom() != null ? request.validFrom() : today();
        OrgUnit parent = request.parentId() == null ? null : find(request.parentId()).orElse(null);
        List<FieldProblem> problems = OrgUnitRules.checkNewUnit(request, parent, validFrom);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        IdempotencyKey key = IdempotencyKey.of(user, idempotencyKey, "org-unit.creation", request, jsonMapper);
        if (key != null) {
            Optional<OrgUnitDocument> earlier = store.findByCreationKey(key.key());
            if (earlier.isPresent()) {
                return firstResult(key, earlier.get());
            }
        }
        String id = request.id() != null ? request.id() : "u-" + UUID.randomUUID();
        List<String> path = new ArrayList<>(parent.path());
        path.add(id);
        OrgUnit unit = new OrgUnit(id, request.code(), request.name().strip(),
                request.nameEn() == null ? SearchKey.unaccented(request.name().strip()) : request.nameEn().strip(),
                request.level(), parent.id(), List.copyOf(path),
                request.memberCount() == null ? 0 : request.memberCount(), validFrom, null, null);
        OrgUnitDocument document = OrgUnitDocument.added(unit, key);
        if (!store.insert(document)) {
            Optional<OrgUnitDocument> raced = key == null ? Optional.empty() : store.findByCreationKey(key.key());
            if (raced.isPresent()) {
                return firstResult(key, raced.get());
            }
            throw new ConflictException("A unit with id " + id + " exists already", Map.of("existingId", id));
        }
        return OrgUnitView.of(document);
    }

    private static OrgUnitView firstResult(IdempotencyKey key, OrgUnitDocument earlier) {
        key.requireSameRequestAs(earlier.creation(), earlier.id());
        return OrgUnitView.of(earlier);
    }

    public OrgUnitView recordMerger(String id, Merger merger, String idempotencyKey, CurrentUser user) {
        requireAdmin(user);
        IdempotencyKey key = IdempotencyKey.of(user, idempotencyKey, "org-unit.merger:" + id, merger, jsonMapper);
        OrgUnitDocument current = store.find(id).orElseThrow(() -> unknown(id));
        if (key != null && key.appliedIn(current.appliedKeys(), id)) {
            return OrgUnitView.of(current);
        }
        if (current.successorId() != null) {
            throw new ConflictException("The unit was already merged into " + current.successorId(),
                    Map.of("successorId", current.successorId()));
        }
        OrgUnit successor = merger.successorId() == null ? null : find(merger.successorId()).orElse(null);
        List<FieldProblem> problems = OrgUnitRules.checkMerger(current.toOrgUnit(), merger, successor,
                successor == null ? List.of() : successorChain(successor));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        OrgUnit unit = current.toOrgUnit();
        OrgUnit merged = new OrgUnit(unit.id(), unit.code(), unit.name(), unit.nameEn(), unit.level(), unit.parentId(),
                unit.path(), unit.memberCount(), unit.validFrom(), merger.validTo(), successor.id());
        return OrgUnitView.of(update(current, merged, current.memberCountSynthetic(), key));
    }

    public OrgUnitView setMemberCount(String id, MemberCount memberCount, String idempotencyKey, CurrentUser user) {
        requireAdmin(user);
        IdempotencyKey key = IdempotencyKey.of(user, idempotencyKey, "org-unit.member-count:" + id, memberCount,
                jsonMapper);
        OrgUnitDocument current = store.find(id).orElseThrow(() -> unknown(id));
        if (key != null && key.appliedIn(current.appliedKeys(), id)) {
            return OrgUnitView.of(current);
        }
        List<FieldProblem> problems = OrgUnitRules.checkMemberCount(memberCount);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return OrgUnitView.of(withMemberCount(current, memberCount.memberCount(), key));
    }

    /**
     * Applies a member-count file, all or nothing as far as validation goes: one bad row rejects the file. With an
     * Idempotency-Key a retried file answers the first outcome ({@link MemberCountFile}); the key with another file
     * is a 409.
     */
    public MemberCountImport importMemberCounts(String csv, String idempotencyKey, CurrentUser user) {
        requireAdmin(user);
        IdempotencyKey key = IdempotencyKey.of(user, idempotencyKey, "org-unit.member-counts", csv, jsonMapper);
        if (key != null) {
            Optional<MemberCountFile> earlier = store.findMemberCountFile(key.key());
            if (earlier.isPresent()) {
                return firstOutcome(key, earlier.get());
            }
        }
        MemberCountCsv.Parsed parsed = MemberCountCsv.parse(csv);
        List<FieldProblem> problems = new ArrayList<>(parsed.problems());
        Map<String, OrgUnitDocument> units = store.findAll(parsed.rows().stream().map(MemberCountCsv.Row::unitId)
                .toList()).stream().collect(Collectors.toMap(OrgUnitDocument::id, Function.identity()));
        for (MemberCountCsv.Row row : parsed.rows()) {
            if (!units.containsKey(row.unitId())) {
                problems.add(new FieldProblem("rows[" + row.number() + "].unitId", "no unit has this id"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        int updated = 0;
        for (MemberCountCsv.Row row : parsed.rows()) {
            OrgUnitDocument current = units.get(row.unitId());
            if (current.memberCount() != row.memberCount() || current.memberCountSynthetic()) {
                withMemberCount(current, row.memberCount(), null);
                updated++;
            }
        }
        MemberCountImport outcome = new MemberCountImport(updated, parsed.rows().size() - updated);
        if (key != null && !store.insert(new MemberCountFile(UUID.randomUUID().toString(), key.key(),
                key.requestHash(), outcome, clock.instant()))) {
            return firstOutcome(key, store.findMemberCountFile(key.key()).orElseThrow());
        }
        return outcome;
    }

    private static MemberCountImport firstOutcome(IdempotencyKey key, MemberCountFile earlier) {
        key.requireSameRequestAs(new IdempotencyKey(earlier.creationKey(), earlier.requestHash()), earlier.id());
        return earlier.outcome();
    }

    /** An operator's count, which replaces a DEMO one even when the number is the same. */
    private OrgUnitDocument withMemberCount(OrgUnitDocument current, long memberCount, IdempotencyKey key) {
        if (current.memberCount() == memberCount && !current.memberCountSynthetic()) {
            return current;
        }
        OrgUnit unit = current.toOrgUnit();
        return update(current, new OrgUnit(unit.id(), unit.code(), unit.name(), unit.nameEn(), unit.level(),
                unit.parentId(), unit.path(), memberCount, unit.validFrom(), unit.validTo(), unit.successorId()), false,
                key);
    }

    private OrgUnitDocument update(OrgUnitDocument current, OrgUnit changed, boolean memberCountSynthetic,
            IdempotencyKey key) {
        OrgUnitDocument next = current.changedTo(changed, current.referenceFingerprint(), memberCountSynthetic, key);
        if (!store.update(current, next)) {
            throw new ConflictException("The unit " + current.id() + " changed meanwhile; read it again and retry",
                    Map.of("unitId", current.id()));
        }
        return next;
    }

    private List<OrgUnit> successorChain(OrgUnit start) {
        List<OrgUnit> chain = new ArrayList<>();
        Set<String> seen = new HashSet<>(Set.of(start.id()));
        OrgUnit current = start;
        while (current.successorId() != null && seen.add(current.successorId())) {
            Optional<OrgUnit> next = find(current.successorId());
            if (next.isEmpty()) {
                break;
            }
            chain.add(next.get());
            current = next.get();
        }
        return chain;
    }

    private static void requireAdmin(CurrentUser user) {
        if (!user.has(Role.ADMIN)) {
            throw new ForbiddenException("Only administrators change the org-unit registry");
        }
    }

    private static NotFoundException unknown(String id) {
        return new NotFoundException("No org unit has the id " + id);
    }
}
