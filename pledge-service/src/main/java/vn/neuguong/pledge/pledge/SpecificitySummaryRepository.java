package vn.neuguong.pledge.pledge;

import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Repository;

import vn.neuguong.contracts.pledge.PledgeStatus;

/**
 * Counts over the {@code pledges} collection for {@link SpecificitySummary}: two aggregation pipelines of $match,
 * $unwind and $group only, which both MongoDB and mongo-java-server run, served by the {@code list_by_subtree}
 * index like the pledge lists.
 */
@Repository
public class SpecificitySummaryRepository {

    private final MongoTemplate mongo;

    public SpecificitySummaryRepository(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Pledges, generic pledges and the sum of scores of one unit. */
    public record UnitCounts(String unitId, long pledges, long generic, double scoreTotal) {
    }

    /** Pledges with a finding of the code and the commitments it was found in. */
    public record CodeCounts(String code, long findings, long pledges) {
    }

    public List<UnitCounts> countsByUnit(PledgeScope scope, String unitId, int year) {
        List<Document> pipeline = List.of(
                new Document("$match", live(scope, unitId, year)),
                new Document("$group", new Document("_id",
                        new Document("unitId", "$unitId").append("generic", "$specificity.generic"))
                        .append("pledges", new Document("$sum", 1))
                        .append("scoreTotal", new Document("$sum", "$specificity.score"))));
        List<UnitCounts> byUnitAndGeneric = new ArrayList<>();
        for (Document group : mongo.getCollection(PledgeDocument.COLLECTION).aggregate(pipeline)) {
            Document id = group.get("_id", Document.class);
            long count = group.get("pledges", Number.class).longValue();
            byUnitAndGeneric.add(new UnitCounts(id.getString("unitId"), count,
                    Boolean.TRUE.equals(id.getBoolean("generic")) ? count : 0,
                    group.get("scoreTotal", Number.class).doubleValue()));
        }
        return byUnitAndGeneric;
    }

    public List<CodeCounts> countsByFinding(PledgeScope scope, String unitId, int year) {
        List<Document> pipeline = List.of(
                new Document("$match", live(scope, unitId, year)),
                new Document("$unwind", "$specificity.findings"),
                new Document("$group", new Document("_id",
                        new Document("pledge", "$_id").append("code", "$specificity.findings.code"))
                        .append("findings", new Document("$sum", 1))),
                new Document("$group", new Document("_id", "$_id.code")
                        .append("findings", new Document("$sum", "$findings"))
                        .append("pledges", new Document("$sum", 1))));
        List<CodeCounts> counts = new ArrayList<>();
        for (Document group : mongo.getCollection(PledgeDocument.COLLECTION).aggregate(pipeline)) {
            counts.add(new CodeCounts(group.getString("_id"), group.get("findings", Number.class).longValue(),
                    group.get("pledges", Number.class).longValue()));
        }
        return counts;
    }

    /** The live pledges of the scope, of the year and the unit's subtree (every unit's for null). */
    private static Document live(PledgeScope scope, String unitId, int year) {
        return PledgeRepository.matching(scope, new PledgeFilter(unitId, year, null, null),
                Criteria.where("status").ne(PledgeStatus.WITHDRAWN.name())).getCriteriaObject();
    }
}
