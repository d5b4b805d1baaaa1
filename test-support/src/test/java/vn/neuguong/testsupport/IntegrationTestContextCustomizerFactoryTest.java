package vn.neuguong.testsupport;

import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.ContextCustomizer;

import static org.assertj.core.api.Assertions.assertThat;

class IntegrationTestContextCustomizerFactoryTest {

    private final IntegrationTestContextCustomizerFactory factory = new IntegrationTestContextCustomizerFactory();

    @IntegrationTest
    static class PledgeApiIT {
        @Nested
        class Revisions {
        }
    }

    @IntegrationTest
    static class NominationApiIT {
    }

    @Test
    void testClassesOfTheSameConfigurationShareAContextAndNestedClassesCountAsTheirEnclosingClass() {
        ContextCustomizer pledges = factory.createContextCustomizer(PledgeApiIT.class, List.of());

        assertThat(factory.createContextCustomizer(PledgeApiIT.Revisions.class, List.of())).isEqualTo(pledges);
        assertThat(factory.createContextCustomizer(NominationApiIT.class, List.of())).isEqualTo(pledges)
                .hasSameHashCodeAs(pledges);
        assertThat(IntegrationTestContextCustomizerFactory.outermost(PledgeApiIT.Revisions.class))
                .isEqualTo(PledgeApiIT.class);
    }

    @Test
    void databaseNamesAreValidForMongoAndFreshEachTime() {
        String first = IntegrationTestContextCustomizerFactory.databaseName(PledgeApiIT.class);
        String second = IntegrationTestContextCustomizerFactory.databaseName(PledgeApiIT.class);

        assertThat(first).matches("it_pledgeapiit_[0-9a-f]{8}").isNotEqualTo(second);
        assertThat(IntegrationTestContextCustomizerFactory.databaseName(AVeryLongTestClassNameThatWouldNotFitIntoTheLimitOfAMongoDatabaseName.class))
                .hasSizeLessThan(64);
    }

    static class AVeryLongTestClassNameThatWouldNotFitIntoTheLimitOfAMongoDatabaseName {
    }
}
