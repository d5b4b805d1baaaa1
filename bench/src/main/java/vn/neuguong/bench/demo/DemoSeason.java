package vn.neuguong.bench.demo;

import java.time.Year;
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
 * Publishes a realistic pledge season through the public API, as the communes would: in every province a
 * few communes, their members' individual pledges (concrete and generic ones) and the party committee's
 * collective pledge; then some are revised, self-assessed, evaluated and withdrawn. Deterministic for a seed,
 * and safe to run twice: every registration carries an Idempotency-Key.
 */
public class DemoSeason {

    private final ApiClient api;
    private final int year;
    private final int communesPerProvince;
    private final int membersPerCommune;
    private final long seed;
    private final Tally tally = new Tally();

    public DemoSeason(ApiClient api, int year, int communesPerProvince, int membersPerCommune, long seed) {
        this.api = api;
        this.year = year;
        this.communesPerProvince = communesPerProvince;
        this.membersPerCommune = membersPerCommune;
        this.seed = seed;
    }

    public static int currentYear() {
        return Year.now().getValue();
    }

    public Map<String, AtomicInteger> run() throws Exception {
        List<JsonNode> registering = new ArrayList<>();
        for (JsonNode province : DemoUnits.provinces(api)) {
            List<JsonNode> communes = DemoUnits.communes(api, province.path("id").asString());
            Random pick = new Random(seed ^ province.path("id").asString().hashCode());
            for (int i = 0; i < Math.min(communesPerProvince, communes.size()); i++) {
                registering.add(communes.get(pick.nextInt(communes.size())));
            }
        }
        DemoUnits.inParallel(registering, 8, this::commune);
        return tally.counts();
    }

    private void commune(JsonNode commune) {
        String unitId = commune.path("id").asString();
        Random random = new Random(seed ^ unitId.hashCode());
        Identity officer = new Identity("demo-officer-" + unitId, "Văn phòng Đảng ủy " + commune.path("name").asString(),
                unitId, List.of("UNIT_OFFICER"));

        Map<String, Object> collective = pledge(unitId, Map.of("kind", "COLLECTIVE", "name",
                "Đảng ủy " + commune.path("name").asString()), PledgeTexts.collective(commune.path("name").asString(), year));
        ApiResponse registered = register(officer, collective, "demo-" + year + "-collective-" + unitId);
        if (registered != null) {
            selfAssess(officer, registered, random);
            evaluate(officer, registered, random);
        }
        for (int i = 1; i <= membersPerCommune; i++) {
            member(officer, unitId, i, random);
        }
    }

    private void member(Identity officer, String unitId, int index, Random random) {
        String memberId = "demo-dv-" + unitId + "-" + index;
        String fullName = PledgeTexts.fullName(random);
        Identity member = new Identity(memberId, fullName, unitId, List.of("MEMBER"));
        boolean concrete = random.nextDouble() < 0.65;
        Map<String, Object> pledger = Map.of("kind", "INDIVIDUAL", "memberId", memberId, "fullName", fullName,
                "position", PledgeTexts.position(random));
        Map<String, Object> body = pledge(unitId, pledger, concrete ? PledgeTexts.concrete(random, year, 2 + random.nextInt(2))
                : PledgeTexts.generic(random, 2));
        ApiResponse pledge = register(member, body, "demo-" + year + "-" + memberId);
        if (pledge == null) {
            return;
        }
        if (!concrete && random.nextDouble() < 0.3) {
            Map<String, Object> revised = pledge(unitId, pledger, PledgeTexts.concrete(random, year, 2));
            ApiResponse response = api.put(member, "/api/pledges/" + pledge.body().path("id").asString(), revised,
                    Map.of("If-Match", "\"" + pledge.version() + "\""));
            tally.record(response, "revised");
            if (response.ok()) {
                pledge = response;
            }
        }
        double fate = random.nextDouble();
        if (fate < 0.04) {
            // members register and assess their own pledge; withdrawing it is the unit's decision
            ApiResponse response = api.post(officer, path(pledge, "withdrawal"),
                    Map.of("reason", "Chuyển sinh hoạt đảng sang đơn vị khác"), Map.of());
            tally.record(response, "withdrawn");
        } else if (fate < 0.75) {
            ApiResponse assessed = selfAssess(member, pledge, random);
            if (assessed != null && random.nextDouble() < 0.8) {
                evaluate(officer, assessed, random);
            }
        }
    }

    private Map<String, Object> pledge(String unitId, Map<String, Object> pledger, List<Map<String, Object>> commitments) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("year", year);
        body.put("unitId", unitId);
        body.put("pledger", pledger);
        body.put("commitments", commitments);
        return body;
    }

    private ApiResponse register(Identity as, Map<String, Object> body, String idempotencyKey) {
        ApiResponse response = api.post(as, "/api/pledges", body, Map.of("Idempotency-Key", idempotencyKey));
        if (response.status() == 409 && response.body().has("existingId")) {
            tally.record(response, "already registered");
            return null;
        }
        tally.record(response, "registered");
        return response.ok() ? response : null;
    }

    private ApiResponse selfAssess(Identity as, ApiResponse pledge, Random random) {
        List<Map<String, Object>> outcomes = new ArrayList<>();
        int commitments = pledge.body().path("commitments").size();
        for (int i = 0; i < commitments; i++) {
            boolean done = random.nextDouble() < 0.8;
            outcomes.add(Map.of("commitmentIndex", i, "done", done, "note",
                    done ? "Đã hoàn thành, có minh chứng kèm theo" : "Chưa hoàn thành do thay đổi nhiệm vụ"));
        }
        ApiResponse response = api.post(as, path(pledge, "self-assessment"), Map.of("outcomes", outcomes, "summary",
                "Tự đánh giá cuối năm " + year), Map.of());
        tally.record(response, "self-assessed");
        return response.ok() ? response : null;
    }

    private void evaluate(Identity officer, ApiResponse pledge, Random random) {
        double roll = random.nextDouble();
        String grade = roll < 0.25 ? "EXCELLENT" : roll < 0.7 ? "GOOD" : roll < 0.95 ? "COMPLETED" : "NOT_COMPLETED";
        ApiResponse response = api.post(officer, path(pledge, "evaluation"), Map.of("grade", grade, "comment",
                "Chi bộ đánh giá theo kết quả thực hiện cam kết"), Map.of());
        tally.record(response, "evaluated " + grade);
    }

    private static String path(ApiResponse pledge, String action) {
        return "/api/pledges/" + pledge.body().path("id").asString() + "/" + action;
    }

}
