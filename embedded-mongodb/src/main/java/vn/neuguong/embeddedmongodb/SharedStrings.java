package vn.neuguong.embeddedmongodb;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import de.bwaldvogel.mongo.bson.Document;

/**
 * Field names and short values, held once for all the documents that repeat them. Documents decoded from the wire
 * or the journal each carry their own copy of every field name ("commitments", "unitPath", …) and of every short
 * value ("REGISTERED", "w-05569", …): at season scale most of the memory a stored pledge took were such copies.
 * Sharing them changes no answer (the strings are equal). Bounded, because values may be unique: once full, new
 * strings are kept as they come.
 */
final class SharedStrings {

    static final int MAX_SHARED_VALUE_LENGTH = 16;
    private static final int CAPACITY = 100_000;

    private final Map<String, String> strings = new ConcurrentHashMap<>();

    /** Replaces, in place and in every nested document and list, field names and short values by shared ones. */
    void share(Document document) {
        List<Map.Entry<String, Object>> entries = new ArrayList<>(document.entrySet());
        document.clear();
        for (Map.Entry<String, Object> entry : entries) {
            document.put(shared(entry.getKey()), sharedValue(entry.getValue()));
        }
    }

    int size() {
        return strings.size();
    }

    private Object sharedValue(Object value) {
        if (value instanceof Document nested) {
            share(nested);
        } else if (value instanceof List<?> list) {
            @SuppressWarnings("unchecked")
            List<Object> elements = (List<Object>) list;
            try {
                elements.replaceAll(this::sharedValue);
            } catch (UnsupportedOperationException immutable) {
                // kept as it is
            }
        } else if (value instanceof String string && string.length() <= MAX_SHARED_VALUE_LENGTH) {
            return shared(string);
        }
        return value;
    }

    private String shared(String string) {
        String existing = strings.get(string);
        if (existing != null || strings.size() >= CAPACITY) {
            return existing != null ? existing : string;
        }
        existing = strings.putIfAbsent(string, string);
        return existing != null ? existing : string;
    }
}
