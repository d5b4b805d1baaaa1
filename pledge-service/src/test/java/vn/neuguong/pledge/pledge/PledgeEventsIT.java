package vn.neuguong.pledge.pledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.neuguong.contracts.CloudEvents;
import vn.neuguong.contracts.Role;
import vn.neuguong.contracts.orgunit.OrgUnit;
import vn.neuguong.contracts.orgunit.OrgUnitLevel;
import vn.neuguong.contracts.pledge.PledgeChanged;
import vn.neuguong.platform.orgunit.OrgUnitDirectory;
import vn.neuguong.pledge.support.Api;
import vn.neuguong.pledge.support.OrgUnits;
import vn.neuguong.pledge.support.PledgeEvents;
import vn.neuguong.testsupport.IntegrationTest;
import vn.neuguong.testsupport.TestInfrastructure;

@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PledgeEventsIT {

    @LocalServerPort
    int port;
    @Autowired
    OrgUnitDirectory directory;

    private final OrgUnits units = new OrgUnits();
    private final JsonMapper json = JsonMapper.builder().build();
    private Api api;
    private OrgUnit commune;
    private String officer;

    @BeforeAll
    void orgUnits() {
        api = new Api(port);
        OrgUnit root = OrgUnits.unit(units.id("vn"), OrgUnitLevel.CENTRAL, null, null, null);
        OrgUnit province = OrgUnits.unit(units.id("p"), OrgUnitLevel.PROVINCE, root, LocalDate.of(2025, 7, 1), null);
        commune = OrgUnits.unit(units.id("w"), OrgUnitLevel.GRASSROOTS, province, LocalDate.of(2025, 7, 1), null);
        units.publish(directory, List.of(root, province, commune));
        officer = TestInfrastructure.get().token("officer-" + commune.id(), "Bí thư Đảng ủy", commune.id(),
                Role.UNIT_OFFICER);
    }

    private Map<String, Object> collective(String name) {
        return Map.of("year", 2026, "unitId", commune.id(),
                "pledger", Map.of("kind", "COLLECTIVE", "name", name),
                "commitments", List.of(Map.of("area", "BREAKTHROUGH",
                        "action", "Hoàn thành số hóa 100% hồ sơ hộ tịch của xã từ năm 2010 đến nay",
                        "linkedDuty", "Đảng ủy xã lãnh đạo chuyển đổi số", "measure", "Số hồ sơ đã số hóa",
                        "target", "12.000 hồ sơ", "dueDate", "2026-11-30")));
    }

    @Test
    void everyStateChangeIsPublishedWithItsVersionAndBothStates() {
        String id = api.post("/api/pledges", officer, collective("Đảng ủy xã " + commune.id())).body().get("id")
                .asString();
        api.post("/api/pledges/" + id + "/self-assessment", officer,
                Map.of("outcomes", List.of(Map.of("commitmentIndex", 0, "done", true))));
        api.post("/api/pledges/" + id + "/evaluation", TestInfrastructure.get().token("p-officer", "Tỉnh ủy",
                units.id("p"), Role.PROVINCE_OFFICER), Map.of("grade", "GOOD"));

        List<ConsumerRecord<String, String>> events = PledgeEvents.of(id, 3, Duration.ofSeconds(60));

        assertThat(events).hasSize(3);
        assertThat(events).extracting(e -> PledgeEvents.header(e, CloudEvents.HEADER_TYPE))
                .containsExactly(PledgeChanged.REGISTERED, PledgeChanged.SELF_ASSESSED, PledgeChanged.EVALUATED);
        for (ConsumerRecord<String, String> event : events) {
            assertThat(event.key()).isEqualTo(id);
            assertThat(PledgeEvents.header(event, CloudEvents.HEADER_SPEC_VERSION)).isEqualTo("1.0");
            assertThat(PledgeEvents.header(event, CloudEvents.HEADER_SUBJECT)).isEqualTo(id);
            assertThat(PledgeEvents.header(event, CloudEvents.HEADER_SOURCE)).isEqualTo("/pledge-service");
            assertThat(PledgeEvents.header(event, CloudEvents.HEADER_ID)).isNotBlank();
        }
        PledgeChanged registered = json.readValue(events.get(0).value(), PledgeChanged.class);
        PledgeChanged assessed = json.readValue(events.get(1).value(), PledgeChanged.class);
        PledgeChanged evaluated = json.readValue(events.get(2).value(), PledgeChanged.class);
        assertThat(List.of(registered.version(), assessed.version(), evaluated.version())).containsExactly(1L, 2L, 3L);
        assertThat(registered.from()).isNull();
        assertThat(registered.to().status().name()).isEqualTo("REGISTERED");
        assertThat(registered.unitId()).isEqualTo(commune.id());
        assertThat(registered.unitPath()).containsExactlyElementsOf(commune.path());
        assertThat(registered.year()).isEqualTo(2026);
        assertThat(assessed.from()).isEqualTo(registered.to());
        assertThat(evaluated.from().status().name()).isEqualTo("SELF_ASSESSED");
        assertThat(evaluated.to().status().name()).isEqualTo("EVALUATED");
        assertThat(evaluated.to().grade().name()).isEqualTo("GOOD");
    }

    @Test
    void aPledgeAcceptedWhileTheBrokerIsDownReachesTheTopicWhenItReturns() {
        TestInfrastructure.get().stopKafka();
        JsonNode accepted;
        try {
            Api.Response response = api.post("/api/pledges", officer, collective("Chi bộ Quân sự " + commune.id()));
            assertThat(response.status()).isEqualTo(201);
            accepted = response.body();
        } finally {
            TestInfrastructure.get().startKafka();
        }
        String id = accepted.get("id").asString();

        List<ConsumerRecord<String, String>> events = PledgeEvents.of(id, 1, Duration.ofSeconds(120));

        assertThat(events).hasSize(1);
        assertThat(PledgeEvents.header(events.get(0), CloudEvents.HEADER_TYPE)).isEqualTo(PledgeChanged.REGISTERED);
    }
}
