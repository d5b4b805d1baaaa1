package vn.neuguong.embeddedmongodb;

import java.util.ArrayList;
import java.util.List;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Stored documents are bytes: nothing a caller holds (what it inserted, what it was answered) is the stored document. */
class BsonCollectionTest {

    private final JournaledMemoryBackend backend = JournaledMemoryBackend.inMemory();
    private final MongoCollection<?> pledges =
            backend.resolveDatabase("neuguong_pledges").createCollectionOrThrowIfExists("pledges");

    @AfterEach
    void close() {
        backend.close();
    }

    private static Document pledge() {
        return new Document("_id", "p-1").append("status", "REGISTERED")
                .append("unitPath", new ArrayList<>(List.of("vn", "p-19", "w-05569")))
                .append("pledger", new Document("fullName", "Nguyễn Thị Hồng Nhung"));
    }

    private Document stored() {
        List<Document> answer = new ArrayList<>();
        pledges.handleQuery(new Document("_id", "p-1")).forEach(answer::add);
        assertThat(answer).hasSize(1);
        return answer.get(0);
    }

    @SuppressWarnings("unchecked")
    private static void tamperWith(Document document) {
        document.put("status", "WITHDRAWN");
        ((List<Object>) document.get("unitPath")).add("w-99999");
        ((Document) document.get("pledger")).put("fullName", "Trần Văn Giả");
    }

    @Test
    void changingWhatWasInsertedOrAnsweredLeavesTheStoredDocumentAsItIs() {
        Document inserted = pledge();
        pledges.addDocument(inserted);
        tamperWith(inserted);
        assertThat(stored()).isEqualTo(pledge());

        tamperWith(stored());
        assertThat(stored()).isEqualTo(pledge());

        Document modified = pledges.findAndModify(new Document("query", new Document("_id", "p-1"))
                .append("update", new Document("$set", new Document("version", 2))).append("new", true));
        Document answered = (Document) modified.get("value");
        assertThat(answered).containsEntry("version", 2);
        tamperWith(answered);
        assertThat(stored()).isEqualTo(pledge().append("version", 2));
    }

    @Test
    void aQueryIsServedByTheIndexThatListsItsCandidatesMostCheaply() {
        BsonCollection collection = (BsonCollection) pledges;
        collection.addIndex(new SecondaryIndex<>("list_own", List.of(new IndexKey("pledger.memberId", true),
                new IndexKey("year", true)), false));
        collection.addIndex(new SecondaryIndex<>("pledges_of_member",
                List.of(new IndexKey("pledger.memberId", true)), false));

        Document ofMembers = new Document("pledger.memberId", new Document("$in", List.of("m-1", "m-2")))
                .append("status", new Document("$ne", "WITHDRAWN"));
        assertThat(collection.indexFor(ofMembers).getName()).isEqualTo("pledges_of_member");
        assertThat(collection.indexFor(new Document("pledger.memberId", "m-1").append("year", 2026)).getName())
                .isEqualTo("list_own");
        assertThat(collection.indexFor(new Document("_id", "p-1").append("pledger.memberId", "m-1")).getName())
                .isEqualTo("_id_");
        assertThat(collection.indexFor(new Document("status", "REGISTERED"))).isNull();
    }
}
