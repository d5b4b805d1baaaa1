package vn.neuguong.platform.orgunit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.json.JsonMapper;
import vn.neuguong.contracts.Topics;
import vn.neuguong.contracts.orgunit.OrgUnit;
import vn.neuguong.contracts.orgunit.OrgUnitChanged;
import vn.neuguong.contracts.orgunit.OrgUnitLevel;
import vn.neuguong.testsupport.KafkaRecords;
import vn.neuguong.platform.web.ServiceUnavailableException;
import vn.neuguong.testsupport.IntegrationTest;
import vn.neuguong.testsupport.TestInfrastructure;

@IntegrationTest
@TestPropertySource(properties = "neuguong.org-units.replica.enabled=true")
class OrgUnitReplicaIT {

    @Autowired
    OrgUnitReplica replica;

    @Autowired
    JsonMapper json;

    @Test
    void followsTheTopicKeepsTheLatestStateAndDeadLettersWhatItCannotRead() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        OrgUnit province = unit("p-" + suffix, "Thái Nguyên", OrgUnitLevel.PROVINCE, List.of("vn", "p-" + suffix), null);
        OrgUnit merged = new OrgUnit(province.id(), province.code(), province.name(), province.nameEn(), province.level(),
                province.parentId(), province.path(), 1_000, province.validFrom(), LocalDate.of(2025, 6, 30), "p-x");
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(record(new OrgUnitChanged(province.id(), 1, null, province))).get();
            producer.send(new ProducerRecord<>(Topics.ORG_UNITS, "broken-" + suffix, "{not json")).get();
            producer.send(record(new OrgUnitChanged(province.id(), 2, province, merged))).get();
        }

        await().atMost(Duration.ofSeconds(30)).ignoreException(ServiceUnavailableException.class).untilAsserted(() ->
                assertThat(replica.find(province.id())).contains(merged));
        assertThat(replica.ready()).isTrue();
        await().atMost(Duration.ofSeconds(30)).ignoreException(ServiceUnavailableException.class).untilAsserted(() ->
                assertThat(replica.find("p-unknown-" + suffix)).isEmpty());

        List<ConsumerRecord<String, String>> dead = KafkaRecords.await(Topics.deadLetter(Topics.ORG_UNITS),
                record -> ("broken-" + suffix).equals(record.key()), 1, Duration.ofSeconds(20));
        assertThat(dead).hasSize(1);
        assertThat(new String(dead.get(0).headers().lastHeader("neuguong-dlt-reason").value(), StandardCharsets.UTF_8))
                .isNotBlank();
    }

    @Test
    void answersUnavailableUntilCaughtUp() {
        OrgUnitReplica cold = new OrgUnitReplica(Map.of(), null, json, new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
        assertThatThrownBy(() -> cold.find("vn"))
                .isInstanceOf(ServiceUnavailableException.class);
    }

    private ProducerRecord<String, String> record(OrgUnitChanged changed) {
        return new ProducerRecord<>(Topics.ORG_UNITS, changed.unitId(), json.writeValueAsString(changed));
    }

    private static OrgUnit unit(String id, String name, OrgUnitLevel level, List<String> path, String parentId) {
        return new OrgUnit(id, "19", name, "Thai Nguyen", level, parentId, path, 1_000, LocalDate.of(2025, 7, 1), null,
                null);
    }

    private static KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.get().kafkaBootstrapServers()), new StringSerializer(), new StringSerializer());
    }
}
