package vn.neuguong.gateway.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;

import vn.neuguong.gateway.dashboard.DashboardProperties.SignInMode;

class DashboardPropertiesTest {

    @Test
    void bindsTheModeAsWrittenInTheConfiguration() {
        DashboardProperties properties = bind(Map.of("neuguong.dashboard.mode", "dev-issuer",
                "neuguong.dashboard.issuer", "http://localhost:28090", "neuguong.dashboard.client-id", "neuguong-dashboard"));

        assertThat(properties.mode()).isEqualTo(SignInMode.DEV_ISSUER);
        assertThat(properties.mode().value()).isEqualTo("dev-issuer");
        assertThat(properties.issuer()).isEqualTo(URI.create("http://localhost:28090"));
        assertThat(bind(Map.of("neuguong.dashboard.mode", "oidc")).mode().value()).isEqualTo("oidc");
    }

    @Test
    void signsInThroughOidcUnlessTheLocalProfileAsksForTheDevelopmentIssuer() throws IOException {
        assertThat(configuredMode("application.yml")).isEqualTo(SignInMode.OIDC);
        assertThat(configuredMode("application-local.yml")).isEqualTo(SignInMode.DEV_ISSUER);
    }

    private static SignInMode configuredMode(String file) throws IOException {
        var sources = new YamlPropertySourceLoader().load(file, new ClassPathResource(file));
        return new Binder(ConfigurationPropertySources.from(sources)).bind("neuguong.dashboard.mode", SignInMode.class)
                .get();
    }

    private static DashboardProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values)).bind("neuguong.dashboard", DashboardProperties.class)
                .get();
    }
}
