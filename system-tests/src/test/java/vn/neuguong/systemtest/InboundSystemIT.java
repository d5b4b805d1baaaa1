package vn.neuguong.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.neuguong.systemtest.SystemStack.get;
import static vn.neuguong.systemtest.SystemStack.getUntil;
import static vn.neuguong.systemtest.SystemStack.json;
import static vn.neuguong.systemtest.SystemStack.token;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import vn.neuguong.contracts.CloudEvents;
import vn.neuguong.contracts.inbound.CommandOutcome;
import vn.neuguong.contracts.inbound.CommandTypes;
import vn.neuguong.contracts.inbound.InboundTopics;

/**
 * The inbound command channel end to end, as Thái Nguyên's system uses it (docs/inbound.md): a Kafka client on the
 * local stack's SCRAM listener as the demo publisher {@code thai-nguyen} (p-19), the real processes behind it.
 * Commands published twice make one pledge each and the commune, province and national aggregates equal a recount;
 * commands published while pledge-service's process is stopped are answered once it runs again.
 */
@Order(20)
class InboundSystemIT {

    private static final int YEAR = Year.now().getValue();
    private static final String PUBLISHER = "thai-nguyen";
    private static final String PASSWORD = "thai-nguyen-local-dev-only";
    private static final String PROVINCE = "p-19";
    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static String board;
    private static List<String> communes;

    @BeforeAll
    static void startTheStack() throws Exception {
        SystemStack.ensureStarted();
        board = token("board-" + UUID.randomUUID(), "Ban Tuyên giáo Trung ương", "vn", "CENTRAL_BOARD");
        HttpResponse<String> children = getUntil("/api/org-units/" + PROVINCE + "/children?size=5", board,
                response -> response.statusCode() == 200 && json(response).path("items").size() >= 5);
        communes = new ArrayList<>();
        json(children).path("items").forEach(unit -> communes.add(unit.path("id").asString()));
    }

    @Test
    void commandsPublishedTwiceMakeOnePledgeEachAndTheAggregatesEqualARecount() throws Exception {
        List<String> ours = communes.subList(0, 2);
        Map<String, ProducerRecord<String, String>> commands = new LinkedHashMap<>();
        String batch = UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 20; i++) {
            String commune = ours.get(i % 2);
            String id = "tn-" + batch + "-" + i;
            commands.put(id, registration(id, commune, "Chi bộ thôn số " + i + " (" + batch + ")"));
        }

        publish(commands.values());
        publish(commands.values());
        Map<String, List<CommandOutcome>> outcomes = outcomes(commands.keySet(), 2);

        Set<String> pledges = new HashSet<>();
        for (String id : commands.keySet()) {
            List<CommandOutcome> twice = outcomes.get(id);
            assertThat(twice).as("outcomes of %s", id).hasSize(2);
            assertThat(twice.get(1)).isEqualTo(twice.get(0));
            assertThat(twice.get(0).status()).as("%s", twice.get(0)).isEqualTo(CommandOutcome.Status.ACCEPTED);
            pledges.add(twice.get(0).entityId());
        }
        assertThat(pledges).hasSize(20);
        for (String commune : ours) {
            long stored = json(get("/api/pledges?unitId=" + commune + "&year=" + YEAR + "&size=200", board))
                    .path("items").valueStream()
                    .filter(pledge -> pledge.path("pledger").path("name").asString().contains(batch)).count();
            assertThat(stored).as("pledges of the batch in %s", commune).isEqualTo(10);
        }

