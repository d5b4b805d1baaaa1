package vn.neuguong.recognition.pledge;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

import vn.neuguong.contracts.pledge.PledgeChanged;

/** The local projection of pledge evaluations. */
@Repository
public class PledgeEvaluations {

    private final MongoTemplate mongo;

    public PledgeEvaluations(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Applies each event that is newer than what is known of its pledge, in one unordered bulk write of
     * conditional upserts: a duplicate or an older version matches nothing, and its attempt to insert collides
     * with the existing id.
     *
     * @param events at most one per pledge
     * @return how many changed the projection
     */
    public int apply(Collection<PledgeChanged> events) {
        if (events.isEmpty()) {
            return 0;
        }
        List<UpdateOneModel<Document>> upserts = new ArrayList<>(events.size());
        for (PledgeChanged event : events) {
            upserts.add(new UpdateOneModel<>(
                    Filters.and(Filters.eq("_id", event.pledgeId()), Filters.lt("version", event.version())),
                    Updates.combine(
                            Updates.set("version", event.version()),
                            Updates.set("unitId", event.unitId()),
                            Updates.set("year", event.year()),
                            Updates.set("status", event.to().status().name()),
                            Updates.set("grade", event.to().grade() == null ? null : event.to().grade().name()),
                            Updates.set("occurredAt", event.occurredAt() == null ? null : Date.from(event.occurredAt()))),
                    new UpdateOptions().upsert(true)));
        }
        try {
            mongo.getCollection(PledgeEvaluation.COLLECTION).bulkWrite(upserts, new BulkWriteOptions().ordered(false));
            return upserts.size();
        } catch (MongoBulkWriteException e) {
            if (e.getWriteConcernError() != null || e.getWriteErrors().stream()
                    .anyMatch(error -> ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY)) {
                throw e;
            }
            return upserts.size() - e.getWriteErrors().size();
        }
    }

    public Map<String, PledgeEvaluation> find(Collection<String> pledgeIds) {
        if (pledgeIds.isEmpty()) {
            return Map.of();
        }
        List<PledgeEvaluation> found = mongo.find(Query.query(Criteria.where("_id").in(pledgeIds)),
                PledgeEvaluation.class);
        return found.stream().collect(Collectors.toMap(PledgeEvaluation::pledgeId, Function.identity()));
    }
}
