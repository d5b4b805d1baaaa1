package vn.neuguong.pledge.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.neuguong.contracts.CloudEvents;
import vn.neuguong.contracts.Role;
import vn.neuguong.contracts.inbound.CommandOutcome;
import vn.neuguong.contracts.inbound.CommandTypes;
import vn.neuguong.contracts.inbound.InboundTopics;
import vn.neuguong.contracts.orgunit.OrgUnit;
import vn.neuguong.contracts.orgunit.OrgUnitLevel;
import vn.neuguong.platform.orgunit.OrgUnitDirectory;
import vn.neuguong.pledge.pledge.RegistrationDeadlines;
import vn.neuguong.pledge.support.Api;
import vn.neuguong.pledge.support.OrgUnits;
import vn.neuguong.testsupport.IntegrationTest;
import vn.neuguong.testsupport.KafkaRecords;
import vn.neuguong.testsupport.TestInfrastructure;

/** A province's own system publishing pledge commands on Kafka, against the real broker and database. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PledgeCommandsIT {

    private static final OrgUnits UNITS = new OrgUnits();
    /** Unique per run: the test JVM's broker keeps its topics across test classes. */
    private static final String PUBLISHER = "t" + UUID.randomUUID().toString().substring(0, 8);
    private static final Duration WAIT = Duration.ofSeconds(90);

    @DynamicPropertySource
    static void publisher(DynamicPropertyRegistry registry) {
        registry.add("neuguong.inbound.publishers." + PUBLISHER + ".unit-id", () -> UNITS.id("p"));
    }

    @LocalServerPort
    int port;
    @Autowired
    OrgUnitDirectory directory;
    @Autowired
    BindingsLifecycleController bindings;

    private final JsonMapper json = JsonMapper.builder().build();
    private Api api;
    private OrgUnit commune;
    private OrgUnit otherCommune;
    private String provinceOfficer;

    @BeforeAll
    void orgUnits() {
        api = new Api(port);
        OrgUnit root = OrgUnits.unit(UNITS.id("vn"), OrgUnitLevel.CENTRAL, null, null, null);
        OrgUnit province = OrgUnits.unit(UNITS.id("p"), OrgUnitLevel.PROVINCE, root, LocalDate.of(2025, 7, 1), null);
        commune = OrgUnits.unit(UNITS.id("w"), OrgUnitLevel.GRASSROOTS, province, LocalDate.of(2025, 7, 1), null);
        OrgUnit otherProvince = OrgUnits.unit(UNITS.id("p2"), OrgUnitLevel.PROVINCE, root, null, null);
        otherCommune = OrgUnits.unit(UNITS.id("w2"), OrgUnitLevel.GRASSROOTS, otherProvince, null, null);
        UNITS.publish(directory, List.of(root, province, commune, otherProvince, otherCommune));
        provinceOfficer = TestInfrastructure.get().token("officer-" + province.id(), "Cán bộ Tỉnh ủy", province.id(),
                Role.PROVINCE_OFFICER);
    }

    private Map<String, Object> collective(String unitId, String name) {
        return Map.of("year", 2026, "unitId", unitId,
                "pledger", Map.of("kind", "COLLECTIVE", "name", name),
                "commitments", List.of(Map.of("area", "BREAKTHROUGH",
                        "action", "Hoàn thành số hóa 100% hồ sơ hộ tịch của xã từ năm 2010 đến nay",
                        "linkedDuty", "Đảng ủy xã lãnh đạo chuyển đổi số", "measure", "Số hồ sơ đã số hóa",
                        "target", "12.000 hồ sơ", "dueDate", "2026-11-30")));
    }

    private String send(String type, String subject, Object data, String... extraHeaders) {
        String id = UUID.randomUUID().toString();
        sendWithId(id, type, subject, data, extraHeaders);
        return id;
    }

    private void sendWithId(String id, String type, String subject, Object data, String... extraHeaders) {
        Map<String, String> headers = new HashMap<>(Map.of(CloudEvents.HEADER_SPEC_VERSION, "1.0",
                CloudEvents.HEADER_ID, id, CloudEvents.HEADER_TYPE, type,
                CloudEvents.HEADER_SOURCE, "/test/" + PUBLISHER, CloudEvents.HEADER_SUBJECT, subject,
                CloudEvents.HEADER_CONTENT_TYPE, "application/json"));
        for (int i = 0; i < extraHeaders.length; i += 2) {
            headers.put(extraHeaders[i], extraHeaders[i + 1]);
        }
        KafkaRecords.send(InboundTopics.commands(PUBLISHER, InboundTopics.PLEDGES), subject,
                data instanceof String text ? text : json.writeValueAsString(data), headers);
    }

    /** The outcomes of the command, in the order they were published. */
    private List<ConsumerRecord<String, String>> outcomesOf(String commandId, int count) {
        return KafkaRecords.await(InboundTopics.outcomes(PUBLISHER),
                record -> commandId.equals(read(record).commandId()), count, WAIT);
    }

    private CommandOutcome outcomeOf(String commandId) {
        List<ConsumerRecord<String, String>> found = outcomesOf(commandId, 1);
        assertThat(found).as("outcome of command %s", commandId).hasSize(1);
        return read(found.get(0));
    }

    private CommandOutcome read(ConsumerRecord<String, String> record) {
        return json.readValue(record.value(), CommandOutcome.class);
    }

    private long pledgesOf(String unitId) {
        return api.get("/api/pledges?unitId=" + unitId + "&size=1", provinceOfficer).body().get("total").asLong();
    }

    /** Records signed in the province's own system before they reach us: onTime is judged on the signing day. */
    @Test
    void aRegistrationMayDeclareTheDayThePledgeWasSignedButNotADayToCome() {
        String signedInFebruary = "Đảng ủy xã " + UUID.randomUUID();
        Map<String, Object> data = new HashMap<>(collective(commune.id(), signedInFebruary));
        data.put("signedOn", "2026-02-10");
        String accepted = send(CommandTypes.PLEDGE_REGISTER, signedInFebruary, data);
        String signedTomorrow = "Đảng ủy xã " + UUID.randomUUID();
        Map<String, Object> tomorrow = new HashMap<>(collective(commune.id(), signedTomorrow));
        tomorrow.put("signedOn", LocalDate.now(RegistrationDeadlines.VIETNAM).plusDays(1).toString());
        String rejected = send(CommandTypes.PLEDGE_REGISTER, signedTomorrow, tomorrow);

        CommandOutcome registered = outcomeOf(accepted);
        assertThat(registered.status()).isEqualTo(CommandOutcome.Status.ACCEPTED);
        JsonNode pledge = api.get("/api/pledges/" + registered.entityId(), provinceOfficer).body();
        assertThat(pledge.get("signedOn").asString()).isEqualTo("2026-02-10");
        assertThat(pledge.get("onTime").asBoolean()).isTrue();
        CommandOutcome refused = outcomeOf(rejected);
        assertThat(refused.status()).isEqualTo(CommandOutcome.Status.REJECTED);
        assertThat(fields(refused)).containsExactly("signedOn");
    }

    @Test
    void aRegistrationIsAcceptedWithThePledgeIdAndVersionAndTheSameCommandTwiceChangesNothing() {
        String subject = "Đảng ủy xã " + UUID.randomUUID();
        String command = send(CommandTypes.PLEDGE_REGISTER, subject, collective(commune.id(), subject));

        CommandOutcome accepted = outcomeOf(command);

        assertThat(accepted.status()).isEqualTo(CommandOutcome.Status.ACCEPTED);
        assertThat(accepted.version()).isEqualTo(1L);
        assertThat(accepted.subject()).isEqualTo(subject);
        JsonNode pledge = api.get("/api/pledges/" + accepted.entityId(), provinceOfficer).body();
        assertThat(pledge.get("status").asString()).isEqualTo("REGISTERED");
        assertThat(pledge.get("unitId").asString()).isEqualTo(commune.id());
        assertThat(pledge.get("specificity").get("score").asDouble()).isPositive();

        sendWithId(command, CommandTypes.PLEDGE_REGISTER, subject, collective(commune.id(), subject));
        List<ConsumerRecord<String, String>> twice = outcomesOf(command, 2);

        assertThat(twice).hasSize(2);
        assertThat(twice.get(1).value()).isEqualTo(twice.get(0).value());
        assertThat(KafkaRecords.header(twice.get(1), CloudEvents.HEADER_ID))
                .isEqualTo(KafkaRecords.header(twice.get(0), CloudEvents.HEADER_ID));
        assertThat(KafkaRecords.header(twice.get(0), CloudEvents.HEADER_TYPE)).isEqualTo(CommandOutcome.ACCEPTED_TYPE);
        assertThat(twice.get(0).key()).isEqualTo(subject);
        assertThat(api.get("/api/pledges?unitId=" + commune.id() + "&size=200", provinceOfficer).body().get("items")
                .valueStream().filter(p -> p.get("pledger").get("name").asString().equals(subject)).count())
                .isEqualTo(1);
    }

    @Test
    void aPledgeGoesThroughItsLifecycleByCommandsAndAnIllegalTransitionIsRejected() {
        String subject = "Chi bộ " + UUID.randomUUID();
        CommandOutcome registered = outcomeOf(send(CommandTypes.PLEDGE_REGISTER, subject,
                collective(commune.id(), subject)));
        String id = registered.entityId();

        CommandOutcome assessed = outcomeOf(send(CommandTypes.PLEDGE_SELF_ASSESS, id,
                Map.of("outcomes", List.of(Map.of("commitmentIndex", 0, "done", true)), "summary", "Hoàn thành")));
        CommandOutcome evaluated = outcomeOf(send(CommandTypes.PLEDGE_EVALUATE, id, Map.of("grade", "GOOD"),
                CommandTypes.IF_MATCH_HEADER, "2"));
        CommandOutcome revisedTooLate = outcomeOf(send(CommandTypes.PLEDGE_REVISE, id,
                collective(commune.id(), subject), CommandTypes.IF_MATCH_HEADER, "3"));

        assertThat(assessed.status()).isEqualTo(CommandOutcome.Status.ACCEPTED);
        assertThat(assessed.version()).isEqualTo(2L);
        assertThat(evaluated.status()).isEqualTo(CommandOutcome.Status.ACCEPTED);
        assertThat(evaluated.version()).isEqualTo(3L);
        assertThat(revisedTooLate.status()).isEqualTo(CommandOutcome.Status.REJECTED);
        assertThat(revisedTooLate.problem()).containsEntry("status", 409);
        JsonNode pledge = api.get("/api/pledges/" + id, provinceOfficer).body();
        assertThat(pledge.get("status").asString()).isEqualTo("EVALUATED");
        assertThat(pledge.get("version").asLong()).isEqualTo(3L);
    }

    @Test
    void badCommandsAreRejectedNamingTheFieldAndChangeNothing() {
        long before = pledgesOf(commune.id());
        Map<String, Object> wrongArea = new HashMap<>(collective(commune.id(), "Chi bộ sai"));
        wrongArea.put("commitments", List.of(Map.of("area", "EVERYTHING", "action", "Làm tốt mọi việc")));

        CommandOutcome schema = outcomeOf(send(CommandTypes.PLEDGE_REGISTER, "sai", wrongArea));
        CommandOutcome notJson = outcomeOf(send(CommandTypes.PLEDGE_REGISTER, "sai", "{not json"));
        CommandOutcome unknownUnit = outcomeOf(send(CommandTypes.PLEDGE_REGISTER, "x",
                collective(UNITS.id("nowhere"), "Chi bộ không có")));
        CommandOutcome otherProvince = outcomeOf(send(CommandTypes.PLEDGE_REGISTER, "y",
                collective(otherCommune.id(), "Chi bộ tỉnh khác")));
        CommandOutcome unknownType = outcomeOf(send("vn.neuguong.pledge.delete.v1", "z", Map.of()));
        CommandOutcome reviseWithoutVersion = outcomeOf(send(CommandTypes.PLEDGE_REVISE, "any-id",
                collective(commune.id(), "Chi bộ")));

        assertThat(List.of(schema, notJson, unknownUnit, otherProvince, unknownType, reviseWithoutVersion))
                .allMatch(outcome -> outcome.status() == CommandOutcome.Status.REJECTED)
                .allMatch(outcome -> outcome.entityId() == null);
        assertThat(fields(schema)).containsExactly("commitments[0].area");
        assertThat(fields(notJson)).containsExactly("data");
        assertThat(fields(unknownUnit)).containsExactly("unitId");
        assertThat(otherProvince.problem()).containsEntry("status", 403);
        assertThat(fields(unknownType)).containsExactly("type");
        assertThat(fields(reviseWithoutVersion)).containsExactly("ifmatch");
        assertThat(pledgesOf(commune.id())).isEqualTo(before);
        assertThat(pledgesOf(otherCommune.id())).isZero();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> fields(CommandOutcome outcome) {
        assertThat(outcome.problem()).containsEntry("status", 400);
        return ((List<Map<String, Object>>) outcome.problem().get("errors")).stream().map(e -> e.get("field"))
                .toList();
    }

    @Test
    void anUnreadableRecordIsDeadLetteredWithTheReasonAndThePartitionKeepsFlowing() {
        String key = "same-key-" + UUID.randomUUID();
        String unreadable = UUID.randomUUID().toString();
        KafkaRecords.send(InboundTopics.commands(PUBLISHER, InboundTopics.PLEDGES), key, "{}",
                Map.of(CloudEvents.HEADER_ID, unreadable, CloudEvents.HEADER_TYPE, CommandTypes.PLEDGE_REGISTER));
        String next = send(CommandTypes.PLEDGE_REGISTER, key, collective(commune.id(), key));

        List<ConsumerRecord<String, String>> dead = KafkaRecords.await(InboundTopics.DEAD_LETTER,
                record -> unreadable.equals(KafkaRecords.header(record, CloudEvents.HEADER_ID)), 1, WAIT);

        assertThat(dead).hasSize(1);
        assertThat(KafkaRecords.header(dead.get(0), KafkaHeaders.DLT_EXCEPTION_MESSAGE)).contains("CloudEvents 1.0");
        assertThat(KafkaRecords.header(dead.get(0), KafkaHeaders.DLT_ORIGINAL_TOPIC))
                .isEqualTo(InboundTopics.commands(PUBLISHER, InboundTopics.PLEDGES));
        assertThat(outcomeOf(next).status()).isEqualTo(CommandOutcome.Status.ACCEPTED);
    }

    @Test
    void commandsPublishedTwiceMakeOnePledgeEachAndCommandsWaitingWhileTheConsumerIsDownAreProcessedAfter() {
        bindings.stop("pledgeCommands-in-0");
        List<String> ids = new ArrayList<>();
        String batch = UUID.randomUUID().toString().substring(0, 8);
        try {
            for (int i = 0; i < 20; i++) {
                String name = "Chi bộ " + batch + " số " + i;
                String id = send(CommandTypes.PLEDGE_REGISTER, name, collective(commune.id(), name));
                ids.add(id);
                sendWithId(id, CommandTypes.PLEDGE_REGISTER, name, collective(commune.id(), name));
            }
        } finally {
            bindings.start("pledgeCommands-in-0");
        }

        List<String> pledgeIds = new ArrayList<>();
        for (String id : ids) {
            List<ConsumerRecord<String, String>> outcomes = outcomesOf(id, 2);
            assertThat(outcomes).hasSize(2);
            assertThat(outcomes.get(1).value()).isEqualTo(outcomes.get(0).value());
            CommandOutcome outcome = read(outcomes.get(0));
            assertThat(outcome.status()).isEqualTo(CommandOutcome.Status.ACCEPTED);
            pledgeIds.add(outcome.entityId());
        }
        assertThat(pledgeIds).doesNotHaveDuplicates().hasSize(20);
        long stored = api.get("/api/pledges?unitId=" + commune.id() + "&size=200", provinceOfficer).body()
                .get("items").valueStream()
                .filter(p -> p.get("pledger").get("name").asString().contains(batch)).count();
        assertThat(stored).isEqualTo(20);
    }
}
