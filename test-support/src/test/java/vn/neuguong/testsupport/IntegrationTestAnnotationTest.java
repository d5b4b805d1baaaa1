package vn.neuguong.testsupport;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.core.env.Environment;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
@TestPropertySource(properties = "spring.kafka.bootstrap-servers=overridden:9092")
class IntegrationTestAnnotationTest {

    @SpringBootConfiguration
    static class EmptyApplication {
    }

    @Autowired
    Environment environment;

    @Test
    void theApplicationUsesTheSharedInfrastructureAndADatabaseNamedAfterTheTestClass() {
        TestInfrastructure infrastructure = TestInfrastructure.get();

        assertThat(environment.getProperty("spring.mongodb.uri")).isEqualTo(infrastructure.mongoUri());
        assertThat(environment.getProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri"))
                .isEqualTo(infrastructure.issuerUri());
        assertThat(environment.getProperty("spring.mongodb.database")).matches("it_integrationtestannotationtest_[0-9a-f]{8}");
    }

    @Test
    void aTestsOwnPropertiesWin() {
        assertThat(environment.getProperty("spring.kafka.bootstrap-servers")).isEqualTo("overridden:9092");
    }

    @Nested
    class NestedTests {

        @Autowired
        Environment nestedEnvironment;

        @Test
        void shareTheEnclosingClassesDatabase() {
            assertThat(nestedEnvironment.getProperty("spring.mongodb.database"))
                    .isEqualTo(environment.getProperty("spring.mongodb.database"));
        }
    }
}
