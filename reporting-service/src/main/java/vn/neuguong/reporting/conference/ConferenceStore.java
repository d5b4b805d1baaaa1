package vn.neuguong.reporting.conference;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;

import org.bson.Document;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** MongoDB access for conferences and their attendance. */
@Component
class ConferenceStore implements InitializingBean {

    /** One province's sums, straight from the recount. */
    record ProvinceSums(String provinceId, long connectionPoints, long attendees, long units) {
    }

    private final MongoTemplate mongo;

    ConferenceStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(AttendanceDocument.class).createIndex(new Index("conferenceId", Sort.Direction.ASC));
        mongo.indexOps(ConferenceDocument.class).createIndex(new Index("startsAt", Sort.Direction.DESC));
    }

    void insert(ConferenceDocument conference) {
        mongo.insert(conference);
    }

    Optional<ConferenceDocument> find(String id) {
        return Optional.ofNullable(mongo.findById(id, ConferenceDocument.class));
    }

    /** The conference's check-in sequence, or -1 when there is no such conference. */
    long sequence(String id) {
        Query query = query(where("_id").is(id));
        query.fields().include("sequence");
        Document found = mongo.findOne(query, Document.class, ConferenceDocument.COLLECTION);
        return found == null ? -1 : ((Number) found.getOrDefault("sequence", 0L)).longValue();
    }

    /**
     * @param hostIds null for every conference, else those hosted by one of these units
     * @param under   null, or also those whose host lies under this unit
     */
    List<ConferenceDocument> list(List<String> hostIds, String under, int page, int size) {
        Query query = query(scope(hostIds, under)).with(Sort.by(Sort.Direction.DESC, "startsAt").and(Sort.by("_id")))
                .skip((long) page * size).limit(size);
        return mongo.find(query, ConferenceDocument.class);
    }

    long count(List<String> hostIds, String under) {
        return mongo.count(query(scope(hostIds, under)), ConferenceDocument.class);
    }

    Optional<AttendanceDocument> findAttendance(String id) {
        return Optional.ofNullable(mongo.findById(id, AttendanceDocument.class));
    }

    /**
     * Writes the unit's new attendance if nobody wrote it since {@code current} was read (null: if it has none yet),
     * then raises the conference's sequence; false, with nothing written, when another check-in got in between.
     */
    boolean checkIn(AttendanceDocument current, AttendanceDocument next) {
        if (current == null) {
            try {
                mongo.insert(next);
            } catch (DuplicateKeyException raced) {
                return false;
            }
        } else {
            Update update = new Update()
                    .set("unitName", next.unitName())
                    .set("provinceId", next.provinceId())
                    .set("connectionPoints", next.connectionPoints())
                    .set("attendees", next.attendees())
                    .set("reportedAt", next.reportedAt())
                    .set("reportedBy", next.reportedBy())
                    .set("version", next.version())
                    .set("appliedKeys", next.appliedKeys());
            Query unchanged = query(where("_id").is(current.id()).and("version").is(current.version()));
            if (mongo.updateFirst(unchanged, update, AttendanceDocument.class).getMatchedCount() == 0) {
                return false;
            }
        }
        mongo.updateFirst(query(where("_id").is(next.conferenceId())),
                new Update().inc("sequence", 1).max("lastCheckInAt", next.reportedAt()), ConferenceDocument.class);
        return true;
    }

    /** Sums every unit's latest attendance per province: one aggregation over the conference's documents. */
    List<ProvinceSums> recount(String conferenceId) {
        List<ProvinceSums> sums = new ArrayList<>();
        mongo.getCollection(AttendanceDocument.COLLECTION).aggregate(List.of(
                Aggregates.match(Filters.eq("conferenceId", conferenceId)),
                Aggregates.group("$provinceId", Accumulators.sum("connectionPoints", "$connectionPoints"),
                        Accumulators.sum("attendees", "$attendees"), Accumulators.sum("units", 1))))
                .forEach(group -> sums.add(new ProvinceSums(group.getString("_id"), number(group, "connectionPoints"),
                        number(group, "attendees"), number(group, "units"))));
        return sums;
    }

    private static long number(Document document, String field) {
        Object value = document.get(field);
        return value instanceof Number number ? number.longValue() : 0;
    }

    private static Criteria scope(List<String> hostIds, String under) {
        if (hostIds == null) {
            return new Criteria();
        }
        return under == null ? where("hostUnitId").in(hostIds)
                : new Criteria().orOperator(where("hostUnitId").in(hostIds), where("hostUnitPath").is(under));
    }
}
