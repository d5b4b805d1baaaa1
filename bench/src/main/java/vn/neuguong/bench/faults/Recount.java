package vn.neuguong.bench.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;
import vn.neuguong.bench.client.ApiClient;
import vn.neuguong.bench.client.ApiClient.Identity;
import vn.neuguong.bench.client.ApiResponse;

/**
 * Compares a unit's published aggregate with a recount of the owning services' data, read through the API as the
 * central board reads it: pledges by status (pledge-service), nominations (recognition-service) and, for a
 * commune, its submitted reports of the year (reporting-service's reports, not its aggregates).
 */
final class Recount {

    /** A figure of a unit's aggregate that differs from its recount. */
    record Difference(String unitId, String figure, long aggregate, long recount) {

        @Override
        public String toString() {
            return unitId + " " + figure + ": aggregate " + aggregate + ", recount " + recount;
        }
    }

    private final ApiClient api;
    private final Identity board;
    private final int year;

    Recount(ApiClient api, Identity board, int year) {
        this.api = api;
        this.board = board;
        this.year = year;
    }

    /**
     * Waits up to {@code patience} for every aggregate to equal its recount (the last events may still be on
     * their way), and returns the differences left.
     */
    List<Difference> settle(Collection<String> units, Collection<String> communes, Duration patience)
            throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            try {
                List<Difference> differences = differences(units, communes);
                if (differences.isEmpty() || System.nanoTime() > deadline) {
                    return differences;
                }
            } catch (IllegalStateException unreadable) {
                if (System.nanoTime() > deadline) {
                    throw unreadable;
                }
            }
            Thread.sleep(1_000);
        }
    }

    List<Difference> differences(Collection<String> units, Collection<String> communes) {
        List<Difference> differences = new ArrayList<>();
        for (String unit : units) {
            JsonNode aggregate = aggregate(unit);
            Map<String, Long> recount = recount(unit, communes.contains(unit));
            recount.forEach((figure, count) -> {
                long published = figure(aggregate, figure);
                if (published != count) {
                    differences.add(new Difference(unit, figure, published, count));
                }
            });
        }
        return differences;
    }

    private Map<String, Long> recount(String unit, boolean commune) {
        long registered = pledges(unit, "REGISTERED");
        long selfAssessed = pledges(unit, "SELF_ASSESSED");
        long evaluated = pledges(unit, "EVALUATED");
        Map<String, Long> recount = new LinkedHashMap<>();
        recount.put("pledges.registered", registered + selfAssessed + evaluated);
        recount.put("pledges.selfAssessed", selfAssessed + evaluated);
        recount.put("pledges.evaluated", evaluated);
        recount.put("pledges.withdrawn", pledges(unit, "WITHDRAWN"));
        recount.put("recognition.nominated", total("/api/nominations?unitId=" + unit + "&year=" + year));
        if (commune) {
            recount.put("reports.submitted", submittedReports(unit));
        }
        return recount;
    }

    private long pledges(String unit, String status) {
        return total("/api/pledges?unitId=" + unit + "&year=" + year + "&status=" + status);
    }

    /** Reports of the unit counted in the year: submitted or approved, of a period ending in the year. */
    private long submittedReports(String unit) {
        return api.list(board, "/api/reports?unitId=" + unit).stream()
                .filter(report -> report.path("year").asInt() == year)
                .filter(report -> List.of("SUBMITTED", "APPROVED").contains(report.path("status").asString()))
                .count();
    }

    /** A figure of the aggregate; {@code pledges.evaluated} is the sum of its grades. */
    private static long figure(JsonNode aggregate, String figure) {
        JsonNode node = aggregate;
        for (String part : figure.split("\\.")) {
            node = node.path(part);
        }
        if (node.isObject()) {
            long sum = 0;
            for (JsonNode grade : node) {
                sum += grade.asLong();
            }
            return sum;
        }
        return node.asLong();
    }

    /** A unit without any figure of the year has no aggregate yet: all its figures are zero. */
    private JsonNode aggregate(String unit) {
        ApiResponse response = api.get(board, "/api/aggregates/" + unit + "?year=" + year);
        return response.status() == 404 ? MissingNode.getInstance() : read(response, unit);
    }

    private long total(String path) {
        return read(path + "&size=1").path("total").asLong();
    }

    private JsonNode read(String path) {
        return read(api.get(board, path), path);
    }

    private static JsonNode read(ApiResponse response, String path) {
        if (!response.ok()) {
            throw new IllegalStateException("GET " + path + ": HTTP " + response.status() + " " + response.body());
        }
        return response.body();
    }
}
