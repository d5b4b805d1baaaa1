package vn.neuguong.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.neuguong.systemtest.SystemStack.created;
import static vn.neuguong.systemtest.SystemStack.get;
import static vn.neuguong.systemtest.SystemStack.getUntil;
import static vn.neuguong.systemtest.SystemStack.json;
import static vn.neuguong.systemtest.SystemStack.ok;
import static vn.neuguong.systemtest.SystemStack.send;
import static vn.neuguong.systemtest.SystemStack.token;

import java.net.http.HttpResponse;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * Recognition end to end through the gateway: a commune nominates a member and a model, the province's council
 * votes (a council member of another province may not), the province awards and escalates the model, the central
 * council awards a diploma, neighbours replicate it; the province and national recognition figures must then equal
 * a recount of recognition-service's nominations.
 */
@Order(15)
class RecognitionSystemIT {

    private static final int YEAR = Year.now().getValue();
    private static final String PROVINCE = "p-19";
    private static String board;

    @BeforeAll
    static void startTheStack() throws Exception {
        SystemStack.ensureStarted();
        board = token("board-" + UUID.randomUUID(), "Ban Tuyên giáo Trung ương", "vn", "CENTRAL_BOARD");
    }

    @Test
    void aSeasonOfRecognitionRollsUpExactly() throws Exception {
        List<String> communes = new ArrayList<>();
        json(getUntil("/api/org-units/" + PROVINCE + "/children?size=3", board,
                response -> response.statusCode() == 200 && json(response).path("items").size() == 3))
                .path("items").forEach(unit -> communes.add(unit.path("id").asString()));
        String commune = communes.get(0);
        String communeOfficer = token("officer-" + UUID.randomUUID(), "Văn phòng Đảng ủy xã", commune, "UNIT_OFFICER");
        String provinceOfficer = token("officer-" + UUID.randomUUID(), "Văn phòng Tỉnh ủy", PROVINCE, "PROVINCE_OFFICER");
        String run = UUID.randomUUID().toString().substring(0, 8);

        JsonNode member = created(send("POST", "/api/nominations", communeOfficer, Map.of("year", YEAR,
                "nominee", Map.of("kind", "INDIVIDUAL", "name", "Nguyễn Thị Hoa", "unitId", commune, "memberId", "dv-" + run),
                "nominatingUnitId", commune, "field", "ADMINISTRATIVE_REFORM",
                "achievements", "Hướng dẫn 142 hộ dân dùng dịch vụ công trực tuyến toàn trình"), Map.of()));
        assertThat(member.path("reviewUnitId").asString()).isEqualTo(PROVINCE);
        JsonNode model = created(send("POST", "/api/nominations", communeOfficer, Map.of("year", YEAR,
                "nominee", Map.of("kind", "MODEL", "name", "Mô hình Dân vận khéo " + run, "unitId", commune),
                "nominatingUnitId", commune, "field", "MASS_MOBILIZATION",
                "achievements", "Vận động 100% hộ dân bàn giao mặt bằng trước hạn"), Map.of()));

        String outsider = token("council-" + UUID.randomUUID(), "Ủy viên tỉnh khác", "p-01", "COUNCIL_MEMBER");
        HttpResponse<String> foreignVote = send("POST", "/api/nominations/" + member.path("id").asString() + "/votes",
                outsider, Map.of("approve", true), Map.of());
        assertThat(foreignVote.statusCode()).as(foreignVote.body()).isEqualTo(403);

        vote(member, PROVINCE, 5, false);
        ok(send("POST", "/api/nominations/" + member.path("id").asString() + "/decision", provinceOfficer,
                Map.of("outcome", "REJECTED", "decisionNo", "11-QĐ/TU"), Map.of()));
        vote(model, PROVINCE, 5, true);
        ok(send("POST", "/api/nominations/" + model.path("id").asString() + "/decision", provinceOfficer,
                Map.of("outcome", "AWARDED", "award", "CERTIFICATE_OF_MERIT", "decisionNo", "12-QĐ/TU"), Map.of()));
        ok(send("POST", "/api/nominations/" + model.path("id").asString() + "/escalation", provinceOfficer, Map.of(), Map.of()));
        vote(model, "vn", 7, true);
        String admin = token("admin-" + UUID.randomUUID(), "Hội đồng Thi đua – Khen thưởng Trung ương", "vn", "ADMIN");
        ok(send("POST", "/api/nominations/" + model.path("id").asString() + "/decision", admin,
                Map.of("outcome", "AWARDED", "award", "DIPLOMA_OF_MERIT", "decisionNo", "5-QĐ/TW"), Map.of()));
        for (String adopting : communes.subList(1, 3)) {
            String adopter = token("officer-" + UUID.randomUUID(), "Văn phòng Đảng ủy xã", adopting, "UNIT_OFFICER");
            ok(send("POST", "/api/nominations/" + model.path("id").asString() + "/replications", adopter,
                    Map.of("adoptingUnitId", adopting, "note", "Áp dụng từ quý III"), Map.of()));
        }

        Map<String, Long> recount = recount();
        assertThat(recount).containsEntry("nominated", 2L).containsEntry("DIPLOMA_OF_MERIT", 1L)
                .containsEntry("rejected", 1L).containsEntry("escalated", 1L).containsEntry("replications", 2L);
        for (String unit : List.of(commune, PROVINCE, "vn")) {
            HttpResponse<String> aggregate = getUntil("/api/aggregates/" + unit + "?year=" + YEAR, board,
                    response -> response.statusCode() == 200 && figures(json(response)).equals(recount));
            assertThat(figures(json(aggregate))).as("recognition figures of " + unit).isEqualTo(recount);
        }
    }

