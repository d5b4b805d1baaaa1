package vn.neuguong.bench.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;
import vn.neuguong.bench.client.ApiClient;
import vn.neuguong.bench.client.ApiClient.Identity;
import vn.neuguong.bench.client.ApiResponse;

/**
 * The recognition season of the demo, through the public API: communes nominate exemplary members and models
 * to their province's council, whose members vote; the province decides (certificates of merit, some
 * rejected), escalates its best to the central council (diplomas of merit), and other communes replicate the
 * models. Safe to run twice: submissions carry an Idempotency-Key and a second nomination of the same nominee
 * is refused by the service.
 */
public class DemoRecognition {

    private static final String[][] MODELS = {
        {"Mô hình \"Dân vận khéo\" trong giải phóng mặt bằng", "MASS_MOBILIZATION",
            "Vận động 100% hộ dân bàn giao mặt bằng đường liên xã trước hạn 2 tháng, không phát sinh khiếu kiện."},
        {"Mô hình \"Chợ 4.0 – thanh toán không dùng tiền mặt\"", "DIGITAL_TRANSFORMATION",
            "85% tiểu thương chợ xã nhận thanh toán bằng mã QR; mô hình được nhiều xã trong tỉnh học tập."},
        {"Mô hình \"Tổ tự quản an ninh trật tự thôn\"", "SECURITY",
            "Ba năm liền không để xảy ra trọng án; 12 tổ tự quản hoạt động thường xuyên."}};
    private static final String[] MEMBER_ACHIEVEMENTS = {
        "Hướng dẫn 142 hộ dân sử dụng dịch vụ công trực tuyến toàn trình; được đánh giá hoàn thành xuất sắc nhiệm vụ.",
        "Vận động 30 hộ hiến đất mở rộng đường liên thôn; tiêu biểu trong học tập và làm theo Bác năm nay.",
        "Giải quyết 100% hồ sơ đất đai đúng hạn, không có đơn thư vượt cấp; gương mẫu, gần dân."};

    private final ApiClient api;
    private final int year;
    private final long seed;
    private final Tally tally = new Tally();

    public DemoRecognition(ApiClient api, int year, long seed) {
        this.api = api;
        this.year = year;
        this.seed = seed;
    }

    public Map<String, AtomicInteger> run() {
        Identity board = Tally.CENTRAL_BOARD;
        List<JsonNode> provinces = DemoUnits.provinces(api);
        for (int i = 0; i < provinces.size(); i += 3) {
            province(board, provinces.get(i));
        }
        return tally.counts();
    }

    private void province(Identity board, JsonNode province) {
        String provinceId = province.path("id").asString();
        Random random = new Random(seed ^ provinceId.hashCode());
        List<JsonNode> communes = new ArrayList<>();
        api.get(board, "/api/org-units/" + provinceId + "/children?size=5").body().path("items").forEach(communes::add);
        if (communes.size() < 2) {
            return;
        }
        Identity provinceOfficer = new Identity("demo-officer-" + provinceId, "Văn phòng Tỉnh ủy", provinceId,
                List.of("PROVINCE_OFFICER"));
        String commune = communes.get(0).path("id").asString();
        Identity communeOfficer = new Identity("demo-officer-" + commune, "Văn phòng Đảng ủy xã", commune,
                List.of("UNIT_OFFICER"));

        for (int i = 0; i < 2; i++) {
            String memberId = "demo-dv-" + commune + "-" + (i + 1);
            JsonNode nomination = submit(communeOfficer, Map.of("year", year, "nominee", Map.of("kind", "INDIVIDUAL",
                    "name", PledgeTexts.fullName(random), "unitId", commune, "memberId", memberId),
                    "nominatingUnitId", commune, "field", i == 0 ? "ADMINISTRATIVE_REFORM" : "NEW_RURAL_DEVELOPMENT",
                    "achievements", MEMBER_ACHIEVEMENTS[random.nextInt(MEMBER_ACHIEVEMENTS.length)]), memberId);
            if (nomination != null) {
                review(nomination, provinceId, provinceOfficer, random.nextDouble() < 0.8);
            }
        }
        String[] model = MODELS[random.nextInt(MODELS.length)];
        JsonNode nomination = submit(communeOfficer, Map.of("year", year, "nominee", Map.of("kind", "MODEL",
                "name", model[0], "unitId", commune), "nominatingUnitId", commune, "field", model[1],
                "achievements", model[2]), "model-" + commune);
        if (nomination == null) {
            return;
        }
        JsonNode awarded = review(nomination, provinceId, provinceOfficer, true);
        for (JsonNode adopting : communes.subList(1, communes.size())) {
            String adoptingId = adopting.path("id").asString();
            Identity adopter = new Identity("demo-officer-" + adoptingId, "Văn phòng Đảng ủy xã", adoptingId,
                    List.of("UNIT_OFFICER"));
            tally.record(api.post(adopter, "/api/nominations/" + nomination.path("id").asString() + "/replications",
                    Map.of("adoptingUnitId", adoptingId, "note", "Áp dụng tại xã từ quý III"), Map.of()), "model replicated");
        }
        if (awarded != null) {
            escalate(awarded, provinceOfficer);
        }
    }

    private JsonNode submit(Identity officer, Map<String, Object> body, String key) {
        ApiResponse response = api.post(officer, "/api/nominations", body,
                Map.of("Idempotency-Key", "demo-" + year + "-nomination-" + key));
        tally.record(response, "nominated");
        return response.status() == 201 ? response.body() : null;
    }

    /** The council of {@code councilUnit} votes, then its officer decides; returns the nomination if awarded. */
    private JsonNode review(JsonNode nomination, String councilUnit, Identity decider, boolean approve) {
        String id = nomination.path("id").asString();
        int members = councilUnit.equals("vn") ? 7 : 5;
        for (int i = 1; i <= members; i++) {
            Identity member = new Identity("demo-council-" + councilUnit + "-" + i, "Ủy viên Hội đồng thi đua",
                    councilUnit, List.of("COUNCIL_MEMBER"));
            boolean vote = approve ? i != members : i == 1;
            tally.record(api.post(member, "/api/nominations/" + id + "/votes", Map.of("approve", vote, "comment",
                    vote ? "Thành tích tiêu biểu, có sức lan tỏa" : "Chưa đủ tiêu chuẩn"), Map.of()), "vote cast");
        }
        String award = councilUnit.equals("vn") ? "DIPLOMA_OF_MERIT" : "CERTIFICATE_OF_MERIT";
        String decisionNo = (100 + Math.floorMod(id.hashCode(), 900)) + (councilUnit.equals("vn") ? "-QĐ/TW" : "-QĐ/TU");
        Map<String, Object> decision = approve
                ? Map.of("outcome", "AWARDED", "award", award, "decisionNo", decisionNo)
                : Map.of("outcome", "REJECTED", "decisionNo", decisionNo);
        ApiResponse response = api.post(decider, "/api/nominations/" + id + "/decision", decision, Map.of());
        tally.record(response, approve ? "awarded " + award : "rejected");
        return approve && response.ok() ? response.body() : null;
    }

    private void escalate(JsonNode awarded, Identity provinceOfficer) {
        String id = awarded.path("id").asString();
        ApiResponse escalated = api.post(provinceOfficer, "/api/nominations/" + id + "/escalation", Map.of(), Map.of());
        tally.record(escalated, "escalated to the central council");
        if (escalated.ok()) {
            review(escalated.body(), "vn", new Identity("demo-admin", "Hội đồng Thi đua – Khen thưởng Trung ương", "vn",
                    List.of("ADMIN")), true);
        }
    }
}
