package vn.neuguong.pledge.imports;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.databind.json.JsonMapper;
import vn.neuguong.platform.orgunit.OrgUnitDirectory;
import vn.neuguong.platform.outbox.OutboxEvent;
import vn.neuguong.platform.security.CurrentUser;
import vn.neuguong.platform.web.FieldProblem;
import vn.neuguong.platform.web.ForbiddenException;
import vn.neuguong.platform.web.InvalidInputException;
import vn.neuguong.contracts.pledge.PledgerKind;
import vn.neuguong.pledge.pledge.MemberAffiliations;
import vn.neuguong.pledge.pledge.Pledge;
import vn.neuguong.pledge.pledge.PledgeAccess;
import vn.neuguong.pledge.pledge.PledgeFactory;
import vn.neuguong.pledge.pledge.PledgeRepository;
import vn.neuguong.pledge.pledge.PledgeValidator;
import vn.neuguong.pledge.pledge.SigningDay;
import vn.neuguong.pledge.pledge.StoredPledge;

/**
 * Processes one import file: streams it, validates and authorizes each pledge like {@code POST /api/pledges}, and
 * inserts the valid ones in unordered batches, each pledge carrying its own registration event. A pledger who has a
 * pledge for the year already is refused by the unique index and counted as a duplicate, so importing a file again
 * creates nothing twice.
 */
class ImportProcessor {

    private static final Logger log = LoggerFactory.getLogger(ImportProcessor.class);
    private static final int DUPLICATE_KEY = 11000;
    private static final Duration REGISTRY_WAIT = Duration.ofSeconds(60);
    /** Distinct (unit, year, action) texts a job keeps for near-copy checks: a few tens of MB at most. */
    private static final int NEAR_COPY_TEXTS = 100_000;

    private final PledgeValidator validator;
    private final PledgeFactory factory;
    private final PledgeRepository pledges;
    private final MemberAffiliations affiliations;
    private final ImportJobs jobs;
    private final OrgUnitDirectory orgUnits;
    private final JsonMapper jsonMapper;
    private final Clock clock;
    private final ImportProperties properties;

    ImportProcessor(PledgeValidator validator, PledgeFactory factory, PledgeRepository pledges,
                    MemberAffiliations affiliations, ImportJobs jobs, OrgUnitDirectory orgUnits, JsonMapper jsonMapper,
                    Clock clock, ImportProperties properties) {
        this.validator = validator;
        this.factory = factory;
        this.pledges = pledges;
        this.affiliations = affiliations;
        this.jobs = jobs;
        this.orgUnits = orgUnits;
        this.jsonMapper = jsonMapper;
        this.clock = clock;
        this.properties = properties;
    }

