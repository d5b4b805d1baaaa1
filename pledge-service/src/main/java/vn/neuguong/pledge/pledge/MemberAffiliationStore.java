package vn.neuguong.pledge.pledge;

import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The unit each member's own token named when they last called this service ({@value #COLLECTION}, one document
 * per member id): what {@link MemberAffiliations} knows of members beside their pledges.
 */
@Component
class MemberAffiliationStore {

    static final String COLLECTION = "member_affiliations";

    private final MongoTemplate mongo;

    MemberAffiliationStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The unit a member's token named, and since when; a token naming the same unit again changes nothing. */
    record Affiliation(String unitId, Instant since) {
    }

    void record(String memberId, String unitId, Instant at) {
        try {
            mongo.getCollection(COLLECTION).updateOne(
                    Filters.and(Filters.eq("_id", memberId), Filters.ne("unitId", unitId)),
                    Updates.combine(Updates.set("unitId", unitId), Updates.set("since", Date.from(at))),
                    new UpdateOptions().upsert(true));
        } catch (MongoWriteException e) {
            // the upsert met the member's document: it names this unit already
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    Map<String, Affiliation> find(Collection<String> memberIds) {
        Map<String, Affiliation> found = new HashMap<>();
        for (Document member : mongo.getCollection(COLLECTION).find(Filters.in("_id", memberIds))) {
            found.put(member.getString("_id"), new Affiliation(member.getString("unitId"),
                    member.getDate("since").toInstant()));
        }
        return found;
    }
}
