package vn.neuguong.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import vn.neuguong.localstack.LocalStackOptions.Component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LocalStackOptionsTest {

    @Test
    void withNothingGivenTheStackUsesTheProjectsFixedPorts() {
        LocalStackOptions options = LocalStackOptions.from(new String[0], Map.of());

        assertThat(options).isEqualTo(new LocalStackOptions(Path.of(".local/data"), 9092, 9093, 9094, 27017, 8090,
                Duration.ofHours(12), Set.of("http://localhost:8080"), Set.of(Component.values())));
    }

    @Test
    void aProcessMayRunSomeOfTheComponents() {
        LocalStackOptions broker = LocalStackOptions.from(new String[] {"--only=kafka"}, Map.of());
        LocalStackOptions rest = LocalStackOptions.from(new String[0], Map.of("NEUGUONG_ONLY", "mongo, issuer"));

        assertThat(broker.only()).containsExactly(Component.KAFKA);
        assertThat(rest.runs(Component.MONGO)).isTrue();
        assertThat(rest.runs(Component.ISSUER)).isTrue();
        assertThat(rest.runs(Component.KAFKA)).isFalse();
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LocalStackOptions.from(new String[] {"--only=kafka,postgres"}, Map.of()))
                .withMessageContaining("only");
    }

    @Test
    void argumentsWinOverEnvironmentVariables() {
        LocalStackOptions options = LocalStackOptions.from(
                new String[] {"--kafka-port=19092", "--data-dir=/tmp/stack"},
                Map.of("NEUGUONG_KAFKA_PORT", "29092", "NEUGUONG_MONGO_PORT", "37017", "NEUGUONG_TOKEN_LIFETIME", "PT1H"));

        assertThat(options.kafkaPort()).isEqualTo(19092);
        assertThat(options.mongoPort()).isEqualTo(37017);
        assertThat(options.dataDir()).isEqualTo(Path.of("/tmp/stack"));
        assertThat(options.tokenLifetime()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void theIssuerAcceptsSeveralAllowedOrigins() {
        LocalStackOptions options = LocalStackOptions.from(
                new String[] {"--issuer-allowed-origins=http://localhost:28080, http://127.0.0.1:28080"}, Map.of());

        assertThat(options.issuerAllowedOrigins()).containsExactlyInAnyOrder("http://localhost:28080", "http://127.0.0.1:28080");
    }

    @Test
    void badValuesAreNamed() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LocalStackOptions.from(new String[] {"--issuer-port=80800"}, Map.of()))
                .withMessageContaining("issuer-port");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LocalStackOptions.from(new String[] {"--kafka-prot=1"}, Map.of()))
                .withMessageContaining("kafka-prot");
    }
}
