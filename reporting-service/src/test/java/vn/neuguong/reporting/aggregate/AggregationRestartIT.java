package vn.neuguong.reporting.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.config.KafkaStreamsConfiguration;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

import vn.neuguong.platform.kafka.TopicProperties;
import vn.neuguong.testsupport.TestInfrastructure;

/**
 * The aggregation's readiness and restart, with the service's own Kafka Streams configuration on the real broker.
 * A stream that merely closes stays in its group, as a killed process does, so its restart shows whether the new
 * process has to wait for the old one's session timeout (45 s).
 */
class AggregationRestartIT {

    private final String applicationId = "aggregation-restart-" + UUID.randomUUID();
    private final String input = applicationId + "-input";
    private StreamsBuilderFactoryBean running;

    @AfterEach
    void stop() {
        if (running != null) {
            running.stop();
        }
    }

    @Test
    void isOutOfServiceUntilItRunsItsTasks() throws Exception {
        createInput();
        running = streams("reporting-service-1");
        AggregationHealthIndicator health = new AggregationHealthIndicator(running);
        assertThat(health.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);

        running.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> health.health().getStatus().equals(Status.UP));
        Health up = health.health();
        assertThat(up.getDetails()).containsEntry("state", "RUNNING");
        assertThat((Integer) up.getDetails().get("activeTasks")).isPositive();
    }

    @Test
    void aRestartedInstanceTakesItsTasksBackWithoutWaitingForTheSessionTimeout() throws Exception {
        createInput();
        StreamsBuilderFactoryBean crashed = streams("reporting-service-1");
        AggregationHealthIndicator before = new AggregationHealthIndicator(crashed);
        crashed.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> before.health().getStatus().equals(Status.UP));
        crashed.stop();

        running = streams("reporting-service-1");
        AggregationHealthIndicator restarted = new AggregationHealthIndicator(running);
        long started = System.nanoTime();
        running.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> restarted.health().getStatus().equals(Status.UP));
        Duration untilReady = Duration.ofNanos(System.nanoTime() - started);
        assertThat(untilReady).as("time until the restarted instance runs its tasks").isLessThan(Duration.ofSeconds(20));
    }

    private StreamsBuilderFactoryBean streams(String instanceId) throws Exception {
        KafkaProperties kafka = new KafkaProperties();
        kafka.setBootstrapServers(List.of(TestInfrastructure.get().kafkaBootstrapServers()));
        AggregatesProperties aggregates = new AggregatesProperties(applicationId,
                Files.createTempDirectory("aggregation-restart"), Duration.ofMillis(100), null, instanceId);
        KafkaStreamsConfiguration config = new AggregationConfiguration().aggregationStreamsConfig(kafka, aggregates,
                new TopicProperties(2, (short) 1));
        StreamsBuilderFactoryBean factory = new StreamsBuilderFactoryBean(config);
        factory.setAutoStartup(false);
        factory.afterPropertiesSet();
        factory.getObject().stream(input, Consumed.with(Serdes.String(), Serdes.String()))
                .to(applicationId + "-output", Produced.with(Serdes.String(), Serdes.String()));
        factory.afterSingletonsInstantiated();
        return factory;
    }

    private void createInput() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.get().kafkaBootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(input, 2, (short) 1), new NewTopic(applicationId + "-output", 2,
                    (short) 1))).all().get();
        }
    }
}
