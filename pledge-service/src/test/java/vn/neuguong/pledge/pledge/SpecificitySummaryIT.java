package vn.neuguong.pledge.pledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;
import vn.neuguong.contracts.Role;
import vn.neuguong.contracts.orgunit.OrgUnit;
import vn.neuguong.contracts.orgunit.OrgUnitLevel;
import vn.neuguong.platform.orgunit.OrgUnitDirectory;
import vn.neuguong.pledge.support.Api;
import vn.neuguong.pledge.support.OrgUnits;
import vn.neuguong.pledge.support.RegistrationSeason;
import vn.neuguong.testsupport.IntegrationTest;
import vn.neuguong.testsupport.TestInfrastructure;

@IntegrationTest
@TestPropertySource(properties = "neuguong.pledges.registration-deadlines.2026=2026-03-15")
@Import(RegistrationSeason.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpecificitySummaryIT {

    @LocalServerPort
    int port;
    @Autowired
    OrgUnitDirectory directory;

    private final OrgUnits units = new OrgUnits();
    private Api api;
    private OrgUnit province;
    private OrgUnit commune;
    private OrgUnit cellA;
    private OrgUnit cellB;
    private OrgUnit otherCommune;
    private String memberOfA;
    private final Map<String, String> pledgeIds = new LinkedHashMap<>();

    /**
     * Commune w: cell A holds one concrete and one generic pledge, cell B one concrete and three generic, one of
     * which is then withdrawn and no longer counts.
     */
    @BeforeAll
    void pledges() {
        api = new Api(port);
        OrgUnit root = OrgUnits.unit(units.id("vn"), OrgUnitLevel.CENTRAL, null, null, null);
        province = OrgUnits.unit(units.id("p"), OrgUnitLevel.PROVINCE, root, LocalDate.of(2025, 7, 1), null);
        commune = OrgUnits.unit(units.id("w"), OrgUnitLevel.GRASSROOTS, province, LocalDate.of(2025, 7, 1), null);
        cellA = OrgUnits.unit(units.id("ca"), OrgUnitLevel.CELL, commune, LocalDate.of(2025, 7, 1), null);
        cellB = OrgUnits.unit(units.id("cb"), OrgUnitLevel.CELL, commune, LocalDate.of(2025, 7, 1), null);
        otherCommune = OrgUnits.unit(units.id("w2"), OrgUnitLevel.GRASSROOTS, province, LocalDate.of(2025, 7, 1),
                null);
        units.publish(directory, List.of(root, province, commune, cellA, cellB, otherCommune));

        memberOfA = register(cellA, concrete("thôn Na Hoa"));
        register(cellA, generic("Thực hiện tốt việc học tập và làm theo Bác"));
        register(cellB, concrete("thôn Bản Lầm"));
        register(cellB, generic("Nâng cao chất lượng sinh hoạt chi bộ"));
        register(cellB, generic("Giữ gìn phẩm chất đạo đức, lối sống trong sạch, lành mạnh"));
        String withdrawn = pledgeOf(register(cellB, generic("Hoàn thành xuất sắc nhiệm vụ được giao")));
        assertThat(api.post("/api/pledges/" + withdrawn + "/withdrawal", officer(commune),
                Map.of("reason", "Đăng ký nhầm")).status()).isEqualTo(200);
    }

    @Test
    void anOfficerSeesTheShareOfGenericPledgesPerUnitAndTheMostFrequentFindings() {
        Api.Response response = api.get(summary(commune.id()), officer(commune));

        assertThat(response.status()).isEqualTo(200);
        JsonNode summary = response.body();
        assertThat(summary.get("unitId").asString()).isEqualTo(commune.id());
        assertThat(summary.get("year").asInt()).isEqualTo(2026);
        assertThat(summary.get("pledges").asLong()).isEqualTo(5);
        assertThat(summary.get("generic").asLong()).isEqualTo(3);
        assertThat(summary.get("genericShare").asDouble()).isEqualTo(0.6);

        JsonNode perUnit = summary.get("units");
        assertThat(perUnit).hasSize(2);
        assertThat(perUnit.get(0).get("unitId").asString()).as("most generic first").isEqualTo(cellB.id());
        assertThat(perUnit.get(0).get("pledges").asLong()).isEqualTo(3);
        assertThat(perUnit.get(0).get("generic").asLong()).isEqualTo(2);
        assertThat(perUnit.get(0).get("genericShare").asDouble()).isEqualTo(0.667);
        assertThat(perUnit.get(1).get("unitId").asString()).isEqualTo(cellA.id());
        assertThat(perUnit.get(1).get("genericShare").asDouble()).isEqualTo(0.5);

        JsonNode findings = summary.get("findings");
        assertThat(findings.get(0).get("pledges").asLong()).isEqualTo(3);
        JsonNode wording = finding(findings, "GENERIC_WORDING");
        assertThat(wording.get("pledges").asLong()).isEqualTo(3);
        assertThat(wording.get("findings").asLong()).isEqualTo(3);
        assertThat(wording.get("suggestionVi").asString()).isNotBlank();
        assertThat(wording.get("messageEn").asString()).isNotBlank();
        assertThat(finding(findings, "NO_LINKED_DUTY").get("pledges").asLong()).isEqualTo(3);
    }

    @Test
    void theSubtreeIsTheUnitAsked() {
        JsonNode summary = api.get(summary(cellA.id()), officer(commune)).body();

        assertThat(summary.get("pledges").asLong()).isEqualTo(2);
        assertThat(summary.get("generic").asLong()).isEqualTo(1);
        assertThat(summary.get("units")).hasSize(1);
        assertThat(api.get(summary(province.id()), officer(province)).body().get("pledges").asLong()).isEqualTo(5);
    }

    @Test
    void callersCountOnlyThePledgesTheyMayList() {
        assertThat(api.get(summary(commune.id()), officer(otherCommune)).body().get("pledges").asLong()).isZero();
        JsonNode own = api.get(summary(commune.id()), TestInfrastructure.get().token(memberOfA, "Nguyễn Văn A",
                cellA.id(), Role.MEMBER)).body();
        assertThat(own.get("pledges").asLong()).isEqualTo(1);
        assertThat(own.get("generic").asLong()).isZero();
        assertThat(api.get(summary(commune.id()), null).status()).isEqualTo(401);
    }

    @Test
    void theYearIsRequired() {
        Api.Response response = api.get("/api/pledges/specificity-summary?unitId=" + commune.id(), officer(commune));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(response.body().get("errors").get(0).get("field").asString()).isEqualTo("year");
    }

    private static String summary(String unitId) {
        return "/api/pledges/specificity-summary?year=2026&unitId=" + unitId;
    }

    private static JsonNode finding(JsonNode findings, String code) {
        for (JsonNode finding : findings) {
            if (finding.get("code").asString().equals(code)) {
                return finding;
            }
        }
        throw new AssertionError("no " + code + " in " + findings);
    }

    private String officer(OrgUnit unit) {
        return TestInfrastructure.get().token("officer-" + unit.id(), "Trần Thị Bí Thư", unit.id(),
                unit == province ? Role.PROVINCE_OFFICER : Role.UNIT_OFFICER);
    }

    /** Registers, as the commune's officer, a member's pledge in the cell; returns the member's id. */
    private String register(OrgUnit cell, Map<String, Object> commitment) {
        String memberId = "m-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("year", 2026);
        body.put("unitId", cell.id());
        body.put("pledger", Map.of("kind", "INDIVIDUAL", "memberId", memberId, "fullName", "Nguyễn Văn " + memberId));
        body.put("commitments", List.of(commitment));
        Api.Response created = api.post("/api/pledges", officer(commune), body);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        pledgeIds.put(memberId, created.body().get("id").asString());
        return memberId;
    }

    private String pledgeOf(String memberId) {
        return pledgeIds.get(memberId);
    }

    private static Map<String, Object> concrete(String village) {
        return Map.of("area", "DUTY",
                "action", "Hướng dẫn 100% hộ dân " + village + " cài đặt ứng dụng VNeID mức độ 2 trước 30/9",
                "linkedDuty", "Phụ trách công tác cải cách hành chính của xã",
                "measure", "Số hộ có tài khoản định danh mức 2 so với tổng số hộ",
                "target", "100% hộ dân (142 hộ)", "dueDate", "2026-09-30");
    }

    private static Map<String, Object> generic(String action) {
        return Map.of("area", "STUDY", "action", action);
    }
}