        Map<String, Map<String, Long>> expected = new LinkedHashMap<>();
        for (String commune : ours) {
            expected.put(commune, PledgeFigures.recount(commune, YEAR, board));
        }
        expected.put(PROVINCE, PledgeFigures.recount(PROVINCE, YEAR, board));
        expected.put("vn", PledgeFigures.recount(null, YEAR, board));
        for (Map.Entry<String, Map<String, Long>> unit : expected.entrySet()) {
            HttpResponse<String> aggregate = getUntil("/api/aggregates/" + unit.getKey() + "?year=" + YEAR, board,
                    response -> response.statusCode() == 200
                            && PledgeFigures.of(json(response)).equals(unit.getValue()));
            assertThat(PledgeFigures.of(json(aggregate))).as("aggregate of %s", unit.getKey())
                    .isEqualTo(unit.getValue());
        }
    }

    @Test
    void commandsPublishedWhilePledgeServiceIsStoppedAreAnsweredWhenItRunsAgain() throws Exception {
        String commune = communes.get(2);
        String batch = UUID.randomUUID().toString().substring(0, 8);
        Map<String, ProducerRecord<String, String>> commands = new LinkedHashMap<>();
        for (int i = 0; i < 10; i++) {
            String id = "tn-" + batch + "-" + i;
            commands.put(id, registration(id, commune, "Chi bộ tổ dân phố số " + i + " (" + batch + ")"));
        }

        SystemStack.LocalShResult stopped = SystemStack.localSh("stop", "pledge-service-1");
        assertThat(stopped.exitCode()).as(stopped.output()).isZero();
        try {
            publish(commands.values());
            assertThat(outcomes(commands.keySet(), 1, Duration.ofSeconds(5)).values())
                    .as("no outcome while pledge-service is stopped").allMatch(List::isEmpty);
        } finally {
            SystemStack.LocalShResult up = SystemStack.localSh("up", "--detach");
            assertThat(up.exitCode()).as(up.output()).isZero();
        }

        Map<String, List<CommandOutcome>> outcomes = outcomes(commands.keySet(), 1);
        for (String id : commands.keySet()) {
            assertThat(outcomes.get(id)).as("outcome of %s", id).hasSize(1);
            CommandOutcome outcome = outcomes.get(id).get(0);
            assertThat(outcome.status()).as("%s", outcome).isEqualTo(CommandOutcome.Status.ACCEPTED);
            JsonNode pledge = json(get("/api/pledges/" + outcome.entityId(), board));
            assertThat(pledge.path("unitId").asString()).isEqualTo(commune);
            assertThat(pledge.path("pledger").path("name").asString()).contains(batch);
        }
    }

    /** A collective registration as Thái Nguyên's system publishes it: a CloudEvent keyed by its subject. */
    private static ProducerRecord<String, String> registration(String id, String commune, String collective) {
        String data = SystemStack.JSON.writeValueAsString(Map.of("year", YEAR, "unitId", commune,
                "pledger", Map.of("kind", "COLLECTIVE", "name", collective),
                "commitments", List.of(Map.of("area", "BREAKTHROUGH",
                        "action", "Hướng dẫn 100% hộ dân đăng ký dịch vụ công trực tuyến toàn trình",
                        "linkedDuty", "Chi bộ lãnh đạo chuyển đổi số ở thôn", "measure", "Số hộ đăng ký",
                        "target", "120 hộ", "dueDate", YEAR + "-09-30"))));
        ProducerRecord<String, String> record = new ProducerRecord<>(
                InboundTopics.commands(PUBLISHER, InboundTopics.PLEDGES), collective, data);
        header(record, CloudEvents.HEADER_SPEC_VERSION, CloudEvents.SPEC_VERSION);
        header(record, CloudEvents.HEADER_ID, id);
        header(record, CloudEvents.HEADER_TYPE, CommandTypes.PLEDGE_REGISTER);
        header(record, CloudEvents.HEADER_SOURCE, "/thai-nguyen/system-test");
        header(record, CloudEvents.HEADER_SUBJECT, collective);
        header(record, CloudEvents.HEADER_CONTENT_TYPE, CloudEvents.DATA_CONTENT_TYPE);
        return record;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, Object> scram() {
        Map<String, Object> config = new HashMap<>();
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + (9094 + SystemStack.OFFSET));
        config.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
        config.put(SaslConfigs.SASL_MECHANISM, "SCRAM-SHA-512");
        config.put(SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.scram.ScramLoginModule required "
                + "username=\"" + PUBLISHER + "\" password=\"" + PASSWORD + "\";");
        return config;
    }

    private static void publish(Iterable<ProducerRecord<String, String>> records) throws Exception {
        Map<String, Object> config = scram();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer())) {
            for (ProducerRecord<String, String> record : records) {
                producer.send(record).get();
            }
        }
    }

    private static Map<String, List<CommandOutcome>> outcomes(Set<String> commandIds, int each) {
        return outcomes(commandIds, each, PATIENCE);
    }

    /** The outcomes of the commands, read from the beginning as the publisher, until each has {@code each}. */
    private static Map<String, List<CommandOutcome>> outcomes(Set<String> commandIds, int each, Duration patience) {
        Map<String, List<CommandOutcome>> found = new HashMap<>();
        commandIds.forEach(id -> found.put(id, new ArrayList<>()));
        Map<String, Object> config = scram();
        config.put(ConsumerConfig.GROUP_ID_CONFIG, PUBLISHER + ".system-test-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(InboundTopics.outcomes(PUBLISHER)));
            Instant deadline = Instant.now().plus(patience);
            while (Instant.now().isBefore(deadline) && found.values().stream().anyMatch(list -> list.size() < each)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(250))) {
                    CommandOutcome outcome = SystemStack.JSON.readValue(record.value(), CommandOutcome.class);
                    List<CommandOutcome> ofCommand = found.get(outcome.commandId());
                    if (ofCommand != null) {
                        ofCommand.add(outcome);
                    }
                }
            }
        }
        return found;
    }
}
