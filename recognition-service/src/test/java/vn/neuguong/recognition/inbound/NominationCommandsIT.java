package vn.neuguong.recognition.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.neuguong.contracts.Role;
import vn.neuguong.contracts.inbound.CommandOutcome;
import vn.neuguong.contracts.inbound.CommandTypes;
import vn.neuguong.contracts.inbound.InboundTopics;
import vn.neuguong.platform.orgunit.OrgUnitDirectory;
import vn.neuguong.recognition.Api;
import vn.neuguong.recognition.OrgUnitTree;
import vn.neuguong.testsupport.InboundPublisher;
import vn.neuguong.testsupport.IntegrationTest;
import vn.neuguong.testsupport.TestInfrastructure;

/** Nominations published on the inbound channel by a province's system, against the real broker and database. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NominationCommandsIT {

    private static final OrgUnitTree UNITS = new OrgUnitTree();
    private static final InboundPublisher PROVINCE = new InboundPublisher(InboundPublisher.newName("n"),
            InboundTopics.NOMINATIONS);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void publisher(DynamicPropertyRegistry registry) {
        registry.add("neuguong.inbound.publishers." + PROVINCE.name() + ".unit-id", () -> UNITS.p);
    }

    @LocalServerPort
    int port;
    @Autowired
    OrgUnitDirectory directory;

    private Api api;
    private String board;

    @BeforeAll
    void orgUnits() {
        UNITS.publishTo(directory);
        api = new Api(port);
        board = TestInfrastructure.get().token("board", "Ban Tuyên giáo", "vn", Role.CENTRAL_BOARD);
    }

    private static Map<String, Object> nomination(String name, String unitId, String nominatingUnitId) {
        Map<String, Object> nominee = new LinkedHashMap<>(Map.of("kind", "MODEL", "name", name, "unitId", unitId));
        return new LinkedHashMap<>(Map.of("year", 2025, "nominee", nominee, "nominatingUnitId", nominatingUnitId,
                "field", "DIGITAL_TRANSFORMATION",
                "achievements", "Đưa 100% hồ sơ của chi bộ lên môi trường số; hướng dẫn 42 hộ dùng dịch vụ công."));
    }

    @Test
    void aNominationIsSubmittedForAUnitOfTheSubtreeOnceAndTheSameCommandTwiceChangesNothing() {
        String name = "Mô hình Dân vận khéo " + UUID.randomUUID().toString().substring(0, 6);
        String command = PROVINCE.send(CommandTypes.NOMINATION_SUBMIT, name, nomination(name, UNITS.w1, UNITS.w1));

        CommandOutcome accepted = outcome(command);

        assertThat(accepted.status()).isEqualTo(CommandOutcome.Status.ACCEPTED);
        assertThat(accepted.version()).isEqualTo(1L);
        JsonNode nomination = api.get("/api/nominations/" + accepted.entityId(), board).body();
        assertThat(nomination.path("status").asString()).isEqualTo("SUBMITTED");
        assertThat(nomination.path("reviewUnitId").asString()).isEqualTo(UNITS.p);
        assertThat(nomination.path("submittedBy").asString()).isEqualTo("publisher:" + PROVINCE.name());

        PROVINCE.sendWithId(command, CommandTypes.NOMINATION_SUBMIT, name, nomination(name, UNITS.w1, UNITS.w1));
        List<ConsumerRecord<String, String>> twice = PROVINCE.outcomesOf(command, 2);
        CommandOutcome nominatedAgain = outcome(PROVINCE.send(CommandTypes.NOMINATION_SUBMIT, name,
                nomination(name, UNITS.w1, UNITS.w1)));

        assertThat(twice).hasSize(2);
        assertThat(twice.get(1).value()).isEqualTo(twice.get(0).value());
        assertThat(nominatedAgain.status()).isEqualTo(CommandOutcome.Status.REJECTED);
        assertThat(nominatedAgain.problem()).containsEntry("status", 409).containsEntry("existingId",
                accepted.entityId());
        assertThat(nominationsOf(UNITS.w1, name)).isEqualTo(1);
    }

    @Test
    void badNominationsAreRejectedNamingTheFieldAndChangeNothing() {
        String name = "Mô hình " + UUID.randomUUID().toString().substring(0, 6);
        Map<String, Object> blankName = nomination(" ", UNITS.w1, UNITS.w1);
        Map<String, Object> unknownField = nomination(name, UNITS.w1, UNITS.w1);
        unknownField.put("field", "EVERYTHING");

        CommandOutcome invalid = outcome(PROVINCE.send(CommandTypes.NOMINATION_SUBMIT, "x", blankName));
        CommandOutcome notAField = outcome(PROVINCE.send(CommandTypes.NOMINATION_SUBMIT, "x", unknownField));
        CommandOutcome unknownUnit = outcome(PROVINCE.send(CommandTypes.NOMINATION_SUBMIT, "x",
                nomination(name, "w-nowhere-" + name.length(), UNITS.w1)));
        CommandOutcome otherProvince = outcome(PROVINCE.send(CommandTypes.NOMINATION_SUBMIT, name,
                nomination(name, UNITS.w9, UNITS.w9)));

        assertThat(List.of(invalid, notAField, unknownUnit, otherProvince))
                .allMatch(outcome -> outcome.status() == CommandOutcome.Status.REJECTED)
                .allMatch(outcome -> outcome.entityId() == null);
        assertThat(fields(invalid)).containsExactly("nominee.name");
        assertThat(fields(notAField)).containsExactly("field");
        assertThat(fields(unknownUnit)).containsExactly("nominee.unitId");
        assertThat(otherProvince.problem()).containsEntry("status", 403);
        assertThat(nominationsOf(UNITS.w9, name)).isZero();
    }

    private long nominationsOf(String unitId, String name) {
        return api.get("/api/nominations?unitId=" + unitId + "&size=100", board).body().path("items").valueStream()
                .filter(nomination -> nomination.path("nominee").path("name").asString().equals(name)).count();
    }

    private static CommandOutcome outcome(String commandId) {
        return JSON.readValue(PROVINCE.outcomeOf(commandId), CommandOutcome.class);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> fields(CommandOutcome outcome) {
        assertThat(outcome.problem()).containsEntry("status", 400);
        return ((List<Map<String, Object>>) outcome.problem().get("errors")).stream().map(e -> e.get("field"))
                .toList();
    }
}
