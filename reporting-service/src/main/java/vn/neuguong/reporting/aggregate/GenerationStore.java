package vn.neuguong.reporting.aggregate;

import java.time.Instant;
import java.util.Date;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** The generations of the aggregation that went live ({@value #COLLECTION}), so every instance and restart knows. */
@Component
class GenerationStore {

    static final String COLLECTION = "aggregate_generations";

    private final MongoTemplate mongo;

    GenerationStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    boolean isLive(String applicationId) {
        return mongo.getCollection(COLLECTION).countDocuments(Filters.eq("_id", applicationId)) > 0;
    }

    void recordLive(String applicationId, Instant since) {
        mongo.getCollection(COLLECTION).updateOne(Filters.eq("_id", applicationId),
                Updates.setOnInsert("liveSince", Date.from(since)), new UpdateOptions().upsert(true));
    }
}
