package vn.neuguong.pledge.pledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
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
class PledgeApiIT {

    private static final String GOOD_ACTION =
            "Hướng dẫn 100% hộ dân thôn Na Hoa đăng ký dịch vụ công trực tuyến mức độ toàn trình trước 30/9";

    @LocalServerPort
    int port;
    @Autowired
    OrgUnitDirectory directory;

    private final OrgUnits units = new OrgUnits();
    private Api api;
    private OrgUnit commune;
    private OrgUnit cell;
    private OrgUnit otherCommune;
    private OrgUnit legacy;

    @BeforeAll
    void orgUnits() {
        api = new Api(port);
        OrgUnit root = OrgUnits.unit(units.id("vn"), OrgUnitLevel.CENTRAL, null, null, null);
        OrgUnit province = OrgUnits.unit(units.id("p"), OrgUnitLevel.PROVINCE, root, LocalDate.of(2025, 7, 1), null);
        commune = OrgUnits.unit(units.id("w"), OrgUnitLevel.GRASSROOTS, province, LocalDate.of(2025, 7, 1), null);
        cell = OrgUnits.unit(units.id("c"), OrgUnitLevel.CELL, commune, LocalDate.of(2025, 7, 1), null);
        OrgUnit otherProvince = OrgUnits.unit(units.id("p2"), OrgUnitLevel.PROVINCE, root, null, null);
        otherCommune = OrgUnits.unit(units.id("w2"), OrgUnitLevel.GRASSROOTS, otherProvince, null, null);
        legacy = OrgUnits.unit(units.id("lp"), OrgUnitLevel.PROVINCE, root, LocalDate.of(2008, 8, 1),
                LocalDate.of(2025, 6, 30));
        units.publish(directory, List.of(root, province, commune, cell, otherProvince, otherCommune, legacy));
    }

    private String member(String sub) {
        return TestInfrastructure.get().token(sub, "Nguyễn Văn " + sub, cell.id(), Role.MEMBER);
    }

    private String officer() {
        return TestInfrastructure.get().token("officer-" + commune.id(), "Trần Thị Bí Thư", commune.id(),
                Role.UNIT_OFFICER);
    }

    private String otherOfficer() {
        return TestInfrastructure.get().token("officer-" + otherCommune.id(), "Lê Văn Khác", otherCommune.id(),
                Role.UNIT_OFFICER);
    }

    private static String newMember() {
        return "m-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private Map<String, Object> individual(String memberId, int year, String action) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("year", year);
        body.put("unitId", cell.id());
        body.put("pledger", Map.of("kind", "INDIVIDUAL", "memberId", memberId, "fullName", "Nguyễn Văn " + memberId,
                "position", "Phó Chủ tịch UBND xã"));
        body.put("commitments", List.of(commitment(action, year + "-09-30")));
        return body;
    }

    private static Map<String, Object> commitment(String action, String dueDate) {
        Map<String, Object> commitment = new LinkedHashMap<>();
        commitment.put("area", "DUTY");
        commitment.put("action", action);
        commitment.put("linkedDuty", "Phụ trách công tác cải cách hành chính của xã");
        commitment.put("measure", "Số hộ đã có tài khoản trên Cổng dịch vụ công quốc gia so với tổng số hộ");
        commitment.put("target", "100% hộ dân (142 hộ)");
        commitment.put("dueDate", dueDate);
        return commitment;
    }

    private Api.Response register(String token, Object body, String... headers) {
        return api.post("/api/pledges", token, body, headers);
    }

    private static List<String> fields(Api.Response response) {
        List<String> fields = new ArrayList<>();
        response.body().get("errors").forEach(error -> fields.add(error.get("field").asString()));
        return fields;
    }

