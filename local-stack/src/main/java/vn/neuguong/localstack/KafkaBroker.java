package vn.neuguong.localstack;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;

/**
 * A real Apache Kafka broker running in this JVM: one node in KRaft combined mode (broker and controller).
 * The log directory is formatted on the first start and reused by later starts, so a restart keeps every
 * topic and record. Configured for a single node: idempotent and transactional producers and Kafka Streams
 * exactly-once v2 work, topics are never auto-created.
 *
 * <p>With a SASL port, the node also has a {@code SASL_PLAINTEXT} listener where clients authenticate with
 * SCRAM-SHA-512 and are authorized by ACLs (the StandardAuthorizer of KRaft): the publishing systems of the inbound
 * command channel ({@link InboundPublishers}). The {@code PLAINTEXT} listener stays what the services use; its
 * anonymous principal is a super user, so nothing changes for them.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final int NODE_ID = 1;
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final String SASL_LISTENER = "SASL_PLAINTEXT";
    public static final String SASL_MECHANISM = "SCRAM-SHA-512";

    private final Path logDir;
    private final int port;
    private final int controllerPort;
    private final int saslPort;
    private KafkaRaftServer server;

    public KafkaBroker(Path logDir, int port, int controllerPort) {
        this(logDir, port, controllerPort, 0);
    }

    /** @param saslPort the port of the SCRAM listener with ACLs, or 0 for none */
    public KafkaBroker(Path logDir, int port, int controllerPort, int saslPort) {
        this.logDir = logDir.toAbsolutePath();
        this.port = port;
        this.controllerPort = controllerPort;
        this.saslPort = saslPort;
    }

    /** Formats the log directory if it is new, then starts the node and returns once the broker is serving. */
    public synchronized void start() {
        if (server != null) {
            return;
        }
        KafkaConfig config = KafkaConfig.fromProps(configuration());
        formatOnFirstStart(config);
        KafkaRaftServer starting = new KafkaRaftServer(config, Time.SYSTEM);
        try {
            starting.startup();
        } catch (RuntimeException e) {
            starting.shutdown();
            starting.awaitShutdown();
            throw e;
        }
        server = starting;
    }

    /** Shuts the node down and waits until all its threads have ended. The data stays for the next start. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.shutdown();
        server.awaitShutdown();
        server = null;
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    /** The SCRAM listener's address, or null when the broker has none. */
    public String saslBootstrapServers() {
        return saslPort == 0 ? null : "localhost:" + saslPort;
    }

    public Path logDir() {
        return logDir;
    }

    @Override
    public void close() {
        stop();
    }

    private Properties configuration() {
        Properties properties = new Properties();
        properties.put("node.id", String.valueOf(NODE_ID));
        properties.put("process.roles", "broker,controller");
        String sasl = saslPort == 0 ? "" : "," + SASL_LISTENER + "://localhost:" + saslPort;
        properties.put("listeners", "PLAINTEXT://localhost:" + port + sasl + "," + CONTROLLER_LISTENER + "://localhost:" + controllerPort);
        properties.put("advertised.listeners", "PLAINTEXT://localhost:" + port + sasl);
        properties.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT"
                + (saslPort == 0 ? "" : "," + SASL_LISTENER + ":" + SASL_LISTENER));
        if (saslPort != 0) {
            properties.put("sasl.enabled.mechanisms", SASL_MECHANISM);
            properties.put("listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config",
                    "org.apache.kafka.common.security.scram.ScramLoginModule required;");
            properties.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
            // the unauthenticated listeners (services, controller) act as before; only SCRAM principals need ACLs
            properties.put("super.users", "User:ANONYMOUS");
        }
        properties.put("inter.broker.listener.name", "PLAINTEXT");
        properties.put("controller.listener.names", CONTROLLER_LISTENER);
        // a static voter set: the controller port may change between runs without reformatting
        properties.put("controller.quorum.voters", NODE_ID + "@localhost:" + controllerPort);
        properties.put("log.dirs", logDir.toString());
        properties.put("auto.create.topics.enable", "false");
        properties.put("num.partitions", "12");
        properties.put("default.replication.factor", "1");
        properties.put("min.insync.replicas", "1");
        properties.put("offsets.topic.replication.factor", "1");
        properties.put("offsets.topic.num.partitions", "12");
        properties.put("transaction.state.log.replication.factor", "1");
        properties.put("transaction.state.log.min.isr", "1");
        properties.put("transaction.state.log.num.partitions", "12");
        properties.put("share.coordinator.state.topic.replication.factor", "1");
        properties.put("share.coordinator.state.topic.min.isr", "1");
        properties.put("group.initial.rebalance.delay.ms", "0");
        // the log cleaner allocates this on the heap at start (128 MiB by default: most of an empty local stack's
        // heap, docs/performance.md); 16 MiB still deduplicates some 700,000 keys of the compacted topics per pass
        properties.put("log.cleaner.dedupe.buffer.size", String.valueOf(16 * 1024 * 1024));
        return properties;
    }

    private void formatOnFirstStart(KafkaConfig config) {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        try {
            Files.createDirectories(logDir);
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(config.nodeId())
                    .setClusterId(Uuid.randomUuid().toString())
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .setMetadataLogDirectory(config.metadataLogDir())
                    .addDirectory(logDir.toString())
                    .run();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the Kafka log directory " + logDir, e);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot format the Kafka log directory " + logDir, e);
        }
    }
}
