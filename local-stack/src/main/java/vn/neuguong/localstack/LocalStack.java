package vn.neuguong.localstack;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.neuguong.embeddedmongodb.MongoServer;
import vn.neuguong.localstack.LocalStackOptions.Component;

/**
 * Runs the local stack: the Kafka broker, the MongoDB-compatible server and the development token issuer (or those
 * of them {@code --only} names), until SIGTERM or Ctrl-C stops them (the broker before the database).
 */
public final class LocalStack {

    static {
        // before the first logger: the stack's own logback configuration, not one an embedding application brings
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "vn/neuguong/localstack/local-stack-logback.xml");
        }
    }

    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);

    /** The demo publishers' registry for the services (./local.sh passes it as an additional config location). */
    static final String REGISTRY_FILE = "inbound-publishers.properties";

    private final Deque<AutoCloseable> running = new ArrayDeque<>();

    public static void main(String[] args) throws InterruptedException {
        LocalStackOptions options;
        try {
            options = LocalStackOptions.from(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(LocalStackOptions.USAGE);
            System.exit(2);
            return;
        }
        LocalStack stack = new LocalStack();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.stop();
            stopped.countDown();
        }, "local-stack-shutdown"));
        try {
            stack.start(options);
        } catch (RuntimeException e) {
            log.error("The local stack could not start: {}", e.getMessage(), e);
            System.exit(1);
        }
        stopped.await();
    }

    synchronized void start(LocalStackOptions options) {
        log.info("Data directory {}", options.dataDir().toAbsolutePath());

        if (options.runs(Component.ISSUER)) {
            TokenIssuer issuer = TokenIssuer.withKeyIn(options.dataDir().resolve("token-issuer"), options.issuerPort(),
                    options.tokenLifetime(), options.issuerAllowedOrigins());
            issuer.start();
            running.push(issuer);
            log.info("Token issuer (local development only) ready at {}", issuer.issuerUri());
        }
        // the database restores its journal (most of a start with a season stored) while the broker starts
        FutureTask<MongoServer> mongo = new FutureTask<>(() -> {
            MongoServer server = MongoServer.journaled(options.dataDir().resolve("mongo"), options.mongoPort());
            server.start();
            return server;
        });
        if (options.runs(Component.MONGO)) {
            new Thread(mongo, "mongo-start").start();
        }
        KafkaBroker kafka = null;
        try {
            if (options.runs(Component.KAFKA)) {
                kafka = new KafkaBroker(options.dataDir().resolve("kafka"), options.kafkaPort(),
                        options.kafkaControllerPort(), options.kafkaSaslPort());
                kafka.start();
                log.info("Kafka broker ready at {}", kafka.bootstrapServers());
                provisionDemoPublishers(kafka, options);
            }
        } finally {
            try {
                if (options.runs(Component.MONGO)) {
                    MongoServer server = started(mongo);
                    running.push(server);
                    log.info("MongoDB-compatible server ready at {}", server.connectionString());
                }
            } finally {
                // stopped before the database, whose stop writes a checkpoint that may take a while
                if (kafka != null && kafka.isRunning()) {
                    running.push(kafka);
                }
            }
        }
    }

    private static void provisionDemoPublishers(KafkaBroker kafka, LocalStackOptions options) {
        InboundPublishers.provision(kafka.bootstrapServers(), InboundPublishers.DEMO, 12);
        InboundPublishers.writeRegistry(InboundPublishers.DEMO, options.dataDir().resolve(REGISTRY_FILE));
        log.info("Inbound demo publishers {} (local development only) on the SCRAM listener {}",
                InboundPublishers.DEMO.stream().map(InboundPublishers.Publisher::name).toList(),
                kafka.saslBootstrapServers());
    }

    private static MongoServer started(FutureTask<MongoServer> mongo) {
        try {
            return mongo.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the MongoDB-compatible server started", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause
                    : new IllegalStateException("The MongoDB-compatible server could not start", e.getCause());
        }
    }

    synchronized void stop() {
        while (!running.isEmpty()) {
            AutoCloseable component = running.pop();
            try {
                component.close();
            } catch (Exception e) {
                log.warn("Could not stop {} cleanly", component, e);
            }
        }
        log.info("Local stack stopped");
    }
}
