package vn.neuguong.bench.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;
import vn.neuguong.bench.client.ApiClient;
import vn.neuguong.bench.client.ApiClient.Identity;
import vn.neuguong.bench.client.ApiResponse;

/**
 * The reporting part of the demo, through the public API: an interim review period (sơ kết) of the year with due
 * dates ahead; in some provinces a few communes report for it (one is returned with a reason and resubmitted, the
 * others approved by the province), the province reports and the central board approves it; a few communes report
 * late for last year's annual period; and a national online review conference whose connection points check in
 * (one commune corrects its figure). Safe to run twice: the services refuse what exists already, and the tally
 * says so.
 */
public class DemoReports {

    private static final String[] RESULTS = {
        "Tổ chức học tập chuyên đề năm cho 100% chi bộ; đảng viên đăng ký làm theo gắn với nhiệm vụ được giao.",
        "Xây dựng mô hình \"Dân vận khéo\" trong chuyển đổi số; 90% hồ sơ thủ tục hành chính nộp trực tuyến.",
        "Giải quyết dứt điểm các kiến nghị về đường giao thông nông thôn và nước sạch mà nhân dân quan tâm."};

    private final ApiClient api;
    private final int year;
    private final long seed;
    private final Tally tally = new Tally();

    public DemoReports(ApiClient api, int year, long seed) {
        this.api = api;
        this.year = year;
        this.seed = seed;
    }

    public Map<String, AtomicInteger> run() {
        Identity board = Tally.CENTRAL_BOARD;
        Identity admin = new Identity("demo-admin", "Quản trị hệ thống", "vn", List.of("ADMIN"));
        String interim = "so-ket-" + year;
        LocalDate today = LocalDate.now();
        tally.record(api.post(admin, "/api/periods", Map.of("id", interim, "kind", "INTERIM_REVIEW",
                "title", "Sơ kết thực hiện Chỉ thị 05-CT/TW năm " + year, "from", year + "-01-01",
                "to", today.toString(), "dueDates", Map.of("GRASSROOTS", today.plusDays(20).toString(),
                        "PROVINCE", today.plusDays(35).toString(), "CENTRAL", today.plusDays(50).toString())), Map.of()),
                "period created");

        List<JsonNode> provinces = new ArrayList<>();
        api.get(board, "/api/org-units/vn/children?size=200").body().path("items").forEach(unit -> {
            if ("PROVINCE".equals(unit.path("level").asString()) && unit.path("validTo").isNull()) {
                provinces.add(unit);
            }
        });
        List<String> conferenceUnits = new ArrayList<>();
        for (int i = 0; i < provinces.size(); i += 4) {
            province(board, provinces.get(i), interim, conferenceUnits);
        }
        conference(board, conferenceUnits);
        return tally.counts();
    }

