package vn.neuguong.pledge.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import vn.neuguong.contracts.pledge.Grade;
import vn.neuguong.pledge.pledge.CommitmentArea;
import vn.neuguong.pledge.pledge.EvaluationRequest;
import vn.neuguong.pledge.pledge.PledgeRequest;
import vn.neuguong.pledge.pledge.SelfAssessmentRequest;
import vn.neuguong.pledge.pledge.WithdrawalRequest;
import vn.neuguong.testsupport.AsyncApiSchemas;

/** The AsyncAPI schemas of the pledge commands are exactly the API request bodies the commands are read as. */
class PledgeCommandContractTest {

    private static final AsyncApiSchemas SCHEMAS = AsyncApiSchemas.load();

    static Stream<Arguments> commandData() {
        return Stream.of(Arguments.of("PledgeRegistration", PledgeRegistration.class),
                Arguments.of("PledgeRequest", PledgeRequest.class),
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
        List<String> components = AsyncApiSchemas.components(request);

        assertThat(SCHEMAS.propertyNames(schemaPath)).containsExactlyInAnyOrderElementsOf(components);
        assertThat(SCHEMAS.required(schemaPath)).allMatch(components::contains);
    }

    @ParameterizedTest
    @MethodSource("enums")
    void enumsListTheJavaConstants(String schemaPath, String property, Enum<?>[] values) {
        assertThat(SCHEMAS.enumOf(schemaPath, property))
                .containsExactlyElementsOf(Arrays.stream(values).map(Enum::name).toList());
    }

    /** The register command's data is the API's body and the signing day, sharing the body's nested schemas. */
    @Test
    void aRegistrationIsTheApiBodyAndTheSigningDay() {
        List<String> body = AsyncApiSchemas.components(PledgeRequest.class);
        assertThat(AsyncApiSchemas.components(PledgeRegistration.class)).containsExactlyElementsOf(
                Stream.concat(body.stream(), Stream.of("signedOn")).toList());
        assertThat(SCHEMAS.property("PledgeRegistration", "pledger").get("$ref"))
                .isEqualTo("#/components/schemas/PledgeRequest/properties/pledger");
        assertThat(SCHEMAS.property("PledgeRegistration", "commitments").get("$ref"))
                .isEqualTo("#/components/schemas/PledgeRequest/properties/commitments");
    }

    static Stream<Arguments> enums() {
        return Stream.of(Arguments.of("PledgeRequest.commitments", "area", CommitmentArea.values()),
                Arguments.of("EvaluationRequest", "grade", Grade.values()));
    }
}
