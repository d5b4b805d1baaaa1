package vn.neuguong.systemtest.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import vn.neuguong.systemtest.SystemStack;
import vn.neuguong.systemtest.security.Http.Reply;
import vn.neuguong.systemtest.security.MatrixActor.MatrixUnits;

/**
 * Entities the security tests act on, created through the gateway by the users entitled to create them: a pledge
 * of a member of a commune, a nomination of that member, a reporting period, the commune's report, a conference.
 */
final class Scenario {

    /** Thái Nguyên, one of its communes, and Hà Nội: units of the reference data every stack loads. */
    static final MatrixUnits UNITS = new MatrixUnits("w-05809", "p-19", "p-01");
    static final int YEAR = LocalDate.now().getYear();

    private Scenario() {
    }

    /**
     * Waits until the org units have reached every service: the registry answers for the commune, and pledge- and
     * recognition-service (whose replicas of the registry fill from Kafka) accept a pledge and a nomination there.
     */
    static void awaitOrgUnitsEverywhere() throws Exception {
        SystemStack.getUntil("/api/org-units/" + UNITS.own(), token(MatrixActor.CENTRAL_BOARD),
                found -> found.statusCode() == 200);
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (true) {
            String memberId = newMemberId();
            Reply pledge = Http.json("POST", "/api/pledges", token(MatrixActor.MEMBER_SELF, memberId),
                    individualPledge(memberId));
            Reply nomination = Http.json("POST", "/api/nominations", token(MatrixActor.UNIT_OFFICER),
                    nomination(newMemberId()));
            if (pledge.status() == 201 && nomination.status() == 201) {
                return;
            }
            assertThat(System.nanoTime()).as("org units still unknown: %s %s", pledge.body(), nomination.body())
                    .isLessThan(deadline);
            Thread.sleep(1000);
        }
    }

    static String token(MatrixActor actor, String memberSelf) throws Exception {
        String sub = actor == MatrixActor.MEMBER_SELF ? memberSelf
                : "matrix-" + actor.name().toLowerCase().replace('_', '-') + "-" + actor.unitIn(UNITS);
        return SystemStack.token(sub, "Người thử " + sub, actor.unitIn(UNITS), actor.role());
    }

    static String token(MatrixActor actor) throws Exception {
        return token(actor, "matrix-member-self");
    }

    static String newMemberId() {
        return "mx-" + UUID.randomUUID().toString().substring(0, 12);
    }

    static Map<String, Object> individualPledge(String memberId) {
        Map<String, Object> commitment = new LinkedHashMap<>();
        commitment.put("area", "DUTY");
        commitment.put("action", "Hướng dẫn 100% hộ dân của tổ dân phố số 3 nộp hồ sơ dịch vụ công trực tuyến");
        commitment.put("linkedDuty", "Phụ trách công tác cải cách hành chính của phường");
        commitment.put("measure", "Số hồ sơ nộp trực tuyến so với tổng số hồ sơ của tổ dân phố");
        commitment.put("target", "100% (khoảng 140 hồ sơ)");
        commitment.put("dueDate", YEAR + "-12-15");
        Map<String, Object> pledge = new LinkedHashMap<>();
        pledge.put("year", YEAR);
        pledge.put("unitId", UNITS.own());
        pledge.put("pledger", Map.of("kind", "INDIVIDUAL", "memberId", memberId, "fullName", "Đảng viên " + memberId,
                "position", "Công chức văn phòng phường"));
        pledge.put("commitments", List.of(commitment));
        return pledge;
    }

    record Pledge(String id, String memberId, long version) {
    }

    /** Registered by the member themselves. */
    static Pledge registeredPledge() throws Exception {
        String memberId = newMemberId();
        Reply registered = Http.json("POST", "/api/pledges", token(MatrixActor.MEMBER_SELF, memberId),
                individualPledge(memberId));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        return new Pledge(registered.json().path("id").asString(), memberId, registered.json().path("version").asLong());
    }

    static Map<String, Object> selfAssessment() {
        return Map.of("outcomes", List.of(Map.of("commitmentIndex", 0, "done", true, "note", "138/140 hồ sơ")),
                "summary", "Hoàn thành cơ bản");
    }

    static Pledge selfAssessedPledge() throws Exception {
        Pledge pledge = registeredPledge();
        Reply assessed = Http.json("POST", "/api/pledges/" + pledge.id() + "/self-assessment",
                token(MatrixActor.MEMBER_SELF, pledge.memberId()), selfAssessment(), "If-Match", etag(pledge.version()));
        assertThat(assessed.status()).as(assessed.body()).isEqualTo(200);
        return new Pledge(pledge.id(), pledge.memberId(), assessed.json().path("version").asLong());
    }

