package vn.neuguong.reporting.aggregate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import vn.neuguong.aggregation.UnitYearAggregate;
import vn.neuguong.aggregation.UnitYearDelta;

/**
 * The aggregates the API reads, collection {@value #COLLECTION}, one document per unit and year ({@code _id}
 * {@code unitId|year}) holding absolute values. Counters are stored as nested fields ({@code pledges.registered}
 * becomes {@code {pledges: {registered: n}}}), since MongoDB field names cannot contain dots.
 */
@Component
class AggregateStore {

    static final String COLLECTION = "aggregates";

    private final MongoTemplate mongo;

    AggregateStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Writes each aggregate unless the stored one is at least as recent, in one unordered bulk write: writing the
     * same figure again changes nothing, and a figure delivered late never replaces a newer one.
     *
     * @param aggregates at most one per unit and year
     * @return those that were written
     */
    List<UnitYearAggregate> write(List<UnitYearAggregate> aggregates) {
        if (aggregates.isEmpty()) {
            return List.of();
        }
        List<ReplaceOneModel<Document>> replacements = new ArrayList<>(aggregates.size());
        for (UnitYearAggregate aggregate : aggregates) {
            Document document = document(aggregate);
            replacements.add(new ReplaceOneModel<>(
                    Filters.and(Filters.eq("_id", document.get("_id")), Filters.lt("asOf", document.get("asOf"))),
                    document, new ReplaceOptions().upsert(true)));
        }
        Set<Integer> notWritten = new HashSet<>();
        try {
            collection().bulkWrite(replacements, new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                notWritten.add(error.getIndex()); // a newer figure is stored: the upsert's insert collided with it
            }
            if (e.getWriteConcernError() != null) {
                throw e;
            }
        }
        List<UnitYearAggregate> written = new ArrayList<>();
        for (int i = 0; i < aggregates.size(); i++) {
            if (!notWritten.contains(i)) {
                written.add(aggregates.get(i));
            }
        }
        return written;
    }

    private static Document document(UnitYearAggregate aggregate) {
        return new Document("_id", UnitYearDelta.key(aggregate.unitId(), aggregate.year()))
                .append("unitId", aggregate.unitId())
                .append("year", aggregate.year())
                .append("counters", nest(aggregate.counters()))
                .append("lastEventTime", aggregate.lastEventTime() == null ? null : Date.from(aggregate.lastEventTime()))
                .append("asOf", Date.from(aggregate.asOf()));
    }

    /** The stored aggregates of these units for the year, by unit id; units without one are absent. */
    Map<String, UnitYearAggregate> find(Collection<String> unitIds, int year) {
        List<String> ids = unitIds.stream().map(unitId -> UnitYearDelta.key(unitId, year)).toList();
        Map<String, UnitYearAggregate> found = new HashMap<>();
        for (Document document : collection().find(Filters.in("_id", ids))) {
            UnitYearAggregate aggregate = new UnitYearAggregate(document.getString("unitId"),
                    document.getInteger("year"), flatten(document.get("counters", Document.class)),
                    instant(document.getDate("lastEventTime")), instant(document.getDate("asOf")));
            found.put(aggregate.unitId(), aggregate);
        }
        return found;
    }

    static Document nest(Map<String, Long> counters) {
        Document root = new Document();
        new TreeMap<>(counters).forEach((name, value) -> {
            String[] parts = name.split("\\.");
            Document parent = root;
            for (int i = 0; i < parts.length - 1; i++) {
                Object child = parent.get(parts[i]);
                if (!(child instanceof Document)) {
                    child = new Document();
                    parent.put(parts[i], child);
                }
                parent = (Document) child;
            }
            parent.put(parts[parts.length - 1], value);
        });
        return root;
    }

    static Map<String, Long> flatten(Document nested) {
        Map<String, Long> counters = new TreeMap<>();
        if (nested != null) {
            flatten("", nested, counters);
        }
        return counters;
    }

    private static void flatten(String prefix, Document nested, Map<String, Long> counters) {
        nested.forEach((name, value) -> {
            if (value instanceof Document child) {
                flatten(prefix + name + ".", child, counters);
            } else if (value instanceof Number number) {
                counters.put(prefix + name, number.longValue());
            }
        });
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    private MongoCollection<Document> collection() {
        return mongo.getCollection(COLLECTION);
    }
}
