package vn.neuguong.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.Yaml;

/**
 * The component schemas of the contracts' AsyncAPI document ({@code asyncapi/neuguong.asyncapi.yaml} on the test
 * class path), as the inbound command contract tests compare them with the request records the commands are read
 * as.
 */
public final class AsyncApiSchemas {

    private static final String DOCUMENT = "/asyncapi/neuguong.asyncapi.yaml";

    private final Map<String, Object> schemas;

    private AsyncApiSchemas(Map<String, Object> schemas) {
        this.schemas = schemas;
    }

    public static AsyncApiSchemas load() {
        try (InputStream in = AsyncApiSchemas.class.getResourceAsStream(DOCUMENT)) {
            if (in == null) {
                throw new IllegalStateException(DOCUMENT + " is not on the class path (the contracts module has it)");
            }
            Map<String, Object> document = new Yaml().load(in);
            return new AsyncApiSchemas(map(map(document.get("components")).get("schemas")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A schema by name, or a nested object by {@code Schema.property.property}; an array property stands for its
     * items.
     */
    public Map<String, Object> schema(String path) {
        String[] parts = path.split("\\.");
        Map<String, Object> schema = map(schemas.get(parts[0]));
        if (schema == null) {
            throw new IllegalArgumentException("No schema " + parts[0] + " in " + DOCUMENT);
        }
        for (int i = 1; i < parts.length; i++) {
            Map<String, Object> property = map(properties(schema).get(parts[i]));
            schema = property.containsKey("items") ? map(property.get("items")) : property;
        }
        return schema;
    }

    /** The names of a schema's properties. */
    public Set<String> propertyNames(String path) {
        return properties(schema(path)).keySet();
    }

    /** The properties a schema requires (none when it lists none). */
    public List<Object> required(String path) {
        return list(schema(path).get("required"));
    }

    /** One property of a schema. */
    public Map<String, Object> property(String path, String property) {
        return map(properties(schema(path)).get(property));
    }

    /** The values a property of a schema enumerates. */
    public List<Object> enumOf(String path, String property) {
        return list(property(path, property).get("enum"));
    }

    /** The component names of a request record, which a command's schema must list exactly. */
    public static List<String> components(Class<? extends Record> request) {
        return Arrays.stream(request.getRecordComponents()).map(RecordComponent::getName).toList();
    }

    private static Map<String, Object> properties(Map<String, Object> schema) {
        return map(schema.get("properties"));
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    public static List<Object> list(Object value) {
        return value == null ? List.of() : (List<Object>) value;
    }
}
