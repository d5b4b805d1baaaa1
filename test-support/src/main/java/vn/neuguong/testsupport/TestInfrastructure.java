package vn.neuguong.testsupport;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import vn.neuguong.contracts.Role;
import vn.neuguong.localstack.TokenIssuer;
import vn.neuguong.localstack.TokenRequest;

/**
 * The one Kafka broker, MongoDB server and token issuer shared by every test of this JVM, started on first use
 * and stopped by a JVM shutdown hook. Kafka and MongoDB run in containers (apache/kafka, mongo) where Docker is
 * available, else in-process (the local stack's real Kafka broker and mongo-java-server); setting the system
 * property {@code neuguong.test.embedded} or the environment variable {@code NEUGUONG_TEST_EMBEDDED} forces
 * the in-process pair. The token issuer always runs in-process.
 */
public final class TestInfrastructure {

    private static final Logger log = LoggerFactory.getLogger(TestInfrastructure.class);
    private static TestInfrastructure instance;

    private final Backend backend;
    private final TokenIssuer issuer;

    private TestInfrastructure(Backend backend, TokenIssuer issuer) {
        this.backend = backend;
        this.issuer = issuer;
    }

    public static synchronized TestInfrastructure get() {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    public String kafkaBootstrapServers() {
        return backend.kafkaBootstrapServers();
    }

    /** A connection string without a database name: tests choose theirs with {@code spring.mongodb.database}. */
    public String mongoUri() {
        return backend.mongoUri();
    }

    public String issuerUri() {
        return issuer.issuerUri().toString();
    }

    /** A signed token from the test issuer, accepted by any application configured by {@link IntegrationTest}. */
    public String token(String sub, String name, String unitId, Role... roles) {
        return issuer.issue(new TokenRequest(sub, name, unitId, List.of(roles)));
    }

    /** Makes the broker unreachable, keeping its data, until {@link #startKafka()}. */
    public void stopKafka() {
        backend.stopKafka();
    }

    /** Brings the broker back on the same address with the same data. */
    public void startKafka() {
        backend.startKafka();
    }

    private static TestInfrastructure start() {
        Backend backend = embeddedRequested() || !DockerClientFactory.instance().isDockerAvailable()
                ? new EmbeddedBackend()
                : new ContainerBackend();
        TokenIssuer issuer = TokenIssuer.withEphemeralKey(0);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            issuer.stop();
            backend.stop();
        }, "test-infrastructure-shutdown"));
        issuer.start();
        backend.start();
        log.info("Test infrastructure ({}): Kafka {}, MongoDB {}, token issuer {}", backend.description(),
                backend.kafkaBootstrapServers(), backend.mongoUri(), issuer.issuerUri());
        return new TestInfrastructure(backend, issuer);
    }

    private static boolean embeddedRequested() {
        String value = System.getProperty("neuguong.test.embedded", System.getenv("NEUGUONG_TEST_EMBEDDED"));
        return value != null && !value.equalsIgnoreCase("false");
    }

    /** Kafka and MongoDB, however they run. */
    interface Backend {

        String description();

        void start();

        void stop();

        String kafkaBootstrapServers();

        String mongoUri();

        void stopKafka();

        void startKafka();
    }
}
