package vn.neuguong.testsupport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import vn.neuguong.contracts.Role;

import static org.assertj.core.api.Assertions.assertThat;

class TestInfrastructureTest {

    private final TestInfrastructure infrastructure = TestInfrastructure.get();

    @Test
    void thereIsOneInfrastructurePerJvm() {
        assertThat(TestInfrastructure.get()).isSameAs(infrastructure);
    }

    @Test
    void recordsProducedBeforeTheBrokerIsStoppedAndAfterItIsStartedAgainAreAllConsumed() throws Exception {
        String topic = "test-support-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>(topic, "p-19", "before")).get(30, TimeUnit.SECONDS);
        }

        infrastructure.stopKafka();
        infrastructure.startKafka();

        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>(topic, "p-19", "after")).get(30, TimeUnit.SECONDS);
        }
        assertThat(consumeAll(topic, 2)).containsExactly("before", "after");
    }

    @Test
    void theMongoServerStoresDocuments() {
        try (MongoClient client = MongoClients.create(infrastructure.mongoUri())) {
            MongoCollection<Document> collection = client.getDatabase("it_test_support").getCollection("units");
            collection.insertOne(new Document("_id", "w-05569").append("name", "Định Hoá"));

            assertThat(collection.find(new Document("_id", "w-05569")).first()).containsEntry("name", "Định Hoá");
        }
    }

    @Test
    void tokensAreSignedByTheKeyTheIssuerPublishes() throws Exception {
        String token = infrastructure.token("cb-1", "Ban Tuyên giáo", "vn", Role.CENTRAL_BOARD);

        String jwks = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(infrastructure.issuerUri() + "/jwks")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        SignedJWT jwt = SignedJWT.parse(token);
        assertThat(jwt.verify(new RSASSAVerifier((RSAKey) JWKSet.parse(jwks).getKeys().get(0)))).isTrue();
        assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo(infrastructure.issuerUri());
        assertThat(jwt.getJWTClaimsSet().getStringListClaim("roles")).containsExactly("CENTRAL_BOARD");
    }

    private KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers()),
                new StringSerializer(), new StringSerializer());
    }

    private List<String> consumeAll(String topic, int expected) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> values.add(record.value()));
            }
        }
        return values;
    }
}
