package vn.neuguong.reporting.report;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;

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
    private final Clock clock;

    ReportStore(MongoTemplate mongo, OutboxEvents outboxEvents, Clock clock) {
        this.mongo = mongo;
        this.outboxEvents = outboxEvents;
        this.clock = clock;
    }

    @Override
    public void afterPropertiesSet() {
        var indexes = mongo.indexOps(ReportDocument.class);
        indexes.createIndex(new Index("periodId", Sort.Direction.ASC));
        indexes.createIndex(new Index("unitPath", Sort.Direction.ASC));
        indexes.createIndex(new Index(OutboxEvent.PENDING_SINCE_FIELD, Sort.Direction.ASC).sparse());
    }

    Optional<ReportDocument> find(String id) {
        return Optional.ofNullable(mongo.findById(id, ReportDocument.class));
    }

    /** Inserts a new report with its first event; false when the unit's report for the period exists already. */
    boolean insert(ReportDocument report, OutboxEvent event) {
        Document document = asDocument(report);
        document.put(OutboxEvent.OUTBOX_FIELD, new ArrayList<>(List.of(asDocument(event))));
        document.put(OutboxEvent.PENDING_SINCE_FIELD, Date.from(clock.instant()));
        try {
            mongo.getCollection(ReportDocument.COLLECTION).insertOne(document);
            outboxEvents.written(ReportDocument.COLLECTION, report.id());
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
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
        update.push(OutboxEvent.OUTBOX_FIELD, asDocument(event)).min(OutboxEvent.PENDING_SINCE_FIELD,
                Date.from(clock.instant()));
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
