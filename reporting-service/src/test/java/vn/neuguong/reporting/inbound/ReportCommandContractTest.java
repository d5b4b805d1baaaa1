package vn.neuguong.reporting.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import vn.neuguong.reporting.conference.CheckIn;
import vn.neuguong.reporting.report.Indicator;
import vn.neuguong.reporting.report.Narrative;
import vn.neuguong.reporting.report.NewReport;
import vn.neuguong.reporting.report.ReportApproval;
import vn.neuguong.reporting.report.ReportReturn;
import vn.neuguong.testsupport.AsyncApiSchemas;

/** The AsyncAPI schemas of the report and attendance commands are exactly the API request bodies they are read as. */
class ReportCommandContractTest {

    private static final AsyncApiSchemas SCHEMAS = AsyncApiSchemas.load();

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
        List<String> components = AsyncApiSchemas.components(request);

        assertThat(SCHEMAS.propertyNames(schemaPath)).containsExactlyInAnyOrderElementsOf(components);
        assertThat(SCHEMAS.required(schemaPath)).allMatch(components::contains);
    }

    @Test
    void theIndicatorsAreTheReportsIndicatorCodes() {
        Map<String, Object> indicators = SCHEMAS.property("NewReport", "indicators");

        assertThat(AsyncApiSchemas.list(AsyncApiSchemas.map(indicators.get("propertyNames")).get("enum")))
                .containsExactlyElementsOf(Arrays.stream(Indicator.values()).map(Indicator::code).toList());
        assertThat((String) indicators.get("description")).contains(Arrays.stream(Indicator.values())
                .filter(indicator -> !indicator.prefilled()).map(Indicator::code).toArray(String[]::new));
    }
}
