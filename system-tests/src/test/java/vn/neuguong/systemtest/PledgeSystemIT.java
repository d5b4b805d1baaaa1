package vn.neuguong.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.neuguong.systemtest.SystemStack.created;
import static vn.neuguong.systemtest.SystemStack.getUntil;
import static vn.neuguong.systemtest.SystemStack.json;
import static vn.neuguong.systemtest.SystemStack.ok;
import static vn.neuguong.systemtest.SystemStack.send;
import static vn.neuguong.systemtest.SystemStack.token;

import java.net.http.HttpResponse;
import java.time.Year;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * Pledges end to end through the gateway, with real tokens, processes, broker and database: members and officers
 * of communes in three provinces register, revise, self-assess, evaluate, withdraw and retry; then the commune,
 * province and national aggregates must equal a recount of what pledge-service holds.
 */
@Order(10)
class PledgeSystemIT {

    private static final int YEAR = Year.now().getValue();
    private static final List<String> PROVINCES = List.of("p-19", "p-01", "p-79");
    private static String board;

    @BeforeAll
    static void startTheStack() throws Exception {
        SystemStack.ensureStarted();
        board = token("board-" + UUID.randomUUID(), "Ban Tuyên giáo Trung ương", "vn", "CENTRAL_BOARD");
    }

    @Test
    void everyLevelsAggregateEqualsARecountOfThePledges() throws Exception {
        Map<String, String> provinceOfCommune = new LinkedHashMap<>();
        for (String province : PROVINCES) {
            HttpResponse<String> children = getUntil("/api/org-units/" + province + "/children?size=3", board,
                    response -> response.statusCode() == 200 && json(response).path("items").size() > 0);
            provinceOfCommune.put(json(children).path("items").get(0).path("id").asString(), province);
        }

        for (String commune : provinceOfCommune.keySet()) {
            season(commune);
        }

        Map<String, Map<String, Long>> expected = new TreeMap<>();
        for (Map.Entry<String, String> commune : provinceOfCommune.entrySet()) {
            Map<String, Long> recount = PledgeFigures.recount(commune.getKey(), YEAR, board);
            expected.put(commune.getKey(), recount);
            expected.merge(commune.getValue(), recount, PledgeSystemIT::plus);
            expected.merge("vn", recount, PledgeSystemIT::plus);
        }
        assertThat(expected.get("vn").get("registered")).isEqualTo(9);

        for (Map.Entry<String, Map<String, Long>> unit : expected.entrySet()) {
            HttpResponse<String> aggregate = getUntil("/api/aggregates/" + unit.getKey() + "?year=" + YEAR, board,
                    response -> response.statusCode() == 200 && PledgeFigures.of(json(response)).equals(unit.getValue()));
            assertThat(aggregate.statusCode()).as(aggregate.body()).isEqualTo(200);
            assertThat(PledgeFigures.of(json(aggregate))).as("aggregate of " + unit.getKey()).isEqualTo(unit.getValue());
        }
    }

    /** Four pledges in a commune, taken through the lifecycle by the people DESIGN.md says may act. */
    private void season(String commune) throws Exception {
        String officer = token("officer-" + commune + "-" + UUID.randomUUID(), "Văn phòng Đảng ủy", commune, "UNIT_OFFICER");
        String first = "dv-" + UUID.randomUUID();
        String second = "dv-" + UUID.randomUUID();
        String firstMember = token(first, "Nguyễn Văn An", commune, "MEMBER");
        String secondMember = token(second, "Trần Thị Bình", commune, "MEMBER");

        JsonNode assessed = created(send("POST", "/api/pledges", firstMember, individual(commune, first, "Nguyễn Văn An"),
                Map.of("Idempotency-Key", "first-" + first)));
        HttpResponse<String> retry = send("POST", "/api/pledges", firstMember, individual(commune, first, "Nguyễn Văn An"),
                Map.of("Idempotency-Key", "first-" + first));
        assertThat(json(retry).path("id").asString()).as("a retried POST returns the first result").isEqualTo(assessed.path("id").asString());
        assessed = ok(send("POST", "/api/pledges/" + assessed.path("id").asString() + "/self-assessment", firstMember,
                Map.of("outcomes", List.of(Map.of("commitmentIndex", 0, "done", true, "note", "Đã hoàn thành")),
                        "summary", "Hoàn thành cam kết"), Map.of()));
        ok(send("POST", "/api/pledges/" + assessed.path("id").asString() + "/evaluation", officer,
                Map.of("grade", "EXCELLENT", "comment", "Chi bộ đánh giá xuất sắc"), Map.of()));

        JsonNode withdrawn = created(send("POST", "/api/pledges", secondMember, individual(commune, second, "Trần Thị Bình"), Map.of()));
        ok(send("POST", "/api/pledges/" + withdrawn.path("id").asString() + "/withdrawal", officer,
                Map.of("reason", "Chuyển sinh hoạt đảng"), Map.of()));

        JsonNode collective = created(send("POST", "/api/pledges", officer, Map.of("year", YEAR, "unitId", commune,
                "pledger", Map.of("kind", "COLLECTIVE", "name", "Đảng ủy xã " + commune),
                "commitments", List.of(commitment())), Map.of()));
        ok(send("PUT", "/api/pledges/" + collective.path("id").asString(), officer, Map.of("year", YEAR, "unitId", commune,
                "pledger", Map.of("kind", "COLLECTIVE", "name", "Đảng ủy xã " + commune),
                "commitments", List.of(commitment(), Map.of("area", "STUDY",
                        "action", "Thực hiện tốt việc học tập và làm theo Bác"))),
                Map.of("If-Match", "\"" + collective.path("version").asLong() + "\"")));

        String onBehalf = "dv-" + UUID.randomUUID();
        created(send("POST", "/api/pledges", officer, individual(commune, onBehalf, "Lê Văn Cường"), Map.of()));
    }

    private static Map<String, Object> individual(String commune, String memberId, String fullName) {
        return Map.of("year", YEAR, "unitId", commune, "pledger", Map.of("kind", "INDIVIDUAL", "memberId", memberId,
                "fullName", fullName, "position", "Đảng viên chi bộ thôn"), "commitments", List.of(commitment()));
    }

    private static Map<String, Object> commitment() {
        return Map.of("area", "DUTY", "action", "Hướng dẫn 40 hộ dân thôn Na Hoa đăng ký dịch vụ công trực tuyến toàn trình",
                "linkedDuty", "Phụ trách công tác cải cách hành chính của xã", "measure", "Số hộ đã sử dụng dịch vụ công trực tuyến",
                "target", "40 hộ", "dueDate", YEAR + "-09-30");
    }

    private static Map<String, Long> plus(Map<String, Long> a, Map<String, Long> b) {
        Map<String, Long> sum = new TreeMap<>(a);
        b.forEach((name, value) -> sum.merge(name, value, Long::sum));
        return sum;
    }
}
