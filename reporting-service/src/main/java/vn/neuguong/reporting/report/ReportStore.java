package vn.neuguong.reporting.report;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.Collection;
import java.util.List;
import java.util.Optional;


import org.bson.Document;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import vn.neuguong.contracts.report.ReportStatus;
import vn.neuguong.platform.outbox.OutboxEvent;
import vn.neuguong.platform.outbox.OutboxEvents;

/**
 * MongoDB access for reports. Every change is one single-document write that changes the report, raises its version
 * and appends its event to the document's outbox, which the platform's relay publishes to
 * {@code neuguong.report.events}.
 */
@Component
class ReportStore implements InitializingBean {

    private final MongoTemplate mongo;
    private final OutboxEvents outboxEvents;

    ReportStore(MongoTemplate mongo, OutboxEvents outboxEvents) {
        this.mongo = mongo;
        this.outboxEvents = outboxEvents;
    }

    @Override
    public void afterPropertiesSet() {
        var indexes = mongo.indexOps(ReportDocument.class);
        indexes.createIndex(new Index("periodId", Sort.Direction.ASC));
        indexes.createIndex(new Index("unitPath", Sort.Direction.ASC));
        OutboxEvents.declareIndexes(indexes);
    }

    Optional<ReportDocument> find(String id) {
        return Optional.ofNullable(mongo.findById(id, ReportDocument.class));
    }

    /** Inserts a new report with its first event; false when the unit's report for the period exists already. */
    boolean insert(ReportDocument report, OutboxEvent event) {
        try {
            mongo.getCollection(ReportDocument.COLLECTION).insertOne(outboxEvents.withEvent(asDocument(report), event));
            outboxEvents.written(ReportDocument.COLLECTION, report.id());
            return true;
        } catch (RuntimeException e) {
            if (OutboxEvents.isDuplicateKey(e)) {
                return false;
            }
            throw e;
        }
    }

    /** Replaces {@code current} by {@code next} with its event if nobody changed the report meanwhile. */
    boolean update(ReportDocument current, ReportDocument next, OutboxEvent event) {
        Update update = new Update();
        asDocument(next).forEach((field, value) -> {
            if (!field.equals("_id")) {
                update.set(field, value);
            }
        });
        outboxEvents.appendTo(update, event);
        Query unchanged = query(where("_id").is(current.id()).and("version").is(current.version()));
        boolean updated = mongo.updateFirst(unchanged, update, ReportDocument.class).getMatchedCount() == 1;
        if (updated) {
            outboxEvents.written(ReportDocument.COLLECTION, next.id());
        }
        return updated;
    }

    /**
     * @param under null for every unit, else only reports of units whose path contains it
     */
    List<ReportDocument> list(String unitId, String periodId, ReportStatus status, String under, int page, int size) {
        Query query = query(listCriteria(unitId, periodId, status, under))
                .with(Sort.by(Sort.Direction.DESC, "updatedAt").and(Sort.by("_id")))
                .skip((long) page * size).limit(size);
        return mongo.find(query, ReportDocument.class);
    }

    long count(String unitId, String periodId, ReportStatus status, String under) {
        return mongo.count(query(listCriteria(unitId, periodId, status, under)), ReportDocument.class);
    }

    /** The reports of a period without their content: what completeness counts. */
    List<ReportDocument> statusesOf(String periodId) {
        Query query = query(where("periodId").is(periodId));
        query.fields().include("unitId", "unitName", "unitLevel", "unitPath", "periodId", "year", "dueDate", "status",
                "version", "revision", "corrected", "onTime", "late", "firstSubmittedAt", "submittedAt");
        return mongo.find(query, ReportDocument.class);
    }

    /** The full reports of these units for a period. */
    List<ReportDocument> ofUnits(String periodId, Collection<String> unitIds) {
        List<String> ids = unitIds.stream().map(unitId -> ReportDocument.idOf(periodId, unitId)).toList();
        return mongo.find(query(where("_id").in(ids)), ReportDocument.class);
    }

    private static Criteria listCriteria(String unitId, String periodId, ReportStatus status, String under) {
        Criteria criteria = new Criteria();
        if (unitId != null) {
            criteria = criteria.and("unitId").is(unitId);
        }
        if (periodId != null) {
            criteria = criteria.and("periodId").is(periodId);
        }
        if (status != null) {
            criteria = criteria.and("status").is(status);
        }
        if (under != null) {
            criteria = criteria.and("unitPath").is(under);
        }
        return criteria;
    }

    private Document asDocument(Object value) {
        Document document = new Document();
        mongo.getConverter().write(value, document);
        document.remove("_class");
        return document;
    }
}
