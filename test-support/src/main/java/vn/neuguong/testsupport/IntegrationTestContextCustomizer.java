package vn.neuguong.testsupport;

import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * Points the application at the shared test infrastructure and at a MongoDB database of its own. The properties rank
 * just below a test's own inlined properties, so a test may still override one of them, and above every configuration
 * file. All customizers are equal: test classes whose configuration is otherwise the same share one application
 * context, and its database, through Spring's test context cache (a class that must have its own declares
 * {@code @DirtiesContext}, or differs in its properties).
 */
final class IntegrationTestContextCustomizer implements ContextCustomizer {

    static final String PROPERTY_SOURCE_NAME = "neuguongTestInfrastructure";

    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
        TestInfrastructure infrastructure = TestInfrastructure.get();
        MapPropertySource properties = new MapPropertySource(PROPERTY_SOURCE_NAME, Map.of(
                "spring.kafka.bootstrap-servers", infrastructure.kafkaBootstrapServers(),
                "spring.mongodb.uri", infrastructure.mongoUri(),
                "spring.mongodb.database", IntegrationTestContextCustomizerFactory.databaseName(
                        IntegrationTestContextCustomizerFactory.outermost(mergedConfig.getTestClass())),
                "spring.security.oauth2.resourceserver.jwt.issuer-uri", infrastructure.issuerUri()));
        MutablePropertySources sources = context.getEnvironment().getPropertySources();
        if (sources.contains(TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME)) {
            sources.addAfter(TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME, properties);
        } else {
            sources.addFirst(properties);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IntegrationTestContextCustomizer;
    }

    @Override
    public int hashCode() {
        return IntegrationTestContextCustomizer.class.hashCode();
    }
}
