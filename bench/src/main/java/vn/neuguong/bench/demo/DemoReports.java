package vn.neuguong.bench.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;
import vn.neuguong.bench.client.ApiClient;
import vn.neuguong.bench.client.ApiClient.Identity;
import vn.neuguong.bench.client.ApiResponse;

/**
 * The reporting part of the demo, through the public API: the four quarterly periods of the year (due 10 days after
 * the quarter for communes, 20 for provinces, 30 for the centre). For every quarter that has ended, most communes
 * report — fewer for later quarters — and their province approves most reports, returns a few with a reason (some
 * resubmitted) and leaves the rest in its queue; the provinces report and the central board approves most; a quarter
 * that has not ended has no reports yet. Then a national online review conference whose connection points check in
 * (one commune corrects its figure). The server dates every report: one sent after its due date is late. Safe to run
 * twice: every write carries an Idempotency-Key.
 */
public class DemoReports {

    private static final String[] RESULTS = {
        "Tổ chức học tập chuyên đề năm cho 100% chi bộ; đảng viên đăng ký làm theo gắn với nhiệm vụ được giao.",
        "Xây dựng mô hình \"Dân vận khéo\" trong chuyển đổi số; 90% hồ sơ thủ tục hành chính nộp trực tuyến.",
        "Giải quyết dứt điểm các kiến nghị về đường giao thông nông thôn và nước sạch mà nhân dân quan tâm."};
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final String[] ROMAN = {"I", "II", "III", "IV"};
    /** Of the communes, how many report for the 1st, 2nd, 3rd and 4th quarter; of those, how many are approved. */
    private static final double[] REPORTING = {0.97, 0.93, 0.86, 0.8};
    private static final double[] APPROVED = {0.96, 0.9, 0.7, 0.6};

    private final ApiClient api;
    private final int year;
    private final long seed;
    private final Tally tally = new Tally();

    public DemoReports(ApiClient api, int year, long seed) {
        this.api = api;
        this.year = year;
        this.seed = seed;
    }

