package vn.neuguong.pledge.pledge;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.bson.Document;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteResult;

import vn.neuguong.contracts.pledge.PledgeStatus;
import vn.neuguong.contracts.pledge.PledgerKind;
import vn.neuguong.platform.outbox.OutboxEvent;
import vn.neuguong.platform.outbox.OutboxEvents;

/**
 * The {@code pledges} collection. Every write is one single-document operation that carries the state change and
 * its event together (an insert starts the outbox; an update guarded by the expected version {@code $push}es to it).
 */
@Repository
public class PledgeRepository implements InitializingBean {

    private final OutboxEvents outbox;
    private final MongoTemplate mongo;
    private final NearCopyTextStore nearCopyTexts;

    public PledgeRepository(MongoTemplate mongo, OutboxEvents outbox) {
        this.outbox = outbox;
        this.mongo = mongo;
        this.nearCopyTexts = new NearCopyTextStore(mongo);
    }

    @Override
    public void afterPropertiesSet() {
        IndexOperations indexes = mongo.indexOps(PledgeDocument.COLLECTION);
        indexes.createIndex(new Index().on("year", Sort.Direction.ASC).on("pledgerKey", Sort.Direction.ASC)
                .unique().named("one_pledge_per_pledger_and_year"));
        indexes.createIndex(new Index().on("creationKey", Sort.Direction.ASC).unique().sparse()
                .named("creation_idempotency_key"));
        indexes.createIndex(new Index().on("unitPath", Sort.Direction.ASC).on("year", Sort.Direction.ASC)
                .on("status", Sort.Direction.ASC).named("list_by_subtree"));
        indexes.createIndex(new Index().on("pledger.memberId", Sort.Direction.ASC).on("year", Sort.Direction.ASC)
                .named("list_own"));
        // a member's pledges of every year (where an officer may register one for them): without it each
        // registration and import batch read every pledge stored
        indexes.createIndex(new Index().on("pledger.memberId", Sort.Direction.ASC).named("pledges_of_member"));
        OutboxEvents.declareIndexes(indexes);
        nearCopyTexts.prepare();
    }

    /**
     * @param bandKeys the MinHash band keys of each of the pledge's actions, as the specificity check computed them
     * @throws org.springframework.dao.DuplicateKeyException for a second pledge of the pledger and year, or a reused creation key
     */
    public void insert(StoredPledge pledge, OutboxEvent registered, Function<String, List<String>> bandKeys) {
        mongo.insert(withOutbox(pledge, registered), PledgeDocument.COLLECTION);
        outbox.written(PledgeDocument.COLLECTION, pledge.pledge().id());
        nearCopyTexts.added(List.of(pledge.pledge()), bandKeys);
    }

