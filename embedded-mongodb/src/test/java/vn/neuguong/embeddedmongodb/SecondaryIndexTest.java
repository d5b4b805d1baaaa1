package vn.neuguong.embeddedmongodb;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which queries an index decides alone, and what it answers for them. */
class SecondaryIndexTest {

    private final SecondaryIndex<Integer> index = new SecondaryIndex<>("list_by_subtree",
            List.of(new IndexKey("unitPath", true), new IndexKey("year", true), new IndexKey("status", true)), false);

    private void add(int position, Document document) {
        index.add(document.append("_id", "p-" + position), position, null);
    }

    private SecondaryIndex.Covered<Integer> covered(Document query) {
        return index.covered(query);
    }

    @Test
    void queriesPinningLeadingKeysByEqualityOrInAndNothingElseAreDecidedByTheIndex() {
        add(0, new Document("unitPath", List.of("vn", "p-1", "c-1")).append("year", 2026).append("status", "A"));
        add(1, new Document("unitPath", List.of("vn", "p-2")).append("year", 2026L).append("status", "B"));
        add(2, new Document("unitPath", List.of("vn", "vn", "p-1")).append("year", 2026.0).append("status", "A"));
        add(3, new Document("unitPath", List.of()).append("year", 2026).append("status", "A"));
        add(4, new Document("unitPath", List.of("vn", "p-1")).append("year", 2025).append("status", "A"));
        add(5, new Document("unitPath", List.of("vn", "p-1")).append("status", "A"));
        add(6, new Document("unitPath", "vn").append("year", 2026).append("status", List.of("A", "B")));
        add(7, new Document("unitPath", "p-3").append("year", 2026).append("status", List.of()));

        assertThat(covered(new Document("unitPath", "vn")).matches()).containsExactlyInAnyOrder(0, 1, 2, 4, 5, 6);
        assertThat(covered(new Document("unitPath", "vn")).unindexed()).containsExactlyInAnyOrder(3, 7);
        assertThat(covered(new Document("$and", List.of(new Document("unitPath", "vn"), new Document("year", 2026))))
                .matches()).containsExactlyInAnyOrder(0, 1, 2, 6);
        assertThat(covered(new Document("unitPath", new Document("$in", List.of("p-1", "p-2")))
                .append("year", new Document("$in", List.of(2026L, 2025.0)))).matches())
                .containsExactlyInAnyOrder(0, 1, 2, 4);
        assertThat(covered(new Document("unitPath", new Document("$eq", "vn")).append("year", 2026)
                .append("status", "A"))).isEqualTo(new SecondaryIndex.Covered<>(Set.of(0, 2, 6), Set.of()));
        assertThat(covered(new Document("unitPath", "vn").append("year", 2026)
                .append("status", new Document("$in", List.of("A", "B")))).matches())
                .containsExactlyInAnyOrder(0, 1, 2, 6);
        assertThat(covered(new Document("unitPath", "nowhere")).matches()).isEmpty();
    }

    /** A key lists one document, then several, then one again and none, as documents come and go. */
    @Test
    void aKeyListsItsDocumentsAsTheyComeAndGo() {
        Document first = new Document("unitPath", List.of("vn", "p-1")).append("year", 2026).append("status", "A");
        Document second = new Document("unitPath", List.of("vn", "p-2")).append("year", 2026).append("status", "A");
        Document third = new Document("unitPath", List.of("vn", "p-1")).append("year", 2026).append("status", "A");
        add(0, first);
        assertThat(covered(new Document("unitPath", "p-1")).matches()).containsExactly(0);
        add(1, second);
        add(2, third);
        assertThat(covered(new Document("unitPath", "p-1")).matches()).containsExactlyInAnyOrder(0, 2);
        assertThat(covered(new Document("unitPath", "vn").append("year", 2026).append("status", "A")).matches())
                .containsExactlyInAnyOrder(0, 1, 2);

        assertThat(index.remove(first)).isEqualTo(0);
        assertThat(covered(new Document("unitPath", "p-1")).matches()).containsExactly(2);
        assertThat(covered(new Document("unitPath", "vn")).matches()).containsExactlyInAnyOrder(1, 2);
        index.remove(third);
        assertThat(covered(new Document("unitPath", "p-1")).matches()).isEmpty();
        add(0, first);
        assertThat(covered(new Document("unitPath", "p-1")).matches()).containsExactly(0);
        index.updateInPlace(second, new Document("_id", "p-1").append("unitPath", List.of("vn", "p-1"))
                .append("year", 2026).append("status", "A"), 1, null);
        assertThat(covered(new Document("unitPath", "p-1")).matches()).containsExactlyInAnyOrder(0, 1);
        assertThat(covered(new Document("unitPath", "p-2")).matches()).isEmpty();
        assertThat(index.getCount()).isEqualTo(2);
    }

    @Test
    void queriesWithAnyOtherConditionAreLeftToTheDocuments() {
        add(0, new Document("unitPath", List.of("vn", "p-1")).append("year", 2026).append("status", "A"));
        for (Document query : List.of(new Document(),
                new Document("year", 2026),
                new Document("unitPath", "vn").append("status", "A"),
                new Document("unitPath", "vn").append("rank", 1),
                new Document("unitPath", "vn").append("_id", "p-0"),
                new Document("$and", List.of(new Document("unitPath", "vn"), new Document("unitPath", "p-1"))),
                new Document("unitPath", "vn").append("$or", List.of(new Document("year", 2026))),
                new Document("unitPath", "vn").append("$comment", "why"),
                new Document("unitPath", new Document("$ne", "p-1")),
                new Document("unitPath", new Document("$in", List.of("vn", List.of("vn")))),
                new Document("unitPath", new Document("$eq", "vn").append("$in", List.of("vn"))),
                new Document("unitPath", "vn").append("year", null),
                new Document("unitPath", Pattern.compile("^v")),
                new Document("unitPath", List.of("vn", "p-1")),
                new Document("unitPath", new Document("$elemMatch", new Document("$eq", "vn"))),
                new Document("$and", List.of()))) {
            assertThat(covered(query)).as(query.toString()).isNull();
        }
    }
}
