package vn.neuguong.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ContextCustomizerFactories;

/**
 * A Spring Boot test on a random port against the test JVM's one real Kafka broker, MongoDB server and token
 * issuer ({@link TestInfrastructure#get()}), with a MongoDB database of its own for each test class.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        // the embedded broker runs in the test JVM: its (and the clients') INFO logs would drown the test's
        "logging.level.kafka=WARN",
        "logging.level.org.apache.kafka=WARN",
        "logging.level.state.change.logger=WARN"})
@ContextCustomizerFactories(IntegrationTestContextCustomizerFactory.class)
public @interface IntegrationTest {
}
