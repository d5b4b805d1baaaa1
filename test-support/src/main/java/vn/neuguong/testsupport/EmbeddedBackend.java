package vn.neuguong.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import vn.neuguong.localstack.KafkaBroker;
import vn.neuguong.embeddedmongodb.MongoServer;

/** The local stack's Kafka broker and an in-memory mongo-java-server, in this JVM, on free ports. */
final class EmbeddedBackend implements TestInfrastructure.Backend {

    private final Path kafkaDir;
    private final KafkaBroker kafka;
    private final MongoServer mongo = MongoServer.inMemory(0);

    EmbeddedBackend() {
        try {
            kafkaDir = Files.createTempDirectory("neuguong-test-kafka");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a directory for the test broker", e);
        }
        kafka = new KafkaBroker(kafkaDir, freePort(), freePort());
    }

    @Override
    public String description() {
        return "embedded";
    }

    @Override
    public void start() {
        mongo.start();
        kafka.start();
    }

    @Override
    public void stop() {
        kafka.stop();
        mongo.stop();
        deleteRecursively(kafkaDir);
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    @Override
    public String mongoUri() {
        return mongo.connectionString();
    }

    @Override
    public void stopKafka() {
        kafka.stop();
    }

    @Override
    public void startKafka() {
        kafka.start();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot find a free port", e);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + dir, e);
        }
    }
}
