package vn.neuguong.recognition.nomination;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import vn.neuguong.contracts.orgunit.OrgUnitLevel;
import vn.neuguong.platform.outbox.OutboxEvent;
import vn.neuguong.platform.outbox.OutboxEvents;

/**
 * The {@code nominations} collection. Every write is one single-document operation carrying the state change and
 * its event together: an insert starts the outbox, an update guarded by the expected version {@code $push}es to it.
 */
@Repository
public class NominationRepository implements InitializingBean {

    private final MongoTemplate mongo;
    private final OutboxEvents outbox;

    public NominationRepository(MongoTemplate mongo, OutboxEvents outbox) {
        this.mongo = mongo;
        this.outbox = outbox;
    }

    @Override
    public void afterPropertiesSet() {
        IndexOperations indexes = mongo.indexOps(Nomination.COLLECTION);
        for (OrgUnitLevel level : OrgUnitLevel.values()) {
            indexes.createIndex(new Index().on(reviewKeyField(level), Sort.Direction.ASC).unique().sparse()
                    .named("one_nomination_per_nominee_year_at_" + level.name().toLowerCase()));
        }
        indexes.createIndex(new Index().on("creationKey", Sort.Direction.ASC).unique().sparse()
                .named("creation_idempotency_key"));
        indexes.createIndex(new Index().on("unitPath", Sort.Direction.ASC).on("year", Sort.Direction.ASC)
                .named("list_by_nominee_subtree"));
        indexes.createIndex(new Index().on("rounds.reviewUnitPath", Sort.Direction.ASC).on("year", Sort.Direction.ASC)
                .named("list_by_review_subtree"));
        indexes.createIndex(new Index().on("nominee.memberId", Sort.Direction.ASC).on("year", Sort.Direction.ASC)
                .named("list_own"));
        indexes.createIndex(new Index().on("year", Sort.Direction.ASC).on("rounds.decision.outcome", Sort.Direction.ASC)
                .named("honour_roll"));
        OutboxEvents.declareIndexes(indexes);
    }

    static String reviewKeyField(OrgUnitLevel level) {
        return "reviewKeys." + level.name();
    }

    /** @throws org.springframework.dao.DuplicateKeyException for a nominee already nominated at that level and year, or a reused creation key */
    public void insert(Nomination nomination, OutboxEvent submitted) {
        Document document = new Document();
        mongo.getConverter().write(nomination, document);
        mongo.insert(outbox.withEvent(document, submitted), Nomination.COLLECTION);
        outbox.written(Nomination.COLLECTION, nomination.id());
    }

    /**
     * Replaces the nomination's mutable state with {@code after} and appends its event, provided nobody changed it
     * since {@code expectedVersion} was read.
     *
     * @return false when the version moved on (the caller re-reads and decides again)
     * @throws org.springframework.dao.DuplicateKeyException when an escalation meets the nominee's nomination at
     *         the higher level
     */
    public boolean update(Nomination after, long expectedVersion, OutboxEvent event) {
        Update update = new Update()
                .set("status", after.status())
                .set("rounds", after.rounds())
                .set("replications", after.replications())
                .set("reviewKeys", after.reviewKeys())
                .set("version", after.version())
                .set("updatedAt", after.updatedAt())
                .set("updatedBy", after.updatedBy())
                .set("appliedRequests", after.appliedRequests());
        outbox.appendTo(update, event);
        Query current = Query.query(Criteria.where("id").is(after.id()).and("version").is(expectedVersion));
        boolean updated = mongo.updateFirst(current, update, Nomination.class).getModifiedCount() == 1;
        if (updated) {
            outbox.written(Nomination.COLLECTION, after.id());
        }
        return updated;
    }

    public Optional<Nomination> findById(String id) {
        return Optional.ofNullable(mongo.findById(id, Nomination.class));
    }

    public Optional<Nomination> findByCreationKey(String creationKey) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("creationKey").is(creationKey)),
                Nomination.class));
    }

    public Optional<Nomination> findByReviewKey(OrgUnitLevel level, String reviewKey) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where(reviewKeyField(level)).is(reviewKey)),
                Nomination.class));
    }

    public List<Nomination> find(NominationScope scope, NominationService.Filter filter, int page, int size) {
        Query query = Query.query(matching(scope, filter))
                .with(Sort.by(Sort.Order.desc("submittedAt"), Sort.Order.asc("id")))
                .skip((long) page * size).limit(size);
        return mongo.find(query, Nomination.class);
    }

    public long count(NominationScope scope, NominationService.Filter filter) {
        return mongo.count(Query.query(matching(scope, filter)), Nomination.class);
    }

    private static Criteria matching(NominationScope scope, NominationService.Filter filter) {
        List<Criteria> all = new ArrayList<>();
        if (!scope.everything()) {
            List<Criteria> any = new ArrayList<>();
            any.add(Criteria.where("nominee.memberId").is(scope.memberId()));
            if (scope.subtree() != null) {
                any.add(Criteria.where("unitPath").is(scope.subtree()));
                any.add(Criteria.where("rounds.reviewUnitPath").is(scope.subtree()));
            }
            all.add(new Criteria().orOperator(any));
        }
        if (filter.unitId() != null) {
            all.add(Criteria.where("unitPath").is(filter.unitId()));
        }
        if (filter.reviewUnitId() != null) {
            all.add(Criteria.where("rounds.reviewUnitId").is(filter.reviewUnitId()));
        }
        if (filter.year() != null) {
            all.add(Criteria.where("year").is(filter.year()));
        }
        if (filter.status() != null) {
            all.add(Criteria.where("status").is(filter.status().name()));
        }
        if (filter.kind() != null) {
            all.add(Criteria.where("nominee.kind").is(filter.kind().name()));
        }
        if (filter.field() != null) {
            all.add(Criteria.where("field").is(filter.field().name()));
        }
        return all.isEmpty() ? new Criteria() : new Criteria().andOperator(all);
    }

    /** Nominations of the year with at least one AWARDED round, optionally only those of a subtree. */
    public List<Nomination> awarded(int year, String unitId) {
        Criteria criteria = Criteria.where("year").is(year).and("rounds.decision.outcome")
                .is(DecisionOutcome.AWARDED.name());
        if (unitId != null) {
            criteria = criteria.and("unitPath").is(unitId);
        }
        Query query = Query.query(criteria);
        query.fields().exclude("achievements").exclude("appliedRequests").exclude(OutboxEvent.OUTBOX_FIELD);
        return mongo.find(query, Nomination.class);
    }
}
