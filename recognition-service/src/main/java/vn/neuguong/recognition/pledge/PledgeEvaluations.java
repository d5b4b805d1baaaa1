package vn.neuguong.recognition.pledge;

import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.mongodb.client.result.UpdateResult;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
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
     * Applies the event if it is newer than what is known of the pledge, in one conditional upsert: a duplicate or
     * an older version matches nothing, and its attempt to insert collides with the existing id.
     *
     * @return whether the projection changed
     */
    public boolean apply(PledgeChanged event) {
        Query newer = Query.query(Criteria.where("_id").is(event.pledgeId()).and("version").lt(event.version()));
        Update update = new Update()
                .set("version", event.version())
                .set("unitId", event.unitId())
                .set("year", event.year())
                .set("status", event.to().status().name())
                .set("grade", event.to().grade() == null ? null : event.to().grade().name())
                .set("occurredAt", event.occurredAt() == null ? null : Date.from(event.occurredAt()));
        try {
            UpdateResult result = mongo.upsert(newer, update, PledgeEvaluation.COLLECTION);
            return result.getModifiedCount() > 0 || result.getUpsertedId() != null;
        } catch (DuplicateKeyException known) {
            return false;
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
