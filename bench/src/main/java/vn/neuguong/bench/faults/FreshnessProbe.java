package vn.neuguong.bench.faults;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import vn.neuguong.bench.client.ApiClient;
import vn.neuguong.bench.client.ApiClient.Identity;
import vn.neuguong.bench.client.ApiResponse;

/**
 * Freshness from outside: registers a pledge in a commune the load leaves alone and times how long its aggregate
 * takes to count it, again and again, until one is counted within {@link #FRESH}.
 */
final class FreshnessProbe {

    static final Duration FRESH = Duration.ofSeconds(1);
    private static final Duration PER_PROBE = Duration.ofSeconds(30);

    private final ApiClient api;
    private final CarefulClient client;
    private final Identity board;
    private final String commune;
    private final int year;
    private final String run;
    private int probes;

    FreshnessProbe(ApiClient api, CarefulClient client, Identity board, String commune, int year, String run) {
        this.api = api;
        this.client = client;
        this.board = board;
        this.commune = commune;
        this.year = year;
        this.run = run;
    }

    /** When freshness was back under a second (nanoTime), or empty if it was not within {@code patience}. */
    OptionalLong awaitFresh(Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            if (!register()) {
                continue;
            }
            long acknowledged = System.nanoTime();
            long stored = registered();
            if (stored < 1) {
                continue;
            }
            while (System.nanoTime() - acknowledged < PER_PROBE.toNanos()) {
                if (count("/api/aggregates/" + commune + "?year=" + year, "pledges.registered") >= stored) {
                    long reflected = System.nanoTime();
                    if (reflected - acknowledged <= FRESH.toNanos()) {
                        return OptionalLong.of(reflected);
                    }
                    break;
                }
                Thread.sleep(50);
            }
        }
        return OptionalLong.empty();
    }

    private boolean register() {
        int index = ++probes;
        String memberId = "faults-" + run + "-probe-" + index;
        Map<String, Object> pledge = Map.of("year", year, "unitId", commune, "pledger", Map.of("kind", "INDIVIDUAL",
                "memberId", memberId, "fullName", "Đảng viên " + index, "position", "Bí thư chi bộ thôn"),
                "commitments", List.of(Map.of("area", "DUTY",
                        "action", "Tổ chức " + (2 + index % 10) + " buổi đối thoại với nhân dân về đường liên thôn",
                        "linkedDuty", "Bí thư chi bộ thôn", "measure", "Số buổi đối thoại",
                        "target", (2 + index % 10) + " buổi", "dueDate", year + "-10-31")));
        Identity member = new Identity(memberId, "Đảng viên " + index, commune, List.of("MEMBER"));
        return client.write("register (freshness probe)", member, "POST", "/api/pledges", pledge).isPresent();
    }

    /** The commune's pledges as its aggregate counts them (withdrawn ones apart), from the pledge service. */
    private long registered() {
        String pledges = "/api/pledges?unitId=" + commune + "&year=" + year + "&size=1";
        long all = count(pledges, "total");
        long withdrawn = count(pledges + "&status=WITHDRAWN", "total");
        return all < 0 || withdrawn < 0 ? -1 : all - withdrawn;
    }

    /** A count read through the gateway; -1 while it cannot be read (a fault may still be under way). */
    private long count(String path, String field) {
        try {
            ApiResponse response = api.get(board, path);
            if (!response.ok()) {
                return -1;
            }
            var node = response.body();
            for (String part : field.split("\\.")) {
                node = node.path(part);
            }
            return node.asLong();
        } catch (IllegalStateException unreachable) {
            return -1;
        }
    }
}
