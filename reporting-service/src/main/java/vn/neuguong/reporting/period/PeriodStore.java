package vn.neuguong.reporting.period;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.List;
import java.util.Optional;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** MongoDB access for the created periods (the standard annual ones are not stored). */
@Component
class PeriodStore {

    private final MongoTemplate mongo;

    PeriodStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    Optional<PeriodDocument> find(String id) {
        return Optional.ofNullable(mongo.findById(id, PeriodDocument.class));
    }

    List<PeriodDocument> all() {
        return mongo.findAll(PeriodDocument.class);
    }

    /** Periods are few: the key is looked up without an index. */
    Optional<PeriodDocument> findByCreationKey(String creationKey) {
        return Optional.ofNullable(mongo.findOne(query(where("creationKey.key").is(creationKey)),
                PeriodDocument.class));
    }

    /** @throws org.springframework.dao.DuplicateKeyException when a period has the id already */
    void insert(PeriodDocument period) {
        mongo.insert(period);
    }
}
