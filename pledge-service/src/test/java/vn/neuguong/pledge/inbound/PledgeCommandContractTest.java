package vn.neuguong.pledge.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

import vn.neuguong.contracts.pledge.Grade;
import vn.neuguong.pledge.pledge.CommitmentArea;
import vn.neuguong.pledge.pledge.EvaluationRequest;
import vn.neuguong.pledge.pledge.PledgeRequest;
import vn.neuguong.pledge.pledge.SelfAssessmentRequest;
import vn.neuguong.pledge.pledge.WithdrawalRequest;

/** The AsyncAPI schemas of the pledge commands are exactly the API request bodies the commands are read as. */
class PledgeCommandContractTest {

    private static final Map<String, Object> SCHEMAS = schemas();

    static Stream<Arguments> commandData() {
        return Stream.of(Arguments.of("PledgeRequest", PledgeRequest.class),
                Arguments.of("PledgeRequest.pledger", PledgeRequest.Pledger.class),
                Arguments.of("PledgeRequest.commitments", PledgeRequest.Commitment.class),
                Arguments.of("SelfAssessmentRequest", SelfAssessmentRequest.class),
                Arguments.of("SelfAssessmentRequest.outcomes", SelfAssessmentRequest.Outcome.class),
                Arguments.of("EvaluationRequest", EvaluationRequest.class),
                Arguments.of("WithdrawalRequest", WithdrawalRequest.class));
    }

    @ParameterizedTest
    @MethodSource("commandData")
    void schemaPropertiesAreExactlyTheRequestsComponents(String schemaPath, Class<? extends Record> request) {
        Map<String, Object> schema = schema(schemaPath);
        List<String> components = Arrays.stream(request.getRecordComponents()).map(RecordComponent::getName).toList();

        assertThat(map(schema.get("properties")).keySet()).containsExactlyInAnyOrderElementsOf(components);
        assertThat(list(schema.get("required"))).allMatch(components::contains);
    }

    @ParameterizedTest
    @MethodSource("enums")
    void enumsListTheJavaConstants(String schemaPath, String property, Enum<?>[] values) {
        assertThat(list(map(map(schema(schemaPath).get("properties")).get(property)).get("enum")))
                .containsExactlyElementsOf(Arrays.stream(values).map(Enum::name).toList());
    }

    static Stream<Arguments> enums() {
        return Stream.of(Arguments.of("PledgeRequest.commitments", "area", CommitmentArea.values()),
                Arguments.of("EvaluationRequest", "grade", Grade.values()));
    }

    /** A schema by name, or a nested object by {@code Schema.property} (items of an array property). */
    private static Map<String, Object> schema(String path) {
        String[] parts = path.split("\\.");
        Map<String, Object> schema = map(SCHEMAS.get(parts[0]));
        for (int i = 1; i < parts.length; i++) {
            Map<String, Object> property = map(map(schema.get("properties")).get(parts[i]));
            schema = property.containsKey("items") ? map(property.get("items")) : property;
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
        try (InputStream in = PledgeCommandContractTest.class.getResourceAsStream("/asyncapi/neuguong.asyncapi.yaml")) {
            Map<String, Object> document = new Yaml().load(in);
            return map(map(document.get("components")).get("schemas"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
