package vn.neuguong.reporting.orgunit;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import vn.neuguong.contracts.Topics;
import vn.neuguong.contracts.orgunit.OrgUnitChanged;
import vn.neuguong.contracts.orgunit.OrgUnitLevel;
import vn.neuguong.platform.outbox.OutboxEvent;
import vn.neuguong.platform.outbox.OutboxEvents;

/**
 * MongoDB access for the registry. Every change of a unit is one single-document write that changes the unit,
 * raises its version and appends its {@link OrgUnitChanged} event to the document's outbox, which the platform's
 * relay publishes to {@code neuguong.org-units}.
 */
@Component
class OrgUnitStore {

    private final MongoTemplate mongo;
    private final OutboxEvents outboxEvents;

    OrgUnitStore(MongoTemplate mongo, OutboxEvents outboxEvents) {
        this.mongo = mongo;
        this.outboxEvents = outboxEvents;
    }

    void ensureIndexes() {
        var indexes = mongo.indexOps(OrgUnitDocument.class);
        indexes.createIndex(new Index("parentId", Sort.Direction.ASC));
        indexes.createIndex(new Index("successorId", Sort.Direction.ASC).sparse());
        indexes.createIndex(new Index("searchKey", Sort.Direction.ASC));
        indexes.createIndex(new Index("creationKey", Sort.Direction.ASC).unique().sparse());
        mongo.indexOps(MemberCountFile.class).createIndex(new Index("creationKey", Sort.Direction.ASC).unique());
        OutboxEvents.declareIndexes(indexes);
    }

    /** How many units have events the relay has not published yet. */
    long countUnpublished() {
        return mongo.getCollection(OrgUnitDocument.COLLECTION)
                .countDocuments(Filters.exists(OutboxEvent.PENDING_SINCE_FIELD));
    }

    Optional<OrgUnitDocument> find(String id) {
        return Optional.ofNullable(id).map(known -> mongo.findById(known, OrgUnitDocument.class));
    }

    List<OrgUnitDocument> findAll(Collection<String> ids) {
        return mongo.find(query(where("_id").in(ids)), OrgUnitDocument.class);
    }

    /** Units whose path contains one of these ids: the units themselves and everything below them. */
    List<OrgUnitDocument> subtree(Collection<String> rootIds) {
        return mongo.find(query(where("path").in(rootIds)), OrgUnitDocument.class);
    }

    /** Units whose {@code successorId} is one of these ids: the units merged into them. */
    List<OrgUnitDocument> mergedInto(Collection<String> successorIds) {
        return mongo.find(query(where("successorId").in(successorIds)), OrgUnitDocument.class);
    }

    /** All children of a unit, or those valid on {@code validOn}, in name order. */
    List<OrgUnitDocument> children(String parentId, LocalDate validOn) {
        Query query = query(childrenCriteria(parentId, validOn)).with(Sort.by("searchKey", "_id"));
        return mongo.find(query, OrgUnitDocument.class);
    }

    List<OrgUnitDocument> children(String parentId, LocalDate validOn, int page, int size) {
        Query query = query(childrenCriteria(parentId, validOn)).with(Sort.by("searchKey", "_id"))
                .skip((long) page * size).limit(size);
        return mongo.find(query, OrgUnitDocument.class);
    }

    long countChildren(String parentId, LocalDate validOn) {
        return mongo.count(query(childrenCriteria(parentId, validOn)), OrgUnitDocument.class);
    }

    private static Criteria childrenCriteria(String parentId, LocalDate validOn) {
        Criteria criteria = where("parentId").is(parentId);
        if (validOn != null) {
            String day = validOn.toString();
            criteria = criteria.andOperator(
                    new Criteria().orOperator(where("validFrom").is(null), where("validFrom").lte(day)),
                    new Criteria().orOperator(where("validTo").is(null), where("validTo").gte(day)));
        }
        return criteria;
    }

    record SearchCandidate(String id, String searchKey) {
    }

    /** Units whose search key contains the query key, for ranking. */
    List<SearchCandidate> searchCandidates(String queryKey, OrgUnitLevel level) {
        Criteria criteria = where("searchKey").regex(Pattern.quote(queryKey));
        if (level != null) {
            criteria = criteria.and("level").is(level);
        }
        Query query = query(criteria);
        query.fields().include("_id", "searchKey");
        return mongo.find(query, Document.class, OrgUnitDocument.COLLECTION).stream()
                .map(document -> new SearchCandidate(document.getString("_id"), document.getString("searchKey")))
                .toList();
    }