    private void province(Identity board, JsonNode province, String interim, List<String> conferenceUnits) {
        String provinceId = province.path("id").asString();
        Random random = new Random(seed ^ provinceId.hashCode());
        Identity provinceOfficer = new Identity("demo-officer-" + provinceId, "Văn phòng Tỉnh ủy "
                + province.path("name").asString(), provinceId, List.of("PROVINCE_OFFICER"));
        List<JsonNode> communes = new ArrayList<>();
        api.get(board, "/api/org-units/" + provinceId + "/children?size=4").body().path("items").forEach(communes::add);
        for (int i = 0; i < communes.size(); i++) {
            String communeId = communes.get(i).path("id").asString();
            conferenceUnits.add(communeId);
            Identity communeOfficer = new Identity("demo-officer-" + communeId, "Văn phòng Đảng ủy "
                    + communes.get(i).path("name").asString(), communeId, List.of("UNIT_OFFICER"));
            if (i == communes.size() - 1) {
                tally.record(submit(communeOfficer, communeId, String.valueOf(year - 1), random), "late annual report");
                continue;
            }
            ApiResponse report = submit(communeOfficer, communeId, interim, random);
            tally.record(report, "interim report submitted");
            if (!report.ok()) {
                continue;
            }
            String path = "/api/reports/" + report.body().path("id").asString();
            if (i == 0) {
                tally.record(api.post(provinceOfficer, path + "/return", Map.of("reason",
                        "Đề nghị bổ sung số liệu vấn đề bức xúc đã giải quyết và bài học kinh nghiệm"), Map.of()),
                        "interim report returned");
                if (random.nextBoolean()) {
                    tally.record(submit(communeOfficer, communeId, interim, random), "interim report resubmitted");
                }
            } else {
                tally.record(api.post(provinceOfficer, path + "/approval", Map.of("comment", "Đồng ý"), Map.of()),
                        "interim report approved");
            }
        }
        ApiResponse own = submit(provinceOfficer, provinceId, interim, random);
        tally.record(own, "province report submitted");
        if (own.ok() && random.nextInt(3) > 0) {
            tally.record(api.post(board, "/api/reports/" + own.body().path("id").asString() + "/approval", Map.of(), Map.of()),
                    "province report approved");
        }
    }

    private ApiResponse submit(Identity officer, String unitId, String periodId, Random random) {
        JsonNode prefill = api.get(officer, "/api/reports/prefill?unitId=" + unitId + "&periodId=" + periodId).body();
        Map<String, Object> indicators = new LinkedHashMap<>();
        indicators.put("studySessions", 4 + random.nextInt(10));
        indicators.put("studyParticipants", 150 + random.nextInt(900));
        indicators.put("issuesResolved", random.nextInt(15));
        long registered = prefill.path("indicators").path("membersRegistered").path("value").asLong();
        if (random.nextInt(4) == 0) {
            indicators.put("membersRegistered", registered + 1 + random.nextInt(5));
        }
        return api.post(officer, "/api/reports", Map.of("unitId", unitId, "periodId", periodId, "indicators", indicators,
                "narrative", Map.of("results", RESULTS[random.nextInt(RESULTS.length)],
                        "limitations", "Việc học tập ở một số chi bộ còn hình thức, chưa gắn với nhiệm vụ cụ thể.",
                        "lessons", "Người đứng đầu phải gương mẫu; làm theo Bác phải bằng việc làm cụ thể, đo được.",
                        "proposals", "Đề nghị cấp trên hỗ trợ tài liệu học tập chuyên đề bằng hình thức số.")),
                Map.of("Idempotency-Key", "demo-" + periodId + "-" + unitId));
    }

    private void conference(Identity board, List<String> communes) {
        ApiResponse created = api.post(board, "/api/conferences", Map.of("title",
                "Hội nghị trực tuyến toàn quốc sơ kết Chỉ thị 05-CT/TW năm " + year, "hostUnitId", "vn",
                "startsAt", Instant.now().toString()), Map.of());
        tally.record(created, "conference created");
        if (!created.ok()) {
            return;
        }
        String path = "/api/conferences/" + created.body().path("id").asString() + "/attendance";
        for (String communeId : communes) {
            Random random = new Random(seed ^ communeId.hashCode());
            Identity officer = new Identity("demo-officer-" + communeId, "Văn phòng Đảng ủy", communeId,
                    List.of("UNIT_OFFICER"));
            int points = 3 + random.nextInt(8);
            tally.record(api.post(officer, path, Map.of("unitId", communeId, "connectionPoints", points,
                    "attendees", points * (60 + random.nextInt(40))), Map.of()), "conference check-in");
        }
        if (!communes.isEmpty()) {
            String first = communes.get(0);
            tally.record(api.post(new Identity("demo-officer-" + first, "Văn phòng Đảng ủy", first, List.of("UNIT_OFFICER")),
                    path, Map.of("unitId", first, "connectionPoints", 12, "attendees", 960), Map.of()),
                    "conference figure replaced");
        }
    }
}