    private static void vote(JsonNode nomination, String council, int members, boolean approve) throws Exception {
        for (int i = 0; i < members; i++) {
            String member = token("council-" + UUID.randomUUID(), "Ủy viên Hội đồng", council, "COUNCIL_MEMBER");
            ok(send("POST", "/api/nominations/" + nomination.path("id").asString() + "/votes", member,
                    Map.of("approve", approve, "comment", approve ? "Tiêu biểu" : "Chưa đủ tiêu chuẩn"), Map.of()));
        }
    }

    /** DESIGN.md's recognition figures, recounted from the nominations recognition-service holds for the year. */
    private static Map<String, Long> recount() throws Exception {
        Map<String, Long> counts = zero();
        for (JsonNode nomination : json(get("/api/nominations?year=" + YEAR + "&size=200", board)).path("items")) {
            counts.merge("nominated", 1L, Long::sum);
            String award = nomination.path("award").asString(null);
            if (award != null) {
                counts.merge(award, 1L, Long::sum);
            } else if (nomination.path("status").asString().equals("REJECTED")) {
                counts.merge("rejected", 1L, Long::sum);
            }
            counts.merge("escalated", nomination.path("rounds").size() > 1 ? 1L : 0L, Long::sum);
            counts.merge("replications", nomination.path("replicationCount").asLong(), Long::sum);
        }
        return counts;
    }

    private static Map<String, Long> figures(JsonNode aggregate) {
        JsonNode recognition = aggregate.path("recognition");
        Map<String, Long> figures = zero();
        for (String name : List.of("nominated", "rejected", "escalated", "replications")) {
            figures.put(name, recognition.path(name).asLong());
        }
        for (String award : List.of("LETTER_OF_COMMENDATION", "CERTIFICATE_OF_MERIT", "DIPLOMA_OF_MERIT")) {
            figures.put(award, recognition.path("awarded").path(award).asLong());
        }
        return figures;
    }

    private static Map<String, Long> zero() {
        Map<String, Long> counts = new TreeMap<>();
        for (String name : List.of("nominated", "rejected", "escalated", "replications", "LETTER_OF_COMMENDATION",
                "CERTIFICATE_OF_MERIT", "DIPLOMA_OF_MERIT")) {
            counts.put(name, 0L);
        }
        return counts;
    }
}
