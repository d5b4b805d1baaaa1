package vn.neuguong.embeddedmongodb;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.BsonJavaScript;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.LegacyUUID;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.MinKey;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The fields read from a document's bytes are those of the decoded document, whatever the types stepped over. */
class TopLevelFieldsTest {

    private static Document everyType() {
        Document document = new Document("_id", "p-1");
        document.put("double", 2.5);
        document.put("string", "Cam kết giữ gìn vệ sinh");
        document.put("specificity", new Document("score", 3).append("generic", false)
                .append("keys", List.of("a", "b")));
        document.put("unitPath", List.of("vn", "p-19", "w-05569"));
        document.put("empty", List.of());
        document.put("binary", new BinData(new byte[] {1, 2, 3}));
        document.put("legacyUuid", new LegacyUUID(UUID.fromString("0b7a4f6c-1111-2222-3333-444455556666")));
        document.put("uuid", UUID.fromString("0b7a4f6c-1111-2222-3333-444455556666"));
        document.put("nothing", null);
        document.put("objectId", new ObjectId());
        document.put("flag", true);
        document.put("registeredAt", Instant.parse("2026-03-01T08:15:30.123Z"));
        document.put("pattern", new BsonRegularExpression("^Nguyễn", "i"));
        document.put("int", 2026);
        document.put("timestamp", new BsonTimestamp(Instant.parse("2026-01-01T00:00:00Z"), 7));
        document.put("long", 9_007_199_254_740_993L);
        document.put("decimal", Decimal128.TWO);
        document.put("min", MinKey.getInstance());
        document.put("max", MaxKey.getInstance());
        document.put("code", new BsonJavaScript("function() {}"));
        document.put("ngàyKý", "01/03/2026");
        document.put("last", "z");
        return document;
    }

    @Test
    void eachFieldIsReadAsTheDecodedDocumentHoldsIt() {
        Document document = everyType();
        byte[] bson = Bson.encode(document);
        for (String name : document.keySet()) {
            Document read = new TopLevelFields(List.of(name)).read(bson);
            assertThat(read).as(name).hasSize(1);
            // a regular expression has no equals of its own
            assertThat(read.get(name)).as(name).usingRecursiveComparison().isEqualTo(Bson.decode(bson).get(name));
        }
    }

    @Test
    void severalFieldsComeInTheDocumentsOrderAndMissingOnesAreLeftOut() {
        byte[] bson = Bson.encode(everyType());
        Document read = new TopLevelFields(List.of("last", "missing", "registeredAt", "ngàyKý", "_id", "last"))
                .read(bson);
        assertThat(new ArrayList<>(read.keySet())).containsExactly("_id", "registeredAt", "ngàyKý", "last");
        assertThat(read.get("ngàyKý")).isEqualTo("01/03/2026");
        assertThat(read.get("registeredAt")).isEqualTo(Instant.parse("2026-03-01T08:15:30.123Z"));
        assertThat(new TopLevelFields(List.of("missing")).read(bson)).isEmpty();
        assertThat(new TopLevelFields(List.of("specificity")).read(Bson.encode(new Document("_id", "p-2"))))
                .isEmpty();
    }
}
