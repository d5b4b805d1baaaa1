package vn.neuguong.reporting.inbound;

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

import vn.neuguong.reporting.conference.CheckIn;
import vn.neuguong.reporting.report.Indicator;
import vn.neuguong.reporting.report.Narrative;
import vn.neuguong.reporting.report.NewReport;
import vn.neuguong.reporting.report.ReportApproval;
import vn.neuguong.reporting.report.ReportReturn;

/** The AsyncAPI schemas of the report and attendance commands are exactly the API request bodies they are read as. */
class ReportCommandContractTest {

    private static final Map<String, Object> SCHEMAS = schemas();

    static Stream<Arguments> commandData() {
        return Stream.of(Arguments.of("NewReport", NewReport.class),
                Arguments.of("NewReport.narrative", Narrative.class),
                Arguments.of("ReportApproval", ReportApproval.class),
                Arguments.of("ReportReturn", ReportReturn.class),
                Arguments.of("CheckIn", CheckIn.class));
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
    void theIndicatorsAreTheReportsIndicatorCodes() {
        Map<String, Object> indicators = map(map(schema("NewReport").get("properties")).get("indicators"));

        assertThat(list(map(indicators.get("propertyNames")).get("enum")))
                .containsExactlyElementsOf(Arrays.stream(Indicator.values()).map(Indicator::code).toList());
        assertThat((String) indicators.get("description")).contains(Arrays.stream(Indicator.values())
                .filter(indicator -> !indicator.prefilled()).map(Indicator::code).toArray(String[]::new));
    }

    /** A schema by name, or a nested object by {@code Schema.property}. */
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
        try (InputStream in = ReportCommandContractTest.class.getResourceAsStream("/asyncapi/neuguong.asyncapi.yaml")) {
            Map<String, Object> document = new Yaml().load(in);
            return map(map(document.get("components")).get("schemas"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