    void process(ImportJob job, Path file) {
        try {
            awaitRegistry();
            jobs.started(job.id(), countRows(job.format(), file), clock.instant());
            ImportProgress progress = new ImportProgress(properties.maxRejectedDetails());
            NearCopyIndex nearCopies = new NearCopyIndex(NEAR_COPY_TEXTS);
            try (PledgeDraftReader reader = open(job.format(), file)) {
                List<PledgeDraft> batch = new ArrayList<>();
                for (PledgeDraft draft = reader.next(); draft != null; draft = reader.next()) {
                    batch.add(draft);
                    if (batch.size() == properties.batchSize()) {
                        processBatch(job, reader, batch, progress, nearCopies);
                        batch.clear();
                    }
                }
                processBatch(job, reader, batch, progress, nearCopies);
            }
            jobs.finished(job.id(), ImportStatus.COMPLETED, null, clock.instant());
            log.info("Import {} completed: {} pledges accepted, {} duplicates, {} rows rejected", job.id(),
                    progress.accepted(), progress.duplicates(), progress.rejectedRowCount());
        } catch (RuntimeException | IOException e) {
            log.warn("Import {} failed", job.id(), e);
            jobs.finished(job.id(), ImportStatus.FAILED, reason(e), clock.instant());
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                log.warn("Could not delete the import file {}", file, e);
            }
        }
    }

    /** Why a job stopped, for its reader: the readers' own messages, never a library's exception text. */
    private static String reason(Exception e) {
        String message = e instanceof IllegalArgumentException && e.getMessage() != null ? e.getMessage()
                : "the file could not be read beyond this point";
        return "The import stopped: " + message + ". Rows before this point were imported; importing the same file "
                + "again is safe (existing pledges are reported as duplicates).";
    }

    private void awaitRegistry() {
        Instant giveUp = clock.instant().plus(REGISTRY_WAIT);
        while (!orgUnits.ready()) {
            if (clock.instant().isAfter(giveUp)) {
                throw new IllegalStateException("the org-unit registry is not available");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the org-unit registry");
            }
        }
    }

    private long countRows(ImportFormat format, Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return format == ImportFormat.CSV ? CsvPledgeReader.countRows(reader) : NdjsonPledgeReader.countRows(reader);
        }
    }

    private PledgeDraftReader open(ImportFormat format, Path file) throws IOException {
        Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        try {
            return format == ImportFormat.CSV ? new CsvPledgeReader(reader) : new NdjsonPledgeReader(reader, jsonMapper);
        } catch (RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    /** A draft that passed validation and authorization. */
    private record Candidate(PledgeDraft draft, PledgeValidator.Resolved resolved, String pledgerKey) {
    }

    private void processBatch(ImportJob job, PledgeDraftReader reader, List<PledgeDraft> batch,
                              ImportProgress progress, NearCopyIndex nearCopies) {
        CurrentUser importer = job.importer().asUser();
        LocalDate uploadDay = SigningDay.of(job.createdAt());
        List<Candidate> candidates = new ArrayList<>();
        for (PledgeDraft draft : batch) {
            progress.read(draft.rows().size());
            if (draft.request() == null) {
                progress.rejected(complete(draft, draft.unreadable()));
                continue;
            }
            List<FieldProblem> problems = new ArrayList<>();
            PledgeValidator.Resolved resolved = null;
            try {
                resolved = validator.validate(draft.request());
            } catch (InvalidInputException invalid) {
                problems.addAll(invalid.errors());
            }
            if (draft.signedOn() != null && draft.request().year() != null) {
                SigningDay.problem(draft.signedOn(), draft.request().year(), uploadDay).ifPresent(problems::add);
            }
            if (!problems.isEmpty()) {
                progress.rejected(complete(draft, problems.stream().map(problem -> reader.locate(draft, problem))
                        .toList()));
                continue;
            }
            try {
                PledgeAccess.requireCanRegister(importer, draft.request(), resolved.unit().path());
            } catch (ForbiddenException forbidden) {
                progress.rejected(complete(draft, List.of(new RejectedRow(draft.rows().get(0),
                        List.of(new FieldProblem("unitId", forbidden.getMessage()))))));
                continue;
            }
            Pledge.Pledger pledger = PledgeFactory.pledger(draft.request().pledger());
            candidates.add(new Candidate(draft, resolved, Pledge.pledgerKey(resolved.unit().id(), pledger.kind(),
                    pledger.memberId(), pledger.name())));
        }
        insert(job, withoutForeignMembers(importer, reader, candidates, progress), progress, nearCopies);
        jobs.progressed(job.id(), progress, clock.instant());
    }

    /** Rejects the individual pledges of members last seen outside the importer's subtree, as the API does. */
    private List<Candidate> withoutForeignMembers(CurrentUser importer, PledgeDraftReader reader,
                                                  List<Candidate> candidates, ImportProgress progress) {
        Map<Candidate, String> members = new LinkedHashMap<>();
        for (Candidate candidate : candidates) {
            Pledge.Pledger pledger = PledgeFactory.pledger(candidate.draft().request().pledger());
            if (pledger.kind() == PledgerKind.INDIVIDUAL) {
                members.put(candidate, pledger.memberId());
            }
        }
        Set<String> foreign = members.isEmpty() ? Set.of() : affiliations.outsideScopeOf(importer, members.values());
        if (foreign.isEmpty()) {
            return candidates;
        }
        List<Candidate> kept = new ArrayList<>();
        for (Candidate candidate : candidates) {
            if (foreign.contains(members.get(candidate))) {
                PledgeDraft draft = candidate.draft();
                progress.rejected(complete(draft, List.of(reader.locate(draft,
                        new FieldProblem("pledger.memberId", MemberAffiliations.OUTSIDE_SCOPE)))));
            } else {
                kept.add(candidate);
            }
        }
        return kept;
    }

    private void insert(ImportJob job, List<Candidate> candidates, ImportProgress progress, NearCopyIndex nearCopies) {
        if (candidates.isEmpty()) {
            return;
        }
        nearCopies.trim();
        // One indexed query per (unit, year) of the batch, with the band keys not asked about yet in this job.
        Map<String, Set<String>> bandKeysByUnitAndYear = new LinkedHashMap<>();
        List<List<Pledge.Commitment>> commitments = new ArrayList<>();
        List<List<String>> similarityKeys = new ArrayList<>();
        for (Candidate candidate : candidates) {
            List<Pledge.Commitment> pledgeCommitments = PledgeFactory.commitments(candidate.draft().request());
            List<String> keys = PledgeFactory.similarityKeys(pledgeCommitments, nearCopies::bandKeys);
            commitments.add(pledgeCommitments);
            similarityKeys.add(keys);
            bandKeysByUnitAndYear.computeIfAbsent(candidate.resolved().unit().id() + "|"
                    + candidate.draft().request().year(), group -> new HashSet<>()).addAll(keys);
        }
        bandKeysByUnitAndYear.forEach((group, keys) -> {
            String[] unitAndYear = group.split("\\|");
            int year = Integer.parseInt(unitAndYear[1]);
            Set<String> notAsked = nearCopies.notAskedYet(unitAndYear[0], year, keys);
            if (!notAsked.isEmpty()) {
                pledges.nearCopyCandidates(unitAndYear[0], year, notAsked, null)
                        .forEach(nearCopies::add);
            }
        });

        List<StoredPledge> batch = new ArrayList<>();
        List<OutboxEvent> events = new ArrayList<>();
        Instant now = clock.instant();
        for (int i = 0; i < candidates.size(); i++) {
            Candidate candidate = candidates.get(i);
            String unitId = candidate.resolved().unit().id();
            int year = candidate.draft().request().year();
            List<String> keys = similarityKeys.get(i);
            Pledge pledge = factory.newPledge(UUID.randomUUID().toString(), candidate.draft().request(),
                    commitments.get(i), candidate.resolved(), factory.specificity(commitments.get(i),
                            candidate.resolved().theme(), nearCopies.actionsSharingAKey(unitId, year, keys)),
                    new Pledge.Change(now, job.importer().sub()), candidate.draft().signedOn());
            nearCopies.add(unitId, year, keys, commitments.get(i).stream().map(Pledge.Commitment::action).toList());
            batch.add(StoredPledge.registered(pledge, null, job.id()));
            events.add(factory.registered(pledge));
        }
        Set<Integer> failed = new HashSet<>();
        try {
            pledges.insertAll(batch, events, nearCopies::bandKeys);
        } catch (RuntimeException e) {
            MongoBulkWriteException bulk = bulkCause(e);
            if (bulk == null) {
                throw e;
            }
            for (BulkWriteError error : bulk.getWriteErrors()) {
                failed.add(error.getIndex());
                if (error.getCode() == DUPLICATE_KEY) {
                    progress.duplicate(candidates.get(error.getIndex()).draft().rows().get(0));
                } else {
                    log.warn("Import {}: a pledge could not be stored: {}", job.id(), error.getMessage());
                    PledgeDraft draft = candidates.get(error.getIndex()).draft();
                    progress.rejected(complete(draft, List.of(new RejectedRow(draft.rows().get(0),
                            List.of(new FieldProblem("pledge", "could not be stored"))))));
                }
            }
        }
        progress.accepted(batch.size() - failed.size());
        for (int i = 0; i < batch.size(); i++) {
            Pledge pledge = batch.get(i).pledge();
            if (!failed.contains(i) && pledge.specificity().generic()) {
                progress.generic(new GenericPledge(candidates.get(i).draft().rows().get(0), pledge.id(),
                        pledge.pledger().fullName() != null ? pledge.pledger().fullName() : pledge.pledger().name(),
                        pledge.specificity().score()));
            }
        }
    }

    private static MongoBulkWriteException bulkCause(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof MongoBulkWriteException bulk) {
                return bulk;
            }
        }
        return null;
    }

    /**
     * One entry per row of a rejected pledge: the row's own problems, or a pointer to the rows that have them (a
     * pledge is accepted or rejected as a whole).
     */
    private static List<RejectedRow> complete(PledgeDraft draft, List<RejectedRow> problems) {
        Map<Long, List<FieldProblem>> byRow = new LinkedHashMap<>();
        for (Long row : draft.rows()) {
            byRow.put(row, new ArrayList<>());
        }
        for (RejectedRow problem : problems) {
            byRow.computeIfAbsent(problem.row(), row -> new ArrayList<>()).addAll(problem.errors());
        }
        String pledgeRows = draft.rows().size() == 1 ? "row " + draft.rows().get(0)
                : "rows " + draft.rows().get(0) + "–" + draft.rows().get(draft.rows().size() - 1);
        List<RejectedRow> rows = new ArrayList<>();
        byRow.forEach((row, errors) -> rows.add(new RejectedRow(row, errors.isEmpty()
                ? List.of(new FieldProblem("pledge", "rejected with its pledge (" + pledgeRows + ")"))
                : List.copyOf(errors))));
        return rows;
    }
}
