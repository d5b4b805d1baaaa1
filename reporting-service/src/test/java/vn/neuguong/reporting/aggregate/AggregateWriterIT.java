package vn.neuguong.reporting.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import io.micrometer.core.instrument.MeterRegistry;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

import tools.jackson.databind.json.JsonMapper;
import vn.neuguong.aggregation.UnitYearAggregate;
import vn.neuguong.aggregation.UnitYearDelta;
import vn.neuguong.contracts.Topics;
import vn.neuguong.embeddedmongodb.MongoServer;
import vn.neuguong.testsupport.IntegrationTest;
import vn.neuguong.testsupport.KafkaRecords;
import vn.neuguong.testsupport.TestInfrastructure;

/** The MongoDB writer of the aggregates when the database is away, with the service's listener error handling. */
@IntegrationTest
class AggregateWriterIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    ConcurrentKafkaListenerContainerFactory<?, ?> listenerContainers;
    @Autowired
    AggregatesProperties properties;
    @Autowired
    Clock clock;
    @Autowired
    MeterRegistry meters;

    private final String runId = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aFigureWaitsUntilTheDatabaseIsBackAndIsNeverDeadLettered() throws Exception {
        String topic = "test.aggregates-" + runId;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.get().kafkaBootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1),
                    new NewTopic(Topics.deadLetter(topic), 1, (short) 1))).all().get();
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            UnitYearAggregate figure = new UnitYearAggregate("p-19", 2094, Map.of("pledges.registered", 3L), now, now);
            KafkaRecords.send(topic, UnitYearDelta.key("p-19", 2094), JSON.writeValueAsString(figure), Map.of());

            int port = freePort();
            try (MongoClient client = MongoClients.create(MongoClientSettings.builder()
                    .applyConnectionString(new ConnectionString("mongodb://localhost:" + port))
                    .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(300, TimeUnit.MILLISECONDS))
                    .applyToServerSettings(server -> server.heartbeatFrequency(500, TimeUnit.MILLISECONDS))
                    .applyToSocketSettings(socket -> socket.connectTimeout(300, TimeUnit.MILLISECONDS))
                    .build());
                    MongoServer database = MongoServer.inMemory(port)) {
                AggregateStore store = new AggregateStore(new MongoTemplate(client, "writer_" + runId));
                AggregateWriter writer = new AggregateWriter(store, properties, clock, meters);
                ConcurrentMessageListenerContainer<?, ?> container = listenerContainers.createContainer(topic);
                container.getContainerProperties().setGroupId("test-writer-" + runId);
                Properties consumer = container.getContainerProperties().getKafkaConsumerProperties();
                consumer.setProperty("auto.offset.reset", "earliest");
                // as the writer's @KafkaListener names them (the inbound binder makes Boot's default byte arrays)
                consumer.setProperty("key.deserializer", StringDeserializer.class.getName());
                consumer.setProperty("value.deserializer", StringDeserializer.class.getName());
                container.setupMessageListener((BatchMessageListener<String, String>) writer::write);
                container.start();
                try {
                    // several server selection timeouts: far more than the two quick retries of a faulty record
                    Thread.sleep(3_000);
                    database.start();
                    await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() ->
                            assertThat(store.find(List.of("p-19"), 2094)).containsKey("p-19"));
                } finally {
                    container.stop();
                }
                assertThat(store.find(List.of("p-19"), 2094).get("p-19").counters())
                        .isEqualTo(Map.of("pledges.registered", 3L));
            }
            assertThat(admin.listOffsets(Map.of(new TopicPartition(Topics.deadLetter(topic), 0), OffsetSpec.latest()))
                    .all().get().values().iterator().next().offset()).as("dead letters").isZero();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
