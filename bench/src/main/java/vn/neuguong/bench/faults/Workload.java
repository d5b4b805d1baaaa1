package vn.neuguong.bench.faults;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import vn.neuguong.bench.client.ApiClient.Identity;

/**
 * Every kind of write of the public API, in a season's proportions: pledges registered, revised, self-assessed,
 * evaluated and withdrawn; nominations and council votes; periodic reports. Each entity waits in the queue of the
 * state it is in, so no two writes race on one entity; the next write takes an entity from the queue its kind needs
 * (and registers a pledge when that queue is empty).
 */
final class Workload {

    /** The kinds of write of the season (opening a period for the reports is the administrator's, now and then). */
    static final Set<String> KINDS = Set.of("register", "revise", "self-assess", "evaluate", "withdraw", "nominate",
            "vote", "report");
    private static final int COUNCIL_MEMBERS = 5;
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    /** A commune the load writes in, its officer, and the province whose council reviews its nominations. */
    record Commune(String id, String provinceId, Identity officer) {
    }

    private record Pledge(String id, long version, Commune commune, Identity member) {
    }

    private record Nomination(String id, Commune commune, String reviewUnitId, int votes) {
    }

    private final CarefulClient client;
    private final List<Commune> communes;
    private final int year;
    private final String run;
    private final Identity admin = new Identity("faults-admin", "Quản trị hệ thống", "vn", List.of("ADMIN"));
    private final AtomicInteger sequence = new AtomicInteger();
    private final Queue<Pledge> registered = new ConcurrentLinkedQueue<>();
    private final Queue<Pledge> selfAssessed = new ConcurrentLinkedQueue<>();
    private final Queue<Nomination> submitted = new ConcurrentLinkedQueue<>();
    private final Queue<Commune> reportsDue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger periods = new AtomicInteger();
    private volatile String period;

    Workload(CarefulClient client, List<Commune> communes, int year, String run) {
        this.client = client;
        this.communes = communes;
        this.year = year;
        this.run = run;
    }

    /** One write, chosen by its share of the season's writes. */
    void next() {
        int roll = ThreadLocalRandom.current().nextInt(100);
        boolean done;
        if (roll < 10) {
            done = revise();
        } else if (roll < 25) {
            done = selfAssess();
        } else if (roll < 35) {
            done = evaluate();
        } else if (roll < 40) {
            done = withdraw();
        } else if (roll < 50) {
            done = nominate();
        } else if (roll < 65) {
            done = vote();
        } else if (roll < 70) {
            done = report();
        } else {
            done = false;
        }
        if (!done) {
            register();
        }
    }

    void register() {
        register("register", TIMEOUT);
    }

    /** A registration whose first attempt gives up after {@code firstTimeout}; true when it was acknowledged. */
    boolean registerInAHurry(Duration firstTimeout) {
        return register("register (client timed out)", firstTimeout);
    }

    private boolean register(String kind, Duration firstTimeout) {
        int index = sequence.incrementAndGet();
        Commune commune = communes.get(index % communes.size());
        String memberId = "faults-" + run + "-" + index;
        Identity member = new Identity(memberId, "Đảng viên " + index, commune.id(), List.of("MEMBER"));
        var response = client.write(kind, member, "POST", "/api/pledges", pledge(commune, memberId, index), Map.of(),
                firstTimeout);
        response.ifPresent(ok -> registered.add(new Pledge(ok.body().path("id").asString(), ok.version(), commune,
                member)));
        return response.isPresent();
    }

    private boolean revise() {
        Pledge pledge = registered.poll();
        if (pledge == null) {
            return false;
        }
        int index = sequence.incrementAndGet();
        client.write("revise", pledge.member(), "PUT", "/api/pledges/" + pledge.id(),
                pledge(pledge.commune(), pledge.member().sub(), index),
                Map.of("If-Match", "\"" + pledge.version() + "\""), TIMEOUT)
                .ifPresent(response -> registered.add(new Pledge(pledge.id(), response.version(), pledge.commune(),
                        pledge.member())));
        return true;
    }

    private boolean selfAssess() {
        Pledge pledge = registered.poll();
        if (pledge == null) {
            return false;
        }
        Map<String, Object> body = Map.of("outcomes", List.of(Map.of("commitmentIndex", 0, "done", true,
                "note", "Đã số hóa xong, có biên bản nghiệm thu")), "summary", "Tự đánh giá cuối năm " + year);
        client.write("self-assess", pledge.member(), "POST", "/api/pledges/" + pledge.id() + "/self-assessment", body)
                .ifPresent(response -> selfAssessed.add(new Pledge(pledge.id(), response.version(), pledge.commune(),
                        pledge.member())));
        return true;
    }

    private boolean evaluate() {
        Pledge pledge = selfAssessed.poll();
        if (pledge == null) {
            return false;
        }
        String grade = List.of("EXCELLENT", "GOOD", "COMPLETED", "NOT_COMPLETED")
                .get(ThreadLocalRandom.current().nextInt(4));
        client.write("evaluate", pledge.commune().officer(), "POST", "/api/pledges/" + pledge.id() + "/evaluation",
                Map.of("grade", grade, "comment", "Chi bộ đánh giá theo kết quả thực hiện cam kết"));
        return true;
    }

