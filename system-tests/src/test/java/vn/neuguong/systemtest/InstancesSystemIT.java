package vn.neuguong.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.neuguong.systemtest.SystemStack.get;
import static vn.neuguong.systemtest.SystemStack.getUntil;
import static vn.neuguong.systemtest.SystemStack.json;
import static vn.neuguong.systemtest.SystemStack.send;
import static vn.neuguong.systemtest.SystemStack.token;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Year;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Two instances of each service behind the gateway; one pledge-service and one reporting-service instance are
 * killed (SIGKILL) while pledges are being registered. A client that retries with the same {@code Idempotency-Key}
 * loses nothing: every pledge acknowledged is stored once, and the commune's aggregate equals a recount.
 */
@Order(50)
class InstancesSystemIT {

    private static final int YEAR = Year.now().getValue();
    private static final int PLEDGES = 30;
    private static final int KILL_AFTER = 8;
    private static String board;

    @BeforeAll
    static void startTwoInstancesOfEachService() throws Exception {
        SystemStack.ensureStarted();
        SystemStack.LocalShResult up = SystemStack.localSh("up", "--instances", "2");
        assertThat(up.exitCode()).as(up.output()).isZero();
        board = token("board-" + UUID.randomUUID(), "Ban Tuyên giáo Trung ương", "vn", "CENTRAL_BOARD");
    }

    @AfterAll
    static void backToOneInstance() throws Exception {
        SystemStack.localSh("up", "--instances", "1");
    }

    @Test
    void killingAnInstanceOfPledgeAndReportingServiceMidLoadLosesNothing() throws Exception {
        HttpResponse<String> children = getUntil("/api/org-units/p-01/children?size=3", board,
                response -> response.statusCode() == 200 && json(response).path("items").size() > 2);
        String commune = json(children).path("items").get(2).path("id").asString();
        String officer = token("officer-" + UUID.randomUUID(), "Văn phòng Đảng ủy", commune, "UNIT_OFFICER");

        Set<String> acknowledged = new LinkedHashSet<>();
        for (int i = 0; i < PLEDGES; i++) {
            if (i == KILL_AFTER) {
                kill("pledge-service-2");
                kill("reporting-service-2");
            }
            acknowledged.add(register(officer, commune));
        }

        for (String id : acknowledged) {
            assertThat(get("/api/pledges/" + id, board).statusCode()).as("acknowledged pledge " + id).isEqualTo(200);
        }
        List<String> stored = new ArrayList<>();
        json(get("/api/pledges?unitId=" + commune + "&year=" + YEAR + "&size=200", board)).path("items")
                .forEach(pledge -> stored.add(pledge.path("id").asString()));
        assertThat(stored).as("pledges stored once each").containsExactlyInAnyOrderElementsOf(acknowledged);

        HttpResponse<String> aggregate = getUntil("/api/aggregates/" + commune + "?year=" + YEAR, board,
                response -> response.statusCode() == 200
                        && json(response).path("pledges").path("registered").asLong() == stored.size());
        assertThat(json(aggregate).path("pledges").path("registered").asLong()).as(aggregate.body())
                .isEqualTo(stored.size());
    }

    /** Registers a pledge as a careful client does: the same key on every attempt until an answer that is final. */
    private static String register(String officer, String commune) throws Exception {
        String memberId = "dv-" + UUID.randomUUID();
        Map<String, Object> pledge = Map.of("year", YEAR, "unitId", commune, "pledger", Map.of("kind", "INDIVIDUAL",
                "memberId", memberId, "fullName", "Phạm Thị Dung", "position", "Đảng viên chi bộ thôn"),
                "commitments", List.of(Map.of("area", "DUTY",
                        "action", "Hướng dẫn 40 hộ dân đăng ký dịch vụ công trực tuyến toàn trình",
                        "linkedDuty", "Phụ trách công tác cải cách hành chính của xã",
                        "measure", "Số hộ đã sử dụng dịch vụ công trực tuyến", "target", "40 hộ",
                        "dueDate", YEAR + "-09-30")));
        Map<String, String> key = Map.of("Idempotency-Key", "instances-" + memberId);
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (true) {
            try {
                HttpResponse<String> response = send("POST", "/api/pledges", officer, pledge, key);
                if (response.statusCode() == 201 || response.statusCode() == 200) {
                    return json(response).path("id").asString();
                }
                assertThat(response.statusCode()).as(response.body()).isGreaterThanOrEqualTo(500);
            } catch (IOException e) {
                // the answer was lost: send it again with the same key
            }
            assertThat(System.nanoTime()).as("registered within 90 s").isLessThan(deadline);
            Thread.sleep(500);
        }
    }

    private static void kill(String name) throws Exception {
        long pid = Long.parseLong(Files.readString(SystemStack.HOME.resolve("pids/" + name + ".pid")).strip());
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow();
        process.destroyForcibly();
        process.onExit().get();
    }
}