    public Map<String, AtomicInteger> run() throws Exception {
        Identity board = Tally.CENTRAL_BOARD;
        Identity admin = new Identity("demo-admin", "Quản trị hệ thống", "vn", List.of("ADMIN"));
        List<JsonNode> provinces = DemoUnits.provinces(api);
        Map<String, List<JsonNode>> communes = new LinkedHashMap<>();
        for (JsonNode province : provinces) {
            communes.put(province.path("id").asString(), DemoUnits.communes(api, province.path("id").asString()));
        }
        LocalDate today = LocalDate.now(VIETNAM);
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            for (int quarter = 1; quarter <= 4; quarter++) {
                String period = quarter(admin, quarter);
                if (!LocalDate.of(year, quarter * 3, 1).plusMonths(1).isAfter(today)) {
                    reportQuarter(pool, board, provinces, communes, period, quarter);
                }
            }
        } finally {
            pool.shutdown();
        }
        List<String> conferenceUnits = new ArrayList<>();
        for (int i = 0; i < provinces.size(); i += 4) {
            communes.get(provinces.get(i).path("id").asString()).stream().limit(3)
                    .forEach(commune -> conferenceUnits.add(commune.path("id").asString()));
        }
        conference(board, conferenceUnits);
        return tally.counts();
    }

    /** Creates the quarter's period (again: refused as existing, which the tally says) and answers its id. */
    private String quarter(Identity admin, int quarter) {
        String id = "quy-" + quarter + "-" + year;
        LocalDate from = LocalDate.of(year, quarter * 3 - 2, 1);
        LocalDate to = from.plusMonths(3).minusDays(1);
        tally.record(api.post(admin, "/api/periods", Map.of("id", id, "kind", "QUARTERLY",
                "title", "Báo cáo quý " + ROMAN[quarter - 1] + " năm " + year + " thực hiện Chỉ thị 05-CT/TW",
                "from", from.toString(), "to", to.toString(), "dueDates", Map.of(
                        "GRASSROOTS", to.plusDays(10).toString(), "PROVINCE", to.plusDays(20).toString(),
                        "CENTRAL", to.plusDays(30).toString())), Map.of("Idempotency-Key", "demo-period-" + id)),
                "period created");
        return id;
    }

    private void reportQuarter(ExecutorService pool, Identity board, List<JsonNode> provinces,
            Map<String, List<JsonNode>> communes, String period, int quarter) throws Exception {
        List<Future<?>> work = new ArrayList<>();
        for (JsonNode province : provinces) {
            String provinceId = province.path("id").asString();
            Identity office = new Identity("demo-officer-" + provinceId, "Văn phòng Tỉnh ủy "
                    + province.path("name").asString(), provinceId, List.of("PROVINCE_OFFICER"));
            for (JsonNode commune : communes.get(provinceId)) {
                work.add(pool.submit(() -> commune(office, commune, period, quarter)));
            }
        }
        for (Future<?> done : work) {
            done.get();
        }
        Random random = new Random(seed ^ period.hashCode());
        for (JsonNode province : provinces) {
            if (random.nextDouble() < 0.06) {
                continue;
            }
            String provinceId = province.path("id").asString();
            Identity office = new Identity("demo-officer-" + provinceId, "Văn phòng Tỉnh ủy "
                    + province.path("name").asString(), provinceId, List.of("PROVINCE_OFFICER"));
            ApiResponse own = submit(office, provinceId, period, random);
            tally.record(own, "province report submitted");
            if (own.ok() && random.nextDouble() < APPROVED[quarter - 1] + 0.1) {
                tally.record(api.post(board, "/api/reports/" + own.body().path("id").asString() + "/approval",
                        Map.of(), Map.of("Idempotency-Key", "demo-approval-" + own.body().path("id").asString())),
                        "province report approved");
            }
        }
    }

    /** A commune reports (or not) and its province reviews the report. */
    private Void commune(Identity office, JsonNode commune, String period, int quarter) {
        String communeId = commune.path("id").asString();
        Random random = new Random(seed ^ (period + communeId).hashCode());
        if (random.nextDouble() >= REPORTING[quarter - 1]) {
            return null;
        }
        Identity officer = new Identity("demo-officer-" + communeId, "Văn phòng Đảng ủy "
                + commune.path("name").asString(), communeId, List.of("UNIT_OFFICER"));
        ApiResponse report = retried(() -> submit(officer, communeId, period, random));
        tally.record(report, "commune report submitted");
        if (!report.ok()) {
            return null;
        }
        String path = "/api/reports/" + report.body().path("id").asString();
        double review = random.nextDouble();
        if (review < APPROVED[quarter - 1]) {
            tally.record(retried(() -> api.post(office, path + "/approval", Map.of("comment", "Đồng ý"),
                    Map.of("Idempotency-Key", "demo-approval-" + report.body().path("id").asString()))),
                    "commune report approved");
        } else if (review < APPROVED[quarter - 1] + 0.05) {
            tally.record(api.post(office, path + "/return", Map.of("reason",
                    "Đề nghị bổ sung số liệu vấn đề bức xúc đã giải quyết và bài học kinh nghiệm"),
                    Map.of("Idempotency-Key", "demo-return-" + report.body().path("id").asString())),
                    "commune report returned");
        }
        return null;
    }

    /**
     * A write sent again while the service answers 502 or 503 (busy, or restarting): safe, since every write of the
     * demo carries an Idempotency-Key.
     */
    private static ApiResponse retried(Supplier<ApiResponse> write) {
        ApiResponse response = write.get();
        for (int attempt = 1; attempt < 4 && (response.status() == 502 || response.status() == 503); attempt++) {
            try {
                Thread.sleep(500L * attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return response;
            }
            response = write.get();
        }
        return response;
    }

    private ApiResponse submit(Identity officer, String unitId, String periodId, Random random) {
        Map<String, Object> indicators = new LinkedHashMap<>();
        indicators.put("studySessions", 2 + random.nextInt(6));
        indicators.put("studyParticipants", 150 + random.nextInt(900));
        indicators.put("issuesResolved", random.nextInt(15));
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
                "startsAt", Instant.now().toString()), Map.of("Idempotency-Key", "demo-conference-" + year));
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
                    "attendees", points * (60 + random.nextInt(40))), Map.of("Idempotency-Key", "demo-" + communeId)),
                    "conference check-in");
        }
        if (!communes.isEmpty()) {
            String first = communes.get(0);
            tally.record(api.post(new Identity("demo-officer-" + first, "Văn phòng Đảng ủy", first, List.of("UNIT_OFFICER")),
                    path, Map.of("unitId", first, "connectionPoints", 12, "attendees", 960),
                    Map.of("Idempotency-Key", "demo-correction-" + first)),
                    "conference figure replaced");
        }
    }
}
