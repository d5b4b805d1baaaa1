package vn.neuguong.recognition.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

import vn.neuguong.contracts.recognition.NomineeKind;
import vn.neuguong.recognition.nomination.NominationRequest;

/** The AsyncAPI schema of the nomination command is exactly the API request body it is read as. */
class NominationCommandContractTest {

    private static final Map<String, Object> SCHEMAS = schemas();

    static Stream<Arguments> commandData() {
        return Stream.of(Arguments.of("NominationRequest", NominationRequest.class),
                Arguments.of("NominationRequest.nominee", NominationRequest.NomineeRequest.class));
    }

    @ParameterizedTest
    @MethodSource("commandData")
    void schemaPropertiesAreExactlyTheRequestsComponents(String schemaPath, Class<? extends Record> request) {
        Map<String, Object> schema = schema(schemaPath);
        List<String> components = Arrays.stream(request.getRecordComponents()).map(RecordComponent::getName).toList();

        assertThat(map(schema.get("properties")).keySet()).containsExactlyInAnyOrderElementsOf(components);
        assertThat(list(schema.get("required"))).allMatch(components::contains);
    }

    @Test
    void theNomineeKindsAreTheJavaConstants() {
        assertThat(list(map(map(schema("NominationRequest.nominee").get("properties")).get("kind")).get("enum")))
                .containsExactlyElementsOf(Arrays.stream(NomineeKind.values()).map(Enum::name).toList());
    }

    private static Map<String, Object> schema(String path) {
        String[] parts = path.split("\\.");
        Map<String, Object> schema = map(SCHEMAS.get(parts[0]));
        for (int i = 1; i < parts.length; i++) {
            schema = map(map(schema.get("properties")).get(parts[i]));
        }
        return schema;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return value == null ? List.of() : (List<Object>) value;
    }

    private static Map<String, Object> schemas() {
        try (InputStream in = NominationCommandContractTest.class.getResourceAsStream(
                "/asyncapi/neuguong.asyncapi.yaml")) {
            Map<String, Object> document = new Yaml().load(in);
            return map(map(document.get("components")).get("schemas"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
