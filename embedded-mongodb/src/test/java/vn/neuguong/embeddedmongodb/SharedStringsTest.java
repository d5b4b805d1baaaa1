package vn.neuguong.embeddedmongodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import de.bwaldvogel.mongo.bson.Document;

class SharedStringsTest {

    private final SharedStrings strings = new SharedStrings();

    /** As two documents decoded from the wire: equal strings, never the same instances. */
    private static Document pledge(String action) {
        List<Object> commitments = new ArrayList<>();
        commitments.add(new Document(new String("action"), new String(action)).append(new String("area"), new String("STUDY")));
        return new Document(new String("status"), new String("REGISTERED"))
                .append(new String("unitPath"), new ArrayList<>(List.of(new String("vn"), new String("w-05569"))))
                .append(new String("commitments"), commitments);
    }

    @Test
    void documentsShareTheirFieldNamesAndShortValuesAndStayEqual() {
        Document first = pledge("Đọc và học tập 12 bài viết về Bác trong năm 2026");
        Document second = pledge("Đọc và học tập 12 bài viết về Bác trong năm 2026");
        Document copyOfSecond = second.cloneDeeply();

        strings.share(first);
        strings.share(second);

        assertThat(second).isEqualTo(copyOfSecond);
        assertThat(List.copyOf(second.keySet())).containsExactly("status", "unitPath", "commitments");
        assertThat(key(second, "commitments")).isSameAs(key(first, "commitments"));
        assertThat(second.get("status")).isSameAs(first.get("status"));
        Document secondCommitment = (Document) ((List<?>) second.get("commitments")).get(0);
        Document firstCommitment = (Document) ((List<?>) first.get("commitments")).get(0);
        assertThat(key(secondCommitment, "area")).isSameAs(key(firstCommitment, "area"));
        assertThat(secondCommitment.get("area")).isSameAs(firstCommitment.get("area"));
        assertThat(((List<?>) second.get("unitPath")).get(1)).isSameAs(((List<?>) first.get("unitPath")).get(1));
        assertThat(secondCommitment.get("action")).as("long texts are left as they are")
                .isNotSameAs(firstCommitment.get("action"));
    }

    @Test
    void immutableListsAreLeftAsTheyAre() {
        Document document = new Document("keys", List.of("a", "b"));
        strings.share(document);
        assertThat(document.get("keys")).isEqualTo(List.of("a", "b"));
    }

    private static String key(Document document, String name) {
        return document.keySet().stream().filter(name::equals).findFirst().orElseThrow();
    }
}
