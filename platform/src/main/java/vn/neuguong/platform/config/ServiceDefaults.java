package vn.neuguong.platform.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Properties;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertiesPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

/**
 * Adds the settings every service shares (local endpoints, actuator exposure, structured logs, graceful
 * shutdown, token audience) with the lowest precedence, so a service's application.yml, the environment and
 * the command line all override them. Keeps each service's own configuration to what is its own.
 */
public class ServiceDefaults implements EnvironmentPostProcessor {

    static final String SOURCE_NAME = "neuguongServiceDefaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            Properties defaults = PropertiesLoaderUtils.loadProperties(new ClassPathResource("neuguong-service-defaults.properties"));
            environment.getPropertySources().addLast(new PropertiesPropertySource(SOURCE_NAME, defaults));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