    static Map<String, Object> nomination(String memberId) {
        Map<String, Object> nomination = new LinkedHashMap<>();
        nomination.put("year", YEAR);
        nomination.put("nominee", Map.of("kind", "INDIVIDUAL", "name", "Đảng viên " + memberId, "unitId", UNITS.own(),
                "memberId", memberId));
        nomination.put("nominatingUnitId", UNITS.own());
        nomination.put("field", "ADMINISTRATIVE_REFORM");
        nomination.put("achievements", "Đưa 100% thủ tục hành chính của phường lên dịch vụ công trực tuyến toàn trình");
        return nomination;
    }

    record Nomination(String id, String memberId, long version) {
    }

    /** Submitted by an officer of the commune; its province's council reviews it. */
    static Nomination submittedNomination() throws Exception {
        String memberId = newMemberId();
        Reply submitted = Http.json("POST", "/api/nominations", token(MatrixActor.UNIT_OFFICER), nomination(memberId));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        return new Nomination(submitted.json().path("id").asString(), memberId,
                submitted.json().path("version").asLong());
    }

    static Map<String, Object> period(String id) {
        Map<String, Object> period = new LinkedHashMap<>();
        period.put("id", id);
        period.put("kind", "INTERIM_REVIEW");
        period.put("title", "Sơ kết thử nghiệm " + id);
        period.put("from", YEAR + "-01-01");
        period.put("to", YEAR + "-06-30");
        period.put("dueDates", Map.of("GRASSROOTS", YEAR + "-07-10", "PROVINCE", YEAR + "-07-20",
                "CENTRAL", YEAR + "-07-31"));
        return period;
    }

    static String newPeriodId() {
        return "sk-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A period created by the central board. */
    static String createdPeriod() throws Exception {
        String id = newPeriodId();
        Reply created = Http.json("POST", "/api/periods", token(MatrixActor.CENTRAL_BOARD), period(id));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return id;
    }

    static Map<String, Object> report(String periodId) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("unitId", UNITS.own());
        report.put("periodId", periodId);
        report.put("indicators", Map.of("studySessions", 4, "studyParticipants", 310, "issuesResolved", 6));
        report.put("narrative", Map.of("results", "Hoàn thành các chỉ tiêu của kỳ sơ kết",
                "limitations", "Một số chi bộ chậm đăng ký", "lessons", "Gắn đăng ký với nhiệm vụ được giao",
                "proposals", "Tăng cường hướng dẫn"));
        return report;
    }

    record Report(String id, long version) {
    }

    /** The commune's report for a new period, submitted by its officer. */
    static Report submittedReport() throws Exception {
        Reply submitted = Http.json("POST", "/api/reports", token(MatrixActor.UNIT_OFFICER), report(createdPeriod()));
        assertThat(submitted.status()).as(submitted.body()).isIn(200, 201);
        return new Report(submitted.json().path("id").asString(), submitted.json().path("version").asLong());
    }

    static Map<String, Object> conference() {
        return Map.of("title", "Hội nghị trực tuyến sơ kết " + UUID.randomUUID().toString().substring(0, 6),
                "hostUnitId", UNITS.parent(), "startsAt", Instant.now().plus(1, ChronoUnit.DAYS).toString());
    }

    /** Hosted by the province, created by the central board. */
    static String createdConference() throws Exception {
        Reply created = Http.json("POST", "/api/conferences", token(MatrixActor.CENTRAL_BOARD), conference());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    static Map<String, Object> checkIn() {
        return Map.of("unitId", UNITS.own(), "connectionPoints", 1, "attendees", 35);
    }

    static Map<String, Object> newCell() {
        Map<String, Object> cell = new LinkedHashMap<>();
        cell.put("id", "cb-" + UUID.randomUUID().toString().substring(0, 8));
        cell.put("name", "Chi bộ tổ dân phố thử nghiệm");
        cell.put("level", "CELL");
        cell.put("parentId", UNITS.own());
        cell.put("memberCount", 12);
        cell.put("validFrom", YEAR + "-01-01");
        return cell;
    }

    static long memberCountOf(String unitId) throws Exception {
        return Http.get("/api/org-units/" + unitId, token(MatrixActor.CENTRAL_BOARD)).json().path("memberCount").asLong();
    }

    static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** Whether a page ({@code {items: [...]}}) lists an item with this id. */
    static boolean lists(JsonNode page, String id) {
        for (JsonNode item : page.path("items")) {
            if (id.equals(item.path("id").asString())) {
                return true;
            }
        }
        return false;
    }
}
