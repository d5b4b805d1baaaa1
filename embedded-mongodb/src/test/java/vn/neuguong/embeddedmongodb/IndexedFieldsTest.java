package vn.neuguong.embeddedmongodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;

class IndexedFieldsTest {

    private static final List<IndexKey> KEYS = List.of(new IndexKey("pledger.memberId", true),
            new IndexKey("year", true));

    private static Document pledge(String memberId) {
        return new Document("_id", "p-1").append("pledger", new Document("kind", "INDIVIDUAL").append("memberId",
                memberId)).append("year", 2026).append("outbox", List.of(new Document("eventId", "e-1")));
    }

    @Test
    void anUpdateOfOtherFieldsLeavesTheIndexedOnesUnchanged() {
        Document cleared = pledge("m-1");
        cleared.put("outbox", List.of());
        cleared.put("status", "REVISED");
        assertThat(IndexedFields.unchanged(KEYS, pledge("m-1"), cleared)).isTrue();
    }

    @Test
    void aChangeInsideTheTopLevelFieldOfADottedKeyIsAChange() {
        assertThat(IndexedFields.unchanged(KEYS, pledge("m-1"), pledge("m-2"))).isFalse();
        Document renamed = pledge("m-1");
        ((Document) renamed.get("pledger")).put("fullName", "Lò Văn Pọm");
        assertThat(IndexedFields.unchanged(KEYS, pledge("m-1"), renamed)).isFalse();
    }

    @Test
    void aFieldSetToNullIsNotAFieldRemoved() {
        Document withNull = pledge("m-1").append("year", null);
        Document without = pledge("m-1");
        without.remove("year");
        assertThat(IndexedFields.unchanged(KEYS, withNull, without)).isFalse();
        assertThat(IndexedFields.unchanged(KEYS, without, withNull)).isFalse();
        assertThat(IndexedFields.unchanged(KEYS, without, pledge("m-1"))).isFalse();
    }
}