    private boolean withdraw() {
        Pledge pledge = registered.poll();
        if (pledge == null) {
            return false;
        }
        client.write("withdraw", pledge.commune().officer(), "POST", "/api/pledges/" + pledge.id() + "/withdrawal",
                Map.of("reason", "Chuyển sinh hoạt đảng sang đơn vị khác"));
        return true;
    }

    private boolean nominate() {
        int index = sequence.incrementAndGet();
        Commune commune = communes.get(index % communes.size());
        Map<String, Object> body = Map.of("year", year, "nominee", Map.of("kind", "INDIVIDUAL", "name",
                "Đảng viên " + index, "unitId", commune.id(), "memberId", "faults-" + run + "-nominee-" + index),
                "nominatingUnitId", commune.id(), "field", "ADMINISTRATIVE_REFORM",
                "achievements", "Hướng dẫn " + (40 + index % 100) + " hộ dân dùng dịch vụ công trực tuyến toàn trình.");
        client.write("nominate", commune.officer(), "POST", "/api/nominations", body)
                .ifPresent(response -> submitted.add(new Nomination(response.body().path("id").asString(), commune,
                        response.body().path("reviewUnitId").asString(commune.provinceId()), 0)));
        return true;
    }

    private boolean vote() {
        Nomination nomination = submitted.poll();
        if (nomination == null) {
            return false;
        }
        int voter = nomination.votes() + 1;
        Identity member = new Identity("faults-" + run + "-council-" + nomination.reviewUnitId() + "-" + voter,
                "Ủy viên Hội đồng thi đua", nomination.reviewUnitId(), List.of("COUNCIL_MEMBER"));
        client.write("vote", member, "POST", "/api/nominations/" + nomination.id() + "/votes",
                Map.of("approve", voter != COUNCIL_MEMBERS, "comment", "Thành tích tiêu biểu"))
                .ifPresent(response -> {
                    if (voter < COUNCIL_MEMBERS) {
                        submitted.add(new Nomination(nomination.id(), nomination.commune(), nomination.reviewUnitId(),
                                voter));
                    }
                });
        return true;
    }

    /** A commune's report for this run's current period; a new period once every commune has reported. */
    private boolean report() {
        Commune commune = reportsDue.poll();
        if (commune == null) {
            if (!openPeriod()) {
                return false;
            }
            commune = reportsDue.poll();
            if (commune == null) {
                return false;
            }
        }
        Map<String, Object> indicators = new LinkedHashMap<>();
        indicators.put("studySessions", 4 + ThreadLocalRandom.current().nextInt(10));
        indicators.put("studyParticipants", 150 + ThreadLocalRandom.current().nextInt(900));
        indicators.put("issuesResolved", ThreadLocalRandom.current().nextInt(15));
        client.write("report", commune.officer(), "POST", "/api/reports", Map.of("unitId", commune.id(),
                "periodId", period, "indicators", indicators, "narrative", Map.of(
                        "results", "Tổ chức học tập chuyên đề năm cho 100% chi bộ.",
                        "limitations", "Việc học tập ở một số chi bộ còn hình thức.",
                        "lessons", "Làm theo Bác phải bằng việc làm cụ thể, đo được.",
                        "proposals", "Đề nghị cấp trên hỗ trợ tài liệu học tập chuyên đề bằng hình thức số.")));
        return true;
    }

    private synchronized boolean openPeriod() {
        if (!reportsDue.isEmpty()) {
            return true;
        }
        String id = "faults-" + run + "-" + periods.incrementAndGet();
        LocalDate today = LocalDate.now();
        LocalDate from = LocalDate.of(year, 1, 1);
        Map<String, Object> body = Map.of("id", id, "kind", "INTERIM_REVIEW", "title", "Sơ kết (faults " + id + ")",
                "from", from.toString(), "to", (today.getYear() == year ? today : LocalDate.of(year, 12, 31)).toString(),
                "dueDates", Map.of("GRASSROOTS", today.plusDays(20).toString(), "PROVINCE", today.plusDays(35).toString(),
                        "CENTRAL", today.plusDays(50).toString()));
        if (client.write("open a period", admin, "POST", "/api/periods", body).isEmpty()) {
            return false;
        }
        period = id;
        reportsDue.addAll(communes);
        return true;
    }

    private Map<String, Object> pledge(Commune commune, String memberId, int index) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("year", year);
        body.put("unitId", commune.id());
        body.put("pledger", Map.of("kind", "INDIVIDUAL", "memberId", memberId, "fullName", "Đảng viên " + index,
                "position", "Công chức văn phòng - thống kê"));
        body.put("commitments", List.of(Map.of("area", "DUTY",
                "action", "Số hóa " + (100 + index % 400) + " hồ sơ hộ tịch lưu trữ của xã và cập nhật vào cơ sở dữ liệu dùng chung",
                "linkedDuty", "Công chức tư pháp - hộ tịch phụ trách lưu trữ", "measure", "Số hồ sơ được số hóa",
                "target", (100 + index % 400) + " hồ sơ", "dueDate", year + "-11-30")));
        return body;
    }

    /** The units whose aggregates the load changes: its communes, their provinces and the nation. */
    List<String> unitsTouched() {
        List<String> units = new ArrayList<>();
        communes.forEach(commune -> units.add(commune.id()));
        communes.stream().map(Commune::provinceId).distinct().forEach(units::add);
        units.add("vn");
        return units;
    }

    List<String> communeIds() {
        return communes.stream().map(Commune::id).toList();
    }
}
