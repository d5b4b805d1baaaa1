package vn.neuguong.bench.scenario;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
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

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.neuguong.bench.client.ApiClient;
import vn.neuguong.bench.client.ApiClient.Identity;
import vn.neuguong.bench.cost.ProcessCpu;
import vn.neuguong.contracts.CloudEvents;
import vn.neuguong.contracts.inbound.CommandTypes;
import vn.neuguong.contracts.inbound.InboundTopics;

/**
 * {@code rows} pledge registrations published on Kafka by a province's system (the local stack's demo publisher
 * thai-nguyen, over SCRAM), every command twice: commands per second until every outcome is back, the time until
 * the national aggregate reflects every accepted pledge, whether it rose by exactly that much (the duplicates
 * changed nothing), and the CPU time per command.
 */
public final class InboundCommands {

    private static final String PUBLISHER = "thai-nguyen";
    private static final String PASSWORD = "thai-nguyen-local-dev-only";
    private static final String PROVINCE = "p-19";

    private final ApiClient api;
    private final ProcessCpu cpu;
    private final String saslServers;
    private final int rows;
    private final int year = Year.now().getValue();
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final JsonMapper json = JsonMapper.builder().build();

    public InboundCommands(ApiClient api, ProcessCpu cpu, String saslServers, int rows) {
        this.api = api;
        this.cpu = cpu;
        this.saslServers = saslServers;
        this.rows = rows;
    }

    public Map<String, Object> run() throws Exception {
        Identity board = new Identity("bench-central-board", "Ban Tuyên giáo Trung ương", "vn", List.of("CENTRAL_BOARD"));
        NationalFigures figures = new NationalFigures(api, board, year);
        List<String> communes = new ArrayList<>();
        api.get(board, "/api/org-units/" + PROVINCE + "/children?size=50").body().path("items")
                .forEach(unit -> communes.add(unit.path("id").asString()));
        long nationalBefore = figures.registered();

        ProcessCpu.Sample window = cpu.sample();
        long started = System.nanoTime();
        Set<String> pending = publishTwice(communes);
        double publishSeconds = (System.nanoTime() - started) / 1e9;
        long[] outcomes = awaitOutcomes(pending);
        double outcomeSeconds = (System.nanoTime() - started) / 1e9;

        long accepted = outcomes[0];
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        long national = figures.registered();
        while (national < nationalBefore + accepted && System.nanoTime() < deadline) {
            Thread.sleep(100);
            national = figures.registered();
        }
        double reflectedSeconds = (System.nanoTime() - started) / 1e9;
        Map<String, Object> cost = cpu.costSince(window, "command", rows);

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("scenario", "inbound");
        result.put("commands", rows);
        result.put("recordsPublished", 2L * rows);
        result.put("accepted", accepted);
        result.put("rejected", outcomes[1]);
        result.put("withoutOutcome", outcomes[2]);
        result.put("publishSeconds", round(publishSeconds));
        result.put("commandsPerSecond", Math.round(rows / outcomeSeconds));
        result.put("secondsUntilAllOutcomes", round(outcomeSeconds));
        result.put("secondsUntilNationalReflectsAll", round(reflectedSeconds));
        result.put("nationalIncrease", national - nationalBefore);
        result.put("nationalExact", national - nationalBefore == accepted);
        result.put("cost", cost);
        return result;
    }

    /** Every registration twice under the same command id, as a publisher retrying after a timeout would. */
    private Set<String> publishTwice(List<String> communes) throws Exception {
        Set<String> ids = new HashSet<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(scram(Map.of(
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 5)),
                new StringSerializer(), new StringSerializer())) {
            for (int copy = 0; copy < 2; copy++) {
                for (int i = 0; i < rows; i++) {
                    String member = "bench-inbound-" + run + "-" + i;
                    String id = member + "-register";
                    int households = 20 + i % 80;
                    Map<String, Object> data = Map.of("year", year, "unitId", communes.get(i % communes.size()),
                            "pledger", Map.of("kind", "INDIVIDUAL", "memberId", member, "fullName", "Đảng viên " + i),
                            "commitments", List.of(Map.of("area", "DUTY",
                                    "action", "Hướng dẫn " + households + " hộ dân dùng dịch vụ công trực tuyến toàn trình",
                                    "linkedDuty", "Phụ trách cải cách hành chính", "measure", "Số hộ sử dụng",
                                    "target", households + " hộ", "dueDate", year + "-09-30")));
                    ProducerRecord<String, String> record = new ProducerRecord<>(
                            InboundTopics.commands(PUBLISHER, InboundTopics.PLEDGES), member,
                            json.writeValueAsString(data));
                    header(record, CloudEvents.HEADER_SPEC_VERSION, CloudEvents.SPEC_VERSION);
                    header(record, CloudEvents.HEADER_ID, id);
                    header(record, CloudEvents.HEADER_TYPE, CommandTypes.PLEDGE_REGISTER);
                    header(record, CloudEvents.HEADER_SOURCE, "/thai-nguyen/bench");
                    header(record, CloudEvents.HEADER_SUBJECT, member);
                    header(record, CloudEvents.HEADER_CONTENT_TYPE, CloudEvents.DATA_CONTENT_TYPE);
                    producer.send(record);
                    ids.add(id);
                }
            }
            producer.flush();
        }
        return ids;
    }

    /** Accepted, rejected and still missing outcomes among the commands (each answered twice; the first counts). */
    private long[] awaitOutcomes(Set<String> pending) {
        long accepted = 0;
        long rejected = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(scram(Map.of(
                ConsumerConfig.GROUP_ID_CONFIG, PUBLISHER + ".bench-" + run,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest")), new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(InboundTopics.outcomes(PUBLISHER)));
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            while (!pending.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    JsonNode outcome = json.readTree(record.value());
                    if (pending.remove(outcome.path("commandId").asString())) {
                        if ("ACCEPTED".equals(outcome.path("status").asString())) {
                            accepted++;
                        } else {
                            rejected++;
                        }
                    }
                }
            }
        }
        return new long[] {accepted, rejected, pending.size()};
    }

    private Map<String, Object> scram(Map<String, Object> more) {
        Map<String, Object> config = new HashMap<>(more);
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, saslServers);
        config.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
        config.put(SaslConfigs.SASL_MECHANISM, "SCRAM-SHA-512");
        config.put(SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.scram.ScramLoginModule required "
                + "username=\"" + PUBLISHER + "\" password=\"" + PASSWORD + "\";");
        return config;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
