package vn.neuguong.testsupport;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Adds the {@link IntegrationTestContextCustomizer} to every {@link IntegrationTest}; the database of a context is
 * named after the test class that first started it ({@code @Nested} classes count as their enclosing class).
 */
class IntegrationTestContextCustomizerFactory implements ContextCustomizerFactory {

    private static final int MAX_CLASS_NAME_LENGTH = 40;

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
                                                     List<ContextConfigurationAttributes> configAttributes) {
        return new IntegrationTestContextCustomizer();
    }

    static Class<?> outermost(Class<?> testClass) {
        Class<?> owner = testClass;
        while (TestContextAnnotationUtils.searchEnclosingClass(owner)) {
            owner = owner.getEnclosingClass();
        }
        return owner;
    }

    /** Mongo database names are short and must avoid {@code /\. "$}: the class name, lower case, made unique. */
    static String databaseName(Class<?> testClass) {
        String name = testClass.getSimpleName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        if (name.length() > MAX_CLASS_NAME_LENGTH) {
            name = name.substring(0, MAX_CLASS_NAME_LENGTH);
        }
        return "it_" + name + "_" + UUID.randomUUID().toString().substring(0, 8);
    }
}
