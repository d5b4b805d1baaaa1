package vn.neuguong.embeddedmongodb;

import java.util.List;

import de.bwaldvogel.mongo.bson.Document;

/** The per-field conditions a query imposes on every match: its top-level fields and those of its {@code $and}. */
final class PinnedConditions {

    private PinnedConditions() {
    }

    static Document of(Document query) {
        Document pinned = new Document();
        collect(query, pinned);
        return pinned;
    }

    private static void collect(Document query, Document pinned) {
        for (String field : query.keySet()) {
            Object condition = query.get(field);
            if (field.equals("$and") && condition instanceof List<?> clauses) {
                for (Object clause : clauses) {
                    if (clause instanceof Document document) {
                        collect(document, pinned);
                    }
                }
            } else if (!field.startsWith("$") && !pinned.containsKey(field)) {
                pinned.put(field, condition); // either of two conditions on a field narrows correctly
            }
        }
    }
}
