package vn.neuguong.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

import de.bwaldvogel.mongo.MongoBackend;

import vn.neuguong.localstack.mongo.IndexedH2Backend;
import vn.neuguong.localstack.mongo.IndexedMemoryBackend;

/**
 * A MongoDB wire-protocol server (mongo-java-server) on the loopback interface. {@link #persistent} keeps the
 * databases in one H2 file that survives restarts (the local stack); {@link #inMemory} forgets them (tests).
 */
public final class MongoServer implements AutoCloseable {

    private final Supplier<MongoBackend> backends;
    private final int requestedPort;
    private de.bwaldvogel.mongo.MongoServer server;
    private int port;

    private MongoServer(Supplier<MongoBackend> backends, int port) {
        this.backends = backends;
        this.requestedPort = port;
    }

    public static MongoServer persistent(Path dataFile, int port) {
        Path file = dataFile.toAbsolutePath();
        return new MongoServer(() -> {
            try {
                Files.createDirectories(file.getParent());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create the MongoDB data directory " + file.getParent(), e);
            }
            return new IndexedH2Backend(file.toString());
        }, port);
    }

    /** @param port the port to listen on, 0 for any free one */
    public static MongoServer inMemory(int port) {
        return new MongoServer(IndexedMemoryBackend::new, port);
    }

    public synchronized void start() {
        if (server != null) {
            return;
        }
        de.bwaldvogel.mongo.MongoServer starting = new de.bwaldvogel.mongo.MongoServer(backends.get());
        try {
            starting.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), requestedPort));
        } catch (RuntimeException e) {
            starting.shutdownNow();
            throw e;
        }
        server = starting;
        port = starting.getLocalAddress().getPort();
    }

    /** Closes the connections and the backend (which flushes the H2 file). */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.shutdownNow();
        server = null;
    }

    /** A connection string without a database, e.g. {@code mongodb://localhost:27017}. */
    public synchronized String connectionString() {
        if (server == null) {
            throw new IllegalStateException("The MongoDB server is not running");
        }
        return "mongodb://localhost:" + port;
    }

    @Override
    public void close() {
        stop();
    }
}
