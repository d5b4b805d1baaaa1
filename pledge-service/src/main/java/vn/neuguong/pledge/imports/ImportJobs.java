package vn.neuguong.pledge.imports;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** The {@code pledge_imports} collection. */
@Repository
public class ImportJobs implements InitializingBean {

    private static final List<String> UNFINISHED = List.of(ImportStatus.QUEUED.name(), ImportStatus.RUNNING.name());

    private final MongoTemplate mongo;

    public ImportJobs(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(ImportJob.COLLECTION).createIndex(new Index().on("creationKey", Sort.Direction.ASC).unique()
                .sparse().named("creation_idempotency_key"));
        mongo.indexOps(ImportJob.COLLECTION).createIndex(new Index().on("status", Sort.Direction.ASC)
                .on("heartbeatAt", Sort.Direction.ASC).named("unfinished_by_heartbeat"));
        mongo.indexOps(ImportJob.COLLECTION).createIndex(new Index().on("importer.sub", Sort.Direction.ASC)
                .on("status", Sort.Direction.ASC).named("by_importer"));
    }

    /** The importer's jobs still waiting or running. */
    public long countUnfinished(String importerSub) {
        return mongo.count(Query.query(Criteria.where("importer.sub").is(importerSub).and("status").in(UNFINISHED)),
                ImportJob.COLLECTION);
    }

    /** @throws org.springframework.dao.DuplicateKeyException when the creation key was used already */
    public void insert(ImportJob job) {
        mongo.insert(job);
    }

    public Optional<ImportJob> findById(String id) {
        return Optional.ofNullable(mongo.findById(id, ImportJob.class));
    }

    public Optional<ImportJob> findByCreationKey(String creationKey) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("creationKey").is(creationKey)),
                ImportJob.class));
    }

    public void started(String id, long rowsTotal, Instant at) {
        mongo.updateFirst(byId(id), new Update().set("status", ImportStatus.RUNNING).set("rowsTotal", rowsTotal)
                .set("startedAt", at).set("heartbeatAt", at), ImportJob.class);
    }

    public void progressed(String id, ImportProgress progress, Instant at) {
        mongo.updateFirst(byId(id), new Update().set("rowsRead", progress.rowsRead())
                .set("accepted", progress.accepted()).set("duplicates", progress.duplicates())
                .set("rejectedRowCount", progress.rejectedRowCount()).set("rejectedRows", progress.rejectedRows())
                .set("duplicateRows", progress.duplicateRows()).set("genericCount", progress.genericCount())
                .set("genericPledges", progress.genericPledges())
                .set("heartbeatAt", at), ImportJob.class);
    }

    public void finished(String id, ImportStatus status, String failureReason, Instant at) {
        mongo.updateFirst(byId(id), new Update().set("status", status).set("failureReason", failureReason)
                .set("finishedAt", at).set("heartbeatAt", at), ImportJob.class);
    }

    public void heartbeat(String owner, Instant at) {
        mongo.updateMulti(Query.query(Criteria.where("owner").is(owner).and("status").in(UNFINISHED)),
                new Update().set("heartbeatAt", at), ImportJob.class);
    }

    /** Fails the unfinished jobs of a dead owner, or untouched since {@code staleBefore}. */
    public long failInterrupted(String deadOwner, Instant staleBefore, String reason, Instant at) {
        Criteria interrupted = new Criteria().orOperator(Criteria.where("owner").is(deadOwner),
                Criteria.where("heartbeatAt").lt(staleBefore));
        return mongo.updateMulti(Query.query(Criteria.where("status").in(UNFINISHED).andOperator(interrupted)),
                new Update().set("status", ImportStatus.FAILED).set("failureReason", reason).set("finishedAt", at),
                ImportJob.class).getModifiedCount();
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("id").is(id));
    }
}