    @Test
    void aMemberRegistersTheirPledgeAndTheServerSetsWhatIsItsOwn() {
        String memberId = newMember();
        Api.Response created = register(member(memberId), individual(memberId, 2026,
                "Hướng dẫn 100% hộ dân thôn " + memberId + " cài đặt ứng dụng VNeID mức độ 2 trước 30/9"));

        assertThat(created.status()).isEqualTo(201);
        JsonNode pledge = created.body();
        assertThat(created.header("Location")).isEqualTo("/api/pledges/" + pledge.get("id").asString());
        assertThat(created.header("ETag")).isEqualTo("\"1\"");
        assertThat(pledge.get("status").asString()).isEqualTo("REGISTERED");
        assertThat(pledge.get("version").asLong()).isEqualTo(1);
        assertThat(pledge.get("unitPath").toString()).contains(commune.id(), cell.id());
        assertThat(pledge.get("registeredBy").asString()).isEqualTo(memberId);
        assertThat(pledge.get("themeId").isNull()).isTrue();
        assertThat(pledge.get("onTime").asBoolean()).as("the 2026 deadline is configured to 15 March").isFalse();
        assertThat(pledge.get("signedOn").asString()).as("signed the Vietnamese day it was registered")
                .isEqualTo(SigningDay.of(Instant.parse(pledge.get("registeredAt").asString())).toString());
        assertThat(pledge.get("specificity").get("score").asDouble()).isEqualTo(1.0);
        assertThat(pledge.get("specificity").get("generic").asBoolean()).isFalse();
        assertThat(pledge.has("pledgerKey")).isFalse();
        assertThat(pledge.has("outbox")).isFalse();

        Api.Response read = api.get("/api/pledges/" + pledge.get("id").asString(), member(memberId));
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("ETag")).isEqualTo("\"1\"");
    }

    @Test
    void nearCopiesAreFoundAmongLivePledgesOnlyAndAPledgeDoesNotCopyItself() {
        String text = "Vận động 100% hộ gia đình tổ dân phố " + UUID.randomUUID().toString().substring(0, 6)
                + " phân loại rác thải sinh hoạt tại nguồn, báo cáo kết quả hằng quý cho chi bộ";
        String first = newMember();
        Api.Response original = register(member(first), individual(first, 2026, text));
        assertThat(findings(original)).doesNotContain("COPIES_OTHER_PLEDGE");
        String path = "/api/pledges/" + original.body().get("id").asString();

        Api.Response revised = api.put(path, member(first), individual(first, 2026, text), "If-Match", "\"1\"");
        assertThat(revised.status()).isEqualTo(200);
        assertThat(findings(revised)).as("a revision keeping its text").doesNotContain("COPIES_OTHER_PLEDGE");

        String second = newMember();
        Api.Response copy = register(member(second), individual(second, 2026, text));
        assertThat(findings(copy)).contains("COPIES_OTHER_PLEDGE");

        for (Api.Response pledge : List.of(original, copy)) {
            assertThat(api.post("/api/pledges/" + pledge.body().get("id").asString() + "/withdrawal", officer(),
                    Map.of("reason", "Đăng ký lại")).status()).isEqualTo(200);
        }
        String third = newMember();
        assertThat(findings(register(member(third), individual(third, 2026, text))))
                .as("both pledges with the text were withdrawn").doesNotContain("COPIES_OTHER_PLEDGE");
    }

    private static List<String> findings(Api.Response pledge) {
        List<String> codes = new ArrayList<>();
        pledge.body().get("specificity").get("findings").forEach(finding -> codes.add(finding.get("code").asString()));
        return codes;
    }

    @Test
    void aPledgeIsOnTimeBeforeItsYearsDeadlineTheEndOfMarchUnlessConfigured() {
        String memberId = newMember();
        Api.Response nextYear = register(member(memberId), individual(memberId, 2027, GOOD_ACTION));

        assertThat(nextYear.status()).isEqualTo(201);
        assertThat(nextYear.body().get("onTime").asBoolean()).isTrue();
    }

    @Test
    void fieldsTheServerOwnsAreRejectedNotIgnored() {
        String memberId = newMember();
        Map<String, Object> body = individual(memberId, 2026, GOOD_ACTION);
        body.put("status", "EVALUATED");

        Api.Response response = register(member(memberId), body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.text()).contains("status");
        assertThat(api.get("/api/pledges?year=2026", member(memberId)).body().get("total").asLong()).isZero();
    }

    @Test
    void onlyAnImportDeclaresASigningDayNotTheApi() {
        String memberId = newMember();
        Map<String, Object> body = individual(memberId, 2026, GOOD_ACTION);
        body.put("signedOn", "2026-02-01");

        Api.Response response = register(member(memberId), body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(fields(response)).containsExactly("signedOn");
        assertThat(api.get("/api/pledges?year=2026", member(memberId)).body().get("total").asLong()).isZero();
    }

    @Test
    void invalidInputNamesEveryFieldAndChangesNothing() {
        String memberId = newMember();
        String token = member(memberId);
        Map<String, Object> badYear = individual(memberId, 2015, GOOD_ACTION);
        assertThat(fields(register(token, badYear))).contains("year");

        Map<String, Object> unknownUnit = individual(memberId, 2026, GOOD_ACTION);
        unknownUnit.put("unitId", units.id("nowhere"));
        assertThat(fields(register(token, unknownUnit))).containsExactly("unitId");

        Map<String, Object> abolishedUnit = individual(memberId, 2026, GOOD_ACTION);
        abolishedUnit.put("unitId", legacy.id());
        Api.Response abolished = register(officer(), abolishedUnit);
        assertThat(fields(abolished)).containsExactly("unitId");
        assertThat(abolished.body().get("errors").get(0).get("message").asString()).contains("2026");

        Map<String, Object> noCommitments = individual(memberId, 2026, GOOD_ACTION);
        noCommitments.put("commitments", List.of());
        assertThat(fields(register(token, noCommitments))).containsExactly("commitments");

        Map<String, Object> tooMany = individual(memberId, 2026, GOOD_ACTION);
        List<Object> commitments = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            commitments.add(commitment(GOOD_ACTION, "2026-09-30"));
        }
        tooMany.put("commitments", commitments);
        assertThat(fields(register(token, tooMany))).containsExactly("commitments");

        Map<String, Object> lateDueDate = individual(memberId, 2026, GOOD_ACTION);
        lateDueDate.put("commitments", List.of(commitment(GOOD_ACTION, "2026-06-30"),
                commitment(GOOD_ACTION, "2027-01-15")));
        assertThat(fields(register(token, lateDueDate))).containsExactly("commitments[1].dueDate");

        Map<String, Object> longAction = individual(memberId, 2026, "x".repeat(1001));
        assertThat(fields(register(token, longAction))).containsExactly("commitments[0].action");

        Map<String, Object> noMemberId = individual(memberId, 2026, GOOD_ACTION);
        noMemberId.put("pledger", Map.of("kind", "INDIVIDUAL", "fullName", "Nguyễn Văn A"));
        assertThat(fields(register(officer(), noMemberId))).containsExactly("pledger.memberId");

        Map<String, Object> collectiveWithMember = individual(memberId, 2026, GOOD_ACTION);
        collectiveWithMember.put("pledger", Map.of("kind", "COLLECTIVE", "memberId", memberId));
        assertThat(fields(register(officer(), collectiveWithMember)))
                .containsExactlyInAnyOrder("pledger.name", "pledger.memberId");

        Map<String, Object> unknownTheme = individual(memberId, 2026, GOOD_ACTION);
        unknownTheme.put("themeId", "1999");
        assertThat(fields(register(token, unknownTheme))).containsExactly("themeId");

        Map<String, Object> badArea = individual(memberId, 2026, GOOD_ACTION);
        Map<String, Object> badCommitment = commitment(GOOD_ACTION, "2026-09-30");
        badCommitment.put("area", "LEISURE");
        badArea.put("commitments", List.of(badCommitment));
        Api.Response badEnum = register(token, badArea);
        assertThat(badEnum.status()).isEqualTo(400);
        assertThat(badEnum.text()).contains("area");

        assertThat(api.get("/api/pledges?year=2026", token).body().get("total").asLong()).isZero();
    }

    @Test
    void aPledgerHasOnePledgePerYear() {
        String memberId = newMember();
        String id = register(member(memberId), individual(memberId, 2026, GOOD_ACTION)).body().get("id").asString();

        Api.Response second = register(officer(), individual(memberId, 2026, "Một cam kết khác hẳn về nội dung"));

        assertThat(second.status()).isEqualTo(409);
        assertThat(second.body().get("existingId").asString()).isEqualTo(id);
    }

    @Test
    void aRetriedRegistrationWithTheSameKeyReturnsTheFirstResult() {
        String memberId = newMember();
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = individual(memberId, 2026, GOOD_ACTION);

        Api.Response first = register(member(memberId), body, "Idempotency-Key", key);
        Api.Response retried = register(member(memberId), body, "Idempotency-Key", key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retried.status()).isEqualTo(201);
        assertThat(retried.body().get("id").asString()).isEqualTo(first.body().get("id").asString());
        assertThat(retried.header("Location")).isEqualTo(first.header("Location"));

        Map<String, Object> different = individual(memberId, 2026, "Nội dung khác với lần gửi đầu tiên của tôi");
        assertThat(register(member(memberId), different, "Idempotency-Key", key).status()).isEqualTo(409);
    }

    @Test
    void aKeyMeansOneRequestOfOneCallerWhateverTheTransition() {
        String memberId = newMember();
        String token = member(memberId);
        String path = "/api/pledges/" + register(token, individual(memberId, 2026, GOOD_ACTION)).body().get("id")
                .asString();
        String key = UUID.randomUUID().toString();
        Map<String, Object> assessment = Map.of("outcomes",
                List.of(Map.of("commitmentIndex", 0, "done", true, "note", "142/142 hộ")), "summary", "Hoàn thành");

        assertThat(api.post(path + "/self-assessment", token, assessment, "Idempotency-Key", key).status())
                .isEqualTo(200);
        Api.Response withdrawal = api.post(path + "/withdrawal", token, Map.of("reason", "Chuyển công tác"),
                "Idempotency-Key", key);
        Api.Response otherAssessment = api.post(path + "/self-assessment", token,
                Map.of("outcomes", List.of(Map.of("commitmentIndex", 0, "done", false)), "summary", "Chưa xong"),
                "Idempotency-Key", key);

        assertThat(withdrawal.status()).isEqualTo(409);
        assertThat(withdrawal.header("Content-Type")).startsWith("application/problem+json");
        assertThat(otherAssessment.status()).isEqualTo(409);
        Api.Response pledge = api.get(path, token);
        assertThat(pledge.body().get("status").asString()).isEqualTo("SELF_ASSESSED");
        assertThat(pledge.body().get("version").asLong()).isEqualTo(2);
        assertThat(api.post(path + "/evaluation", officer(), Map.of("grade", "GOOD"), "Idempotency-Key", key)
                .status()).as("the same key of another caller is another key").isEqualTo(200);
    }

    @Test
    void anInvisibleCharacterDoesNotMakeAnotherPledger() {
        String memberId = newMember();
        String id = register(member(memberId), individual(memberId, 2026, GOOD_ACTION)).body().get("id").asString();

        Api.Response disguised = register(officer(), individual("\u200B" + memberId + "\uFEFF", 2026,
                "Một cam kết khác hẳn về nội dung"));

        assertThat(disguised.status()).isEqualTo(409);
        assertThat(disguised.body().get("existingId").asString()).isEqualTo(id);
    }

    @Test
    void aConflictNamesOnlyAPledgeTheCallerMayRead() {
        String memberId = newMember();
        String id = register(member(memberId), individual(memberId, 2026, GOOD_ACTION)).body().get("id").asString();
        String moved = TestInfrastructure.get().token(memberId, "Nguyễn Văn " + memberId, otherCommune.id(),
                Role.MEMBER);
        assertThat(api.get("/api/pledges", moved).status()).isEqualTo(200);
        Map<String, Object> elsewhere = individual(memberId, 2026, "Một cam kết khác hẳn về nội dung");
        elsewhere.put("unitId", otherCommune.id());

        Api.Response foreign = register(otherOfficer(), elsewhere);

        assertThat(foreign.status()).as("the member now belongs to the other commune, whose officer cannot read "
                + "the pledge of the first").isEqualTo(409);
        assertThat(foreign.body().has("existingId")).isFalse();
        assertThat(foreign.text()).doesNotContain(id);
    }

    @Test
    void anOfficerDoesNotRegisterAMemberOfAnotherUnit() {
        String memberId = newMember();
        assertThat(api.get("/api/pledges", member(memberId)).status()).isEqualTo(200);
        Map<String, Object> elsewhere = individual(memberId, 2026, "Một cam kết khác hẳn về nội dung");
        elsewhere.put("unitId", otherCommune.id());

        Api.Response foreign = register(otherOfficer(), elsewhere);
        Api.Response inVietnamese = api.post("/api/pledges", otherOfficer(), elsewhere, "Accept-Language", "vi");

        assertThat(foreign.status()).isEqualTo(400);
        assertThat(foreign.header("Content-Type")).startsWith("application/problem+json");
        assertThat(fields(foreign)).containsExactly("pledger.memberId");
        assertThat(inVietnamese.body().get("errors").get(0).get("message").asString())
                .isEqualTo("là đảng viên của một đơn vị ngoài phạm vi phụ trách của bạn");
        assertThat(api.get("/api/pledges?year=2026", otherOfficer()).text()).doesNotContain(memberId);
        Api.Response own = register(member(memberId), individual(memberId, 2026, GOOD_ACTION));
        assertThat(own.status()).as("the member's own registration is not blocked").isEqualTo(201);
    }

    @Test
    void aMembersPledgesTellWhereTheyBelongAndTheyReadTheOneRegisteredForThem() {
        String memberId = newMember();
        String id = register(officer(), individual(memberId, 2026, GOOD_ACTION)).body().get("id").asString();

        Api.Response own = register(member(memberId), individual(memberId, 2026, "Một cam kết khác hẳn về nội dung"));
        Map<String, Object> nextYearElsewhere = individual(memberId, 2027, "Một cam kết khác hẳn về nội dung");
        nextYearElsewhere.put("unitId", otherCommune.id());
        Api.Response foreign = register(otherOfficer(), nextYearElsewhere);

        assertThat(own.status()).isEqualTo(409);
        assertThat(own.body().get("existingId").asString()).as("the member may read their own pledge").isEqualTo(id);
        assertThat(foreign.status()).isEqualTo(400);
        assertThat(fields(foreign)).containsExactly("pledger.memberId");
        assertThat(foreign.text()).doesNotContain(id);
    }

    @Test
    void theWholeLifecycleWithItsPreconditions() {
        String memberId = newMember();
        String token = member(memberId);
        String id = register(token, individual(memberId, 2026, GOOD_ACTION)).body().get("id").asString();
        String path = "/api/pledges/" + id;
        Map<String, Object> revision = individual(memberId, 2026, GOOD_ACTION + " năm 2026");

        assertThat(api.put(path, token, revision).status()).isEqualTo(428);
        assertThat(api.put(path, token, revision, "If-Match", "\"7\"").status()).isEqualTo(412);
        Api.Response revised = api.put(path, token, revision, "If-Match", "\"1\"");
        assertThat(revised.status()).isEqualTo(200);
        assertThat(revised.header("ETag")).isEqualTo("\"2\"");
        assertThat(revised.body().get("commitments").get(0).get("action").asString()).endsWith("năm 2026");

        Map<String, Object> moved = individual(memberId, 2026, GOOD_ACTION);
        moved.put("unitId", commune.id());
        assertThat(fields(api.put(path, token, moved, "If-Match", "\"2\""))).contains("unitId");

        Api.Response evaluatedTooEarly = api.post(path + "/evaluation", officer(), Map.of("grade", "GOOD"));
        assertThat(evaluatedTooEarly.status()).isEqualTo(409);
        assertThat(evaluatedTooEarly.body().get("status").asString()).isEqualTo("REGISTERED");

        Map<String, Object> assessment = Map.of("outcomes",
                List.of(Map.of("commitmentIndex", 0, "done", true, "note", "142/142 hộ")), "summary", "Hoàn thành");
        assertThat(fields(api.post(path + "/self-assessment", token, Map.of("outcomes",
                List.of(Map.of("commitmentIndex", 3, "done", true)))))).contains("outcomes[0].commitmentIndex");
        String key = UUID.randomUUID().toString();
        Api.Response assessed = api.post(path + "/self-assessment", token, assessment, "Idempotency-Key", key,
                "If-Match", "\"2\"");
        assertThat(assessed.status()).isEqualTo(200);
        assertThat(assessed.body().get("status").asString()).isEqualTo("SELF_ASSESSED");
        Api.Response replayed = api.post(path + "/self-assessment", token, assessment, "Idempotency-Key", key,
                "If-Match", "\"2\"");
        assertThat(replayed.status()).isEqualTo(200);
        assertThat(replayed.body().get("version").asLong()).isEqualTo(3);

        Api.Response reviseAfterAssessment = api.put(path, token, revision, "If-Match", "\"3\"");
        assertThat(reviseAfterAssessment.status()).isEqualTo(409);
        assertThat(reviseAfterAssessment.body().get("status").asString()).isEqualTo("SELF_ASSESSED");

        assertThat(fields(api.post(path + "/evaluation", officer(), Map.of("comment", "thiếu xếp loại"))))
                .containsExactly("grade");
        Api.Response evaluated = api.post(path + "/evaluation", officer(),
                Map.of("grade", "EXCELLENT", "comment", "Hoàn thành xuất sắc"));
        assertThat(evaluated.status()).isEqualTo(200);
        assertThat(evaluated.body().get("status").asString()).isEqualTo("EVALUATED");
        assertThat(evaluated.body().get("evaluation").get("evaluatedBy").asString())
                .isEqualTo("officer-" + commune.id());

        Api.Response withdrawn = api.post(path + "/withdrawal", officer(), Map.of("reason", "muộn"));
        assertThat(withdrawn.status()).isEqualTo(409);
        assertThat(withdrawn.body().get("status").asString()).isEqualTo("EVALUATED");
        assertThat(api.get(path, token).body().get("version").asLong()).isEqualTo(4);
    }

    @Test
    void aWithdrawnPledgeFreesThePledgersPlace() {
        String memberId = newMember();
        String id = register(member(memberId), individual(memberId, 2026, GOOD_ACTION)).body().get("id").asString();

        assertThat(fields(api.post("/api/pledges/" + id + "/withdrawal", officer(), Map.of()))).containsExactly("reason");
        Api.Response withdrawn = api.post("/api/pledges/" + id + "/withdrawal", officer(),
                Map.of("reason", "Đảng viên chuyển sinh hoạt"));
        assertThat(withdrawn.status()).isEqualTo(200);
        assertThat(withdrawn.body().get("status").asString()).isEqualTo("WITHDRAWN");

        assertThat(register(member(memberId), individual(memberId, 2026, GOOD_ACTION)).status()).isEqualTo(201);
    }

    @Test
    void membersSeeAndChangeOnlyTheirOwnPledge() {
        String owner = newMember();
        String other = newMember();
        String id = register(member(owner), individual(owner, 2026, GOOD_ACTION)).body().get("id").asString();
        String path = "/api/pledges/" + id;

        assertThat(api.get(path, member(other)).status()).isEqualTo(404);
        assertThat(api.put(path, member(other), individual(owner, 2026, GOOD_ACTION), "If-Match", "\"1\"").status())
                .isEqualTo(404);
        assertThat(register(member(other), individual(owner, 2026, GOOD_ACTION)).status()).isEqualTo(403);
        Map<String, Object> elsewhere = individual(other, 2026, GOOD_ACTION);
        elsewhere.put("unitId", commune.id());
        assertThat(register(member(other), elsewhere).status()).isEqualTo(403);
        assertThat(api.post(path + "/withdrawal", member(owner), Map.of("reason", "tự rút")).status()).isEqualTo(403);

        JsonNode ownList = api.get("/api/pledges?year=2026", member(other)).body();
        assertThat(ownList.get("total").asLong()).isZero();
        assertThat(api.get("/api/pledges?year=2026", member(owner)).body().get("total").asLong()).isEqualTo(1);
    }

    @Test
    void officersActWithinTheirSubtreeAndTheCentralBoardOnlyReads() {
        String memberId = newMember();
        String id = register(officer(), individual(memberId, 2026, GOOD_ACTION)).body().get("id").asString();
        String path = "/api/pledges/" + id;

        assertThat(api.get(path, otherOfficer()).status()).isEqualTo(404);
        assertThat(api.post(path + "/withdrawal", otherOfficer(), Map.of("reason", "x")).status()).isEqualTo(404);
        Map<String, Object> outside = individual(newMember(), 2026, GOOD_ACTION);
        assertThat(register(otherOfficer(), outside).status()).isEqualTo(403);
        assertThat(api.get("/api/pledges?unitId=" + cell.id(), otherOfficer()).body().get("total").asLong()).isZero();
        assertThat(api.get("/api/pledges?unitId=" + cell.id(), officer()).body().get("total").asLong()).isPositive();

        String central = TestInfrastructure.get().token("cb-1", "Ban Tuyên giáo", units.id("vn"), Role.CENTRAL_BOARD);
        assertThat(api.get(path, central).status()).isEqualTo(200);
        assertThat(api.post(path + "/withdrawal", central, Map.of("reason", "x")).status()).isEqualTo(403);
        assertThat(register(central, individual(newMember(), 2026, GOOD_ACTION)).status()).isEqualTo(403);

        String self = TestInfrastructure.get().token(memberId, "Tự đánh giá", commune.id(), Role.UNIT_OFFICER,
                Role.MEMBER);
        api.post(path + "/self-assessment", self, Map.of("outcomes", List.of(Map.of("commitmentIndex", 0,
                "done", true))));
        assertThat(api.post(path + "/evaluation", self, Map.of("grade", "EXCELLENT")).status()).isEqualTo(403);
    }

    @Test
    void listsArePagedAndTheSizeIsCapped() {
        JsonNode page = api.get("/api/pledges?size=1000&page=0", officer()).body();
        assertThat(page.get("size").asInt()).isEqualTo(200);
        assertThat(api.get("/api/pledges?page=-1", officer()).status()).isEqualTo(400);
        assertThat(api.get("/api/pledges?status=UNKNOWN", officer()).status()).isEqualTo(400);
        assertThat(fields(api.get("/api/pledges?sort=pledger.fullName", officer()))).containsExactly("sort");
        assertThat(fields(api.get("/api/pledges?sort=score,sideways", officer()))).containsExactly("sort");
    }

    @Test
    void theListFiltersGenericPledgesAndSortsByScore() {
        String vague = newMember();
        Map<String, Object> generic = individual(vague, 2026, "Thực hiện tốt việc học tập và làm theo Bác");
        generic.put("commitments", List.of(Map.of("area", "STUDY", "action", "Thực hiện tốt việc học tập và làm theo Bác")));
        assertThat(register(member(vague), generic).status()).isEqualTo(201);
        String concrete = newMember();
        assertThat(register(member(concrete), individual(concrete, 2026, GOOD_ACTION)).status()).isEqualTo(201);

        JsonNode onlyGeneric = api.get("/api/pledges?year=2026&generic=true&size=200", officer()).body();
        assertThat(onlyGeneric.get("total").asLong()).isPositive();
        onlyGeneric.get("items").forEach(p -> assertThat(p.get("specificity").get("generic").asBoolean()).isTrue());

        List<Double> ascending = new ArrayList<>();
        api.get("/api/pledges?year=2026&sort=score,asc&size=200", officer()).body().get("items")
                .forEach(p -> ascending.add(p.get("specificity").get("score").asDouble()));
        assertThat(ascending).hasSizeGreaterThan(1).isSorted();
    }

    @Test
    void genericAndCopiedPledgesAreFlagged() {
        String generic = newMember();
        Map<String, Object> body = individual(generic, 2026, "Thực hiện tốt việc học tập và làm theo Bác");
        body.put("commitments", List.of(Map.of("area", "STUDY", "action", "Thực hiện tốt việc học tập và làm theo Bác")));
        JsonNode specificity = register(member(generic), body).body().get("specificity");
        assertThat(specificity.get("generic").asBoolean()).isTrue();
        assertThat(specificity.toString()).contains("NO_LINKED_DUTY", "GENERIC_WORDING", "NO_MEASURABLE_TARGET");
        assertThat(specificity.get("findings").get(0).get("messageVi").asString()).isNotBlank();

        String template = "Tham gia đầy đủ 12 buổi sinh hoạt chi bộ thường kỳ của chi bộ " + cell.id()
                + " và phát biểu ý kiến xây dựng";
        String first = newMember();
        JsonNode original = register(member(first), individual(first, 2026, template)).body();
        assertThat(original.get("specificity").toString()).doesNotContain("COPIES_OTHER_PLEDGE");
        String firstId = original.get("id").asString();
        String copier = newMember();
        JsonNode copied = register(member(copier), individual(copier, 2026, template + ".")).body();
        assertThat(copied.get("specificity").toString()).contains("COPIES_OTHER_PLEDGE");
        JsonNode hidden = copied.get("specificity").get("findings").get(0).get("copyOf");
        assertThat(hidden == null || hidden.isNull()).as("a member may not see whose pledge they copied").isTrue();
        JsonNode named = api.get("/api/pledges/" + copied.get("id").asString(), officer()).body()
                .get("specificity").get("findings").get(0).get("copyOf");
        assertThat(named.get("pledgeId").asString()).isEqualTo(firstId);
        assertThat(named.get("pledger").asString()).isEqualTo("Nguyễn Văn " + first);
    }

    @Test
    void aDraftIsCheckedLikeARegistrationAndNothingIsStored() {
        String memberId = newMember();
        String token = member(memberId);
        Map<String, Object> body = individual(memberId, 2026, GOOD_ACTION);
        // the member's id keeps the text apart from other tests' pledges; as digits only (one id in 40) it would
        // read as a countable target and make the commitment concrete
        body.put("commitments", List.of(Map.of("area", "STYLE",
                "action", "Luôn gương mẫu, tích cực tham gia các phong trào của chi bộ "
                        + memberId.replaceAll("[0-9]", "x"))));

        Api.Response draft = api.post("/api/pledges/drafts/specificity", token, body);
        assertThat(draft.status()).as(draft.text()).isEqualTo(200);
        assertThat(draft.body().get("generic").asBoolean()).isTrue();
        assertThat(draft.body().toString()).contains("NO_LINKED_DUTY");
        assertThat(api.get("/api/pledges?year=2026", token).body().get("total").asLong()).isZero();

        JsonNode registered = register(token, body).body().get("specificity");
        assertThat(registered).isEqualTo(draft.body());

        Map<String, Object> incomplete = individual(memberId, 2026, " ");
        assertThat(fields(api.post("/api/pledges/drafts/specificity", token, incomplete)))
                .containsExactly("commitments[0].action");
        Map<String, Object> elsewhere = individual(memberId, 2026, GOOD_ACTION);
        elsewhere.put("unitId", otherCommune.id());
        assertThat(api.post("/api/pledges/drafts/specificity", token, elsewhere).status()).isEqualTo(403);
    }

    @Test
    void aRevisionDraftIsNotANearCopyOfThePledgeItRevises() {
        String memberId = newMember();
        String token = member(memberId);
        String action = "Tổ chức 4 buổi đối thoại với đoàn viên thanh niên của chi bộ " + memberId + " về chuyển đổi số";
        String id = register(token, individual(memberId, 2026, action)).body().get("id").asString();

        Api.Response draft = api.post("/api/pledges/drafts/specificity?revising=" + id, token,
                individual(memberId, 2026, action + "."));
        assertThat(draft.status()).as(draft.text()).isEqualTo(200);
        assertThat(draft.body().toString()).doesNotContain("COPIES_OTHER_PLEDGE");
        assertThat(api.post("/api/pledges/drafts/specificity?revising=" + id, otherOfficer(),
                individual(memberId, 2026, action)).status()).isEqualTo(404);
    }
}