    /** Fingerprints of the units the reference data created, by id. */
    Map<String, String> referenceFingerprints() {
        Query query = query(where("referenceFingerprint").ne(null));
        query.fields().include("_id", "referenceFingerprint");
        Map<String, String> fingerprints = new HashMap<>();
        mongo.find(query, Document.class, OrgUnitDocument.COLLECTION)
                .forEach(document -> fingerprints.put(document.getString("_id"),
                        document.getString("referenceFingerprint")));
        return fingerprints;
    }

    /**
     * Inserts new units (version 1) with their creation events. Units that already exist are left alone, so
     * instances starting together do not create a unit twice. Returns how many were inserted.
     */
    int insertAll(List<OrgUnitDocument> units) {
        if (units.isEmpty()) {
            return 0;
        }
        List<Document> documents = units.stream().map(unit -> withCreationEvent(unit)).toList();
        try {
            mongo.getCollection(OrgUnitDocument.COLLECTION).insertMany(documents, new InsertManyOptions().ordered(false));
            units.forEach(unit -> outboxEvents.written(OrgUnitDocument.COLLECTION, unit.id()));
            return documents.size();
        } catch (MongoBulkWriteException e) {
            if (!OutboxEvents.isDuplicateKey(e)) {
                throw e;
            }
            units.forEach(unit -> outboxEvents.written(OrgUnitDocument.COLLECTION, unit.id()));
            return documents.size() - e.getWriteErrors().size();
        }
    }

    Optional<OrgUnitDocument> findByCreationKey(String creationKey) {
        return Optional.ofNullable(mongo.findOne(query(where("creationKey").is(creationKey)), OrgUnitDocument.class));
    }

    Optional<MemberCountFile> findMemberCountFile(String creationKey) {
        return Optional.ofNullable(mongo.findOne(query(where("creationKey").is(creationKey)), MemberCountFile.class));
    }

    /** Remembers an applied member-count file; false when a file with its key was remembered meanwhile. */
    boolean insert(MemberCountFile file) {
        try {
            mongo.insert(file);
            return true;
        } catch (DuplicateKeyException raced) {
            return false;
        }
    }

    /** Inserts one new unit; false when its id or its creation key is taken. */
    boolean insert(OrgUnitDocument unit) {
        try {
            mongo.getCollection(OrgUnitDocument.COLLECTION).insertOne(withCreationEvent(unit));
            outboxEvents.written(OrgUnitDocument.COLLECTION, unit.id());
            return true;
        } catch (RuntimeException e) {
            if (OutboxEvents.isDuplicateKey(e)) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Replaces {@code current} by {@code next} (whose version must be {@code current.version() + 1}) if nobody
     * changed the unit meanwhile; false otherwise.
     */
    boolean update(OrgUnitDocument current, OrgUnitDocument next) {
        OutboxEvent event = outboxEvents.create(Topics.ORG_UNITS, OrgUnitChanged.TYPE, next.id(),
                new OrgUnitChanged(next.id(), next.version(), current.toOrgUnit(), next.toOrgUnit()));
        Update update = new Update()
                .set("code", next.code())
                .set("name", next.name())
                .set("nameEn", next.nameEn())
                .set("level", next.level())
                .set("parentId", next.parentId())
                .set("path", next.path())
                .set("memberCount", next.memberCount())
                .set("memberCountSynthetic", next.memberCountSynthetic())
                .set("validFrom", next.validFrom())
                .set("validTo", next.validTo())
                .set("successorId", next.successorId())
                .set("searchKey", next.searchKey())
                .set("version", next.version())
                .set("referenceFingerprint", next.referenceFingerprint())
                .set("appliedKeys", next.appliedKeys());
        outboxEvents.appendTo(update, event);
        Query unchanged = query(where("_id").is(current.id()).and("version").is(current.version()));
        boolean updated = mongo.updateFirst(unchanged, update, OrgUnitDocument.class).getMatchedCount() == 1;
        if (updated) {
            outboxEvents.written(OrgUnitDocument.COLLECTION, next.id());
        }
        return updated;
    }

    private Document withCreationEvent(OrgUnitDocument unit) {
        Document document = new Document();
        mongo.getConverter().write(unit, document);
        OutboxEvent event = outboxEvents.create(Topics.ORG_UNITS, OrgUnitChanged.TYPE, unit.id(),
                new OrgUnitChanged(unit.id(), unit.version(), null, unit.toOrgUnit()));
        return outboxEvents.withEvent(document, event);
    }
}
