package vn.neuguong.embeddedmongodb;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

import de.bwaldvogel.mongo.MongoBackend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MongoDB wire-protocol server (mongo-java-server) on the loopback interface, for the local stack and for tests on
 * machines without {@code mongod} or Docker; never for production (docs/adr/0004-embedded-mongodb-journal.md).
 * {@link #journaled} keeps every acknowledged write in a journal that survives a crash and restores the databases
 * from it at start (the local stack); {@link #inMemory} forgets them (tests).
 */
public final class MongoServer implements AutoCloseable {

    /** Segments are rotated at this size and merged in the background. */
    public static final long DEFAULT_SEGMENT_BYTES = 64L * 1024 * 1024;

    private static final Logger log = LoggerFactory.getLogger(MongoServer.class);
    private static final int WORKER_THREADS = 64;

    private final Supplier<MongoBackend> backends;
    private final int requestedPort;
    private de.bwaldvogel.mongo.MongoServer server;
    private int port;

    private MongoServer(Supplier<MongoBackend> backends, int port) {
        this.backends = backends;
        this.requestedPort = port;
    }

    /**
     * @param directory the journal's directory (created if missing)
     * @param port      the port to listen on, 0 for any free one
     */
    public static MongoServer journaled(Path directory, int port) {
        return journaled(directory, port, DEFAULT_SEGMENT_BYTES);
    }

    static MongoServer journaled(Path directory, int port, long segmentBytes) {
        Path journal = directory.toAbsolutePath();
        if (Files.exists(journal.resolve("neuguong.mv"))) {
            log.warn("{} holds data of the former H2 backend, which this server no longer reads; delete it (the"
                    + " journal in the same directory is the data now)", journal.resolve("neuguong.mv"));
        }
        return new MongoServer(() -> JournaledMemoryBackend.journaledIn(journal, segmentBytes), port);
    }

    /** @param port the port to listen on, 0 for any free one */
    public static MongoServer inMemory(int port) {
        return new MongoServer(JournaledMemoryBackend::inMemory, port);
    }

    public synchronized void start() {
        if (server != null) {
            return;
        }
        de.bwaldvogel.mongo.MongoServer starting = new de.bwaldvogel.mongo.MongoServer(backends.get());
        try {
            // a command waiting for the journal blocks its event loop and every connection on it: enough loops
            // that concurrent writers wait side by side and share one fsync (group commit)
            starting.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), requestedPort), 1, WORKER_THREADS);
        } catch (RuntimeException e) {
            starting.shutdownNow();
            throw e;
        }
        server = starting;
        port = starting.getLocalAddress().getPort();
    }

    /** Closes the connections and the backend (which writes what is left of the journal). */
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