    /** Inserts unordered: one failure does not stop the others. {@code bandKeys} as for {@link #insert}. */
    public BulkWriteResult insertAll(List<StoredPledge> pledges, List<OutboxEvent> registered,
                                     Function<String, List<String>> bandKeys) {
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, PledgeDocument.COLLECTION);
        for (int i = 0; i < pledges.size(); i++) {
            bulk.insert(withOutbox(pledges.get(i), registered.get(i)));
        }
        Set<Integer> failed = new HashSet<>();
        try {
            return bulk.execute();
        } catch (RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof MongoBulkWriteException partly) {
                    partly.getWriteErrors().forEach(error -> failed.add(error.getIndex()));
                }
            }
            throw e;
        } finally {
            List<Pledge> inserted = new ArrayList<>();
            for (int i = 0; i < pledges.size(); i++) {
                if (!failed.contains(i)) {
                    inserted.add(pledges.get(i).pledge());
                    outbox.written(PledgeDocument.COLLECTION, pledges.get(i).pledge().id());
                }
            }
            nearCopyTexts.added(inserted, bandKeys);
        }
    }

    private Document withOutbox(StoredPledge pledge, OutboxEvent event) {
        Document document = new Document();
        mongo.getConverter().write(PledgeDocument.of(pledge), document);
        return outbox.withEvent(document, event);
    }

    /**
     * Replaces the pledge's mutable state with {@code changed}'s and appends its event, provided nobody changed it
     * since {@code before} was read.
     *
     * @return false when the version moved on (the caller re-reads and decides again)
     */
    public boolean update(StoredPledge before, StoredPledge changed, OutboxEvent event) {
        PledgeDocument after = PledgeDocument.of(changed);
        Update update = new Update()
                .set("pledger", after.pledger())
                .set("pledgerKey", after.pledgerKey())
                .set("themeId", after.themeId())
                .set("commitments", after.commitments())
                .set("specificity", after.specificity())
                .set("status", after.status())
                .set("version", after.version())
                .set("updatedAt", after.updatedAt())
                .set("updatedBy", after.updatedBy())
                .set("selfAssessment", after.selfAssessment())
                .set("evaluation", after.evaluation())
                .set("withdrawal", after.withdrawal())
                .set("appliedKeys", after.appliedKeys());
        outbox.appendTo(update, event);
        Query current = Query.query(Criteria.where("id").is(after.id()).and("version")
                .is(before.pledge().version()));
        boolean updated = mongo.updateFirst(current, update, PledgeDocument.class).getModifiedCount() == 1;
        if (updated) {
            outbox.written(PledgeDocument.COLLECTION, after.id());
            nearCopyTexts.changed(before.pledge(), changed.pledge());
        }
        return updated;
    }

    public Optional<StoredPledge> findById(String id) {
        return Optional.ofNullable(mongo.findById(id, PledgeDocument.class)).map(PledgeDocument::stored);
    }

    public Optional<StoredPledge> findByCreationKey(String creationKey) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("creationKey").is(creationKey)),
                PledgeDocument.class)).map(PledgeDocument::stored);
    }

    /** The pledger's live pledge of the year, as {@link Pledge#pledgerKey} keys the pledger. */
    public Optional<Pledge> findByPledger(int year, String pledgerKey) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("year").is(year)
                .and("pledgerKey").is(pledgerKey)), PledgeDocument.class)).map(PledgeDocument::pledge);
    }

    /** Where a member's latest live individual pledge was registered, and when. */
    public record MemberUnit(List<String> unitPath, Instant registeredAt) {
    }

    /** For each of these members who has a live individual pledge of any year, the unit of the latest. */
    public Map<String, MemberUnit> latestUnitsOf(Collection<String> memberIds) {
        Query query = Query.query(Criteria.where("pledger.memberId").in(memberIds)
                .and("pledger.kind").is(PledgerKind.INDIVIDUAL.name())
                .and("status").ne(PledgeStatus.WITHDRAWN.name()));
        query.fields().include("pledger.memberId", "unitPath", "registeredAt");
        Map<String, MemberUnit> latest = new HashMap<>();
        for (Document pledge : mongo.find(query, Document.class, PledgeDocument.COLLECTION)) {
            MemberUnit unit = new MemberUnit(pledge.getList("unitPath", String.class),
                    pledge.getDate("registeredAt").toInstant());
            latest.merge(pledge.get("pledger", Document.class).getString("memberId"), unit,
                    (a, b) -> a.registeredAt().isAfter(b.registeredAt()) ? a : b);
        }
        return latest;
    }

    /**
     * Distinct commitment actions of the live pledges of the unit and year sharing a MinHash band key with the given
     * keys: candidates for near-copies. A pledge being revised does not count as a copy of itself.
     *
     * @param revised the pledge as it is before a revision, or null
     */
    public List<SimilarCandidate> nearCopyCandidates(String unitId, int year, Collection<String> bandKeys,
                                                     Pledge revised) {
        List<SimilarCandidate> candidates = nearCopyTexts.candidates(unitId, year, bandKeys);
        if (revised == null) {
            return candidates;
        }
        Set<String> own = new HashSet<>();
        revised.commitments().forEach(commitment -> own.add(commitment.action()));
        return candidates.stream().filter(candidate -> candidate.pledges() > 1
                || !own.contains(candidate.actions().get(0))).toList();
    }

    /**
     * @param pledges          how many live pledges of the unit and year use these actions
     * @param examplePledgeId the first pledge that used them
     */
    /** {@code examplePledger} is null for texts stored before it was kept. */
    public record SimilarCandidate(String unitId, int year, List<String> bandKeys, List<String> actions, int pledges,
                                   String examplePledgeId, String examplePledger) {
    }

    public List<Pledge> find(PledgeScope scope, PledgeFilter filter, Sort sort, int page, int size) {
        Query query = Query.query(matching(scope, filter)).with(sort)
                .skip((long) page * size).limit(size);
        return mongo.find(query, PledgeDocument.class).stream().map(PledgeDocument::pledge).toList();
    }

    public long count(PledgeScope scope, PledgeFilter filter) {
        return mongo.count(Query.query(matching(scope, filter)), PledgeDocument.class);
    }

    /** The pledges of the scope that the filter and {@code more} conditions ask for. */
    static Criteria matching(PledgeScope scope, PledgeFilter filter, Criteria... more) {
        List<Criteria> all = new ArrayList<>();
        if (!scope.everything()) {
            Criteria own = Criteria.where("pledger.kind").is(PledgerKind.INDIVIDUAL.name())
                    .and("pledger.memberId").is(scope.memberId());
            all.add(scope.subtree() == null ? own
                    : new Criteria().orOperator(Criteria.where("unitPath").is(scope.subtree()), own));
        }
        if (filter.unitId() != null) {
            all.add(Criteria.where("unitPath").is(filter.unitId()));
        }
        if (filter.year() != null) {
            all.add(Criteria.where("year").is(filter.year()));
        }
        if (filter.status() != null) {
            all.add(Criteria.where("status").is(filter.status().name()));
        }
        if (filter.generic() != null) {
            all.add(Criteria.where("specificity.generic").is(filter.generic()));
        }
        all.addAll(List.of(more));
        return all.isEmpty() ? new Criteria() : new Criteria().andOperator(all);
    }
}
