package vn.neuguong.recognition.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import vn.neuguong.contracts.recognition.NomineeKind;
import vn.neuguong.recognition.nomination.NominationRequest;
import vn.neuguong.testsupport.AsyncApiSchemas;

/** The AsyncAPI schema of the nomination command is exactly the API request body it is read as. */
class NominationCommandContractTest {

    private static final AsyncApiSchemas SCHEMAS = AsyncApiSchemas.load();

    static Stream<Arguments> commandData() {
        return Stream.of(Arguments.of("NominationRequest", NominationRequest.class),
                Arguments.of("NominationRequest.nominee", NominationRequest.NomineeRequest.class));
    }

    @ParameterizedTest
    @MethodSource("commandData")
    void schemaPropertiesAreExactlyTheRequestsComponents(String schemaPath, Class<? extends Record> request) {
        List<String> components = AsyncApiSchemas.components(request);

        assertThat(SCHEMAS.propertyNames(schemaPath)).containsExactlyInAnyOrderElementsOf(components);
        assertThat(SCHEMAS.required(schemaPath)).allMatch(components::contains);
    }

    @Test
    void theNomineeKindsAreTheJavaConstants() {
        assertThat(SCHEMAS.enumOf("NominationRequest.nominee", "kind"))
                .containsExactlyElementsOf(Arrays.stream(NomineeKind.values()).map(Enum::name).toList());
    }
}
