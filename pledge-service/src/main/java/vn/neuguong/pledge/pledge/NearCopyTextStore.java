package vn.neuguong.pledge.pledge;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import vn.neuguong.contracts.pledge.PledgeStatus;
import vn.neuguong.pledge.specificity.VietnameseText;

/**
 * The distinct commitment actions of the live pledges of each unit and year, with their MinHash band keys and how
 * many live pledges use each: where near-copy candidates are read, by key. Reading the candidate pledges instead
 * cost a registration one read per pledge of the commune sharing a band key — with templated texts every pledge of
 * the commune, so the cost grew with the season; a templated commune has one text here however many pledges use it.
 *
 * <p>Kept by {@link PledgeRepository} after each write of a pledge (a withdrawn pledge's actions no longer count).
 * It is derived data: a crash between a pledge's write and this one's can leave a count one off, which only shifts
 * when a text stops being a candidate.
 */
class NearCopyTextStore {

    static final String COLLECTION = "near_copy_texts";
    private static final Logger log = LoggerFactory.getLogger(NearCopyTextStore.class);

    private final MongoTemplate mongo;

    NearCopyTextStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Declares the index candidates are read by, and builds the texts from the pledges if there are none yet. */
    void prepare() {
        mongo.indexOps(COLLECTION).createIndex(new Index().on("unitId", Sort.Direction.ASC)
                .on("year", Sort.Direction.ASC).on("bandKeys", Sort.Direction.ASC).named("candidates"));
        if (mongo.getCollection(COLLECTION).estimatedDocumentCount() > 0) {
            return;
        }
        Query live = Query.query(Criteria.where("status").ne(PledgeStatus.WITHDRAWN.name()));
        live.fields().include("unitId").include("year").include("commitments.action").include("pledger");
        List<Actions> batch = new ArrayList<>();
        int[] total = {0};
        mongo.stream(live, Document.class, PledgeDocument.COLLECTION).forEach(pledge -> {
            Document pledger = pledge.get("pledger", new Document());
            batch.add(new Actions(pledge.get("_id").toString(), displayName(pledger), pledge.getString("unitId"),
                    pledge.getInteger("year"), pledge.getList("commitments", Document.class, List.of()).stream()
                            .map(commitment -> commitment.getString("action")).toList()));
            if (batch.size() == 1_000) {
                total[0] += batch.size();
                apply(changes(batch, 1), PledgeFactory::bandKeys);
                batch.clear();
            }
        });
        total[0] += batch.size();
        apply(changes(batch, 1), PledgeFactory::bandKeys);
        if (total[0] > 0) {
            log.info("Near-copy texts built from {} stored pledges", total[0]);
        }
    }

    /** The texts of the unit and year sharing a band key with {@code bandKeys}, used by at least one live pledge. */
    List<PledgeRepository.SimilarCandidate> candidates(String unitId, int year, Collection<String> bandKeys) {
        if (bandKeys.isEmpty()) {
            return List.of();
        }
        List<PledgeRepository.SimilarCandidate> candidates = new ArrayList<>();
        mongo.getCollection(COLLECTION).find(Filters.and(Filters.eq("unitId", unitId), Filters.eq("year", year),
                Filters.in("bandKeys", bandKeys), Filters.gt("pledges", 0))).forEach(text ->
                candidates.add(new PledgeRepository.SimilarCandidate(unitId, year,
                        text.getList("bandKeys", String.class), List.of(text.getString("action")),
                        text.getInteger("pledges"), text.getString("examplePledgeId"),
                        text.getString("examplePledger"))));
        return candidates;
    }

    /** @param bandKeys each action's band keys (a caller that computed them for the check passes what it knows) */
    void added(List<Pledge> pledges, Function<String, List<String>> bandKeys) {
        apply(changes(pledges.stream().map(Actions::of).toList(), 1), bandKeys);
    }

    /** After a transition from {@code before} to {@code after}: only what the change did to the live texts. */
    void changed(Pledge before, Pledge after) {
        Map<String, Change> changes = changes(live(before) ? List.of(Actions.of(before)) : List.of(), -1);
        changes(live(after) ? List.of(Actions.of(after)) : List.of(), 1).forEach((id, change) ->
                changes.merge(id, change, Change::plus));
        changes.values().removeIf(change -> change.delta() == 0);
        apply(changes, PledgeFactory::bandKeys);
    }

    private static boolean live(Pledge pledge) {
        return pledge.status() != PledgeStatus.WITHDRAWN;
    }

    /** One change per distinct text of each pledge (a pledge repeating an action counts it once). */
    private static Map<String, Change> changes(List<Actions> pledges, int delta) {
        Map<String, Change> changes = new LinkedHashMap<>();
        for (Actions pledge : pledges) {
            Map<String, String> actions = new LinkedHashMap<>();
            for (String action : pledge.actions()) {
                if (action != null) {
                    actions.putIfAbsent(textId(pledge.unitId(), pledge.year(), action), action);
                }
            }
            actions.forEach((id, action) -> changes.merge(id,
                    new Change(pledge.unitId(), pledge.year(), action, pledge.pledgeId(), pledge.pledger(), delta),
                    Change::plus));
        }
        return changes;
    }

    private void apply(Map<String, Change> changes, Function<String, List<String>> bandKeys) {
        if (changes.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> writes = new ArrayList<>(changes.size());
        changes.forEach((id, change) -> writes.add(new UpdateOneModel<>(Filters.eq("_id", id), Updates.combine(
                Updates.inc("pledges", change.delta()),
                Updates.setOnInsert("unitId", change.unitId()),
                Updates.setOnInsert("year", change.year()),
                Updates.setOnInsert("action", change.action()),
                Updates.setOnInsert("bandKeys", bandKeys.apply(change.action())),
                Updates.setOnInsert("examplePledgeId", change.pledgeId()),
                Updates.setOnInsert("examplePledger", change.pledger())), new UpdateOptions().upsert(true))));
        collection().bulkWrite(writes, new BulkWriteOptions().ordered(false));
    }

    private MongoCollection<Document> collection() {
        return mongo.getCollection(COLLECTION);
    }

    /** Texts that differ only in tone marks, case or spacing are one text, as they are to the near-copy check. */
    private static String textId(String unitId, int year, String action) {
        String folded = VietnameseText.fold(action);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(folded.getBytes(StandardCharsets.UTF_8));
            return unitId + "|" + year + "|" + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(Arrays.copyOf(digest, 18));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** As {@link Pledge.Pledger#displayName()}, from the stored pledger. */
    private static String displayName(Document pledger) {
        return "INDIVIDUAL".equals(pledger.getString("kind")) ? pledger.getString("fullName")
                : pledger.getString("name");
    }

    /** What this store reads of a pledge. */
    private record Actions(String pledgeId, String pledger, String unitId, int year, List<String> actions) {

        static Actions of(Pledge pledge) {
            return new Actions(pledge.id(), pledge.pledger().displayName(), pledge.unitId(), pledge.year(),
                    pledge.commitments().stream().map(Pledge.Commitment::action).toList());
        }
    }

    /** The first pledge to use a text is its example: named in a near-copy finding without reading that pledge. */
    private record Change(String unitId, int year, String action, String pledgeId, String pledger, int delta) {

        Change plus(Change other) {
            return new Change(unitId, year, action, pledgeId, pledger, delta + other.delta());
        }
    }
}
