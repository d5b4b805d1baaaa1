package vn.neuguong.testsupport;

import com.github.dockerjava.api.DockerClient;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * Kafka and MongoDB in Docker containers. Stopping Kafka pauses its container: the broker becomes unreachable
 * but keeps its address and data, which a restarted container would not.
 */
final class ContainerBackend implements TestInfrastructure.Backend {

    private final KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.2")
            .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false")
            .withEnv("KAFKA_NUM_PARTITIONS", "12");
    private final MongoDBContainer mongo = new MongoDBContainer("mongo:8");
    private boolean kafkaPaused;

    @Override
    public String description() {
        return "containers";
    }

    @Override
    public void start() {
        kafka.start();
        mongo.start();
    }

    @Override
    public void stop() {
        kafka.stop();
        mongo.stop();
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.getBootstrapServers();
    }

    @Override
    public String mongoUri() {
        return mongo.getConnectionString();
    }

    @Override
    public synchronized void stopKafka() {
        if (!kafkaPaused) {
            docker().pauseContainerCmd(kafka.getContainerId()).exec();
            kafkaPaused = true;
        }
    }

    @Override
    public synchronized void startKafka() {
        if (kafkaPaused) {
            docker().unpauseContainerCmd(kafka.getContainerId()).exec();
            kafkaPaused = false;
        }
    }

    private static DockerClient docker() {
        return DockerClientFactory.instance().client();
    }
}
