package vn.neuguong.systemtest;

import static vn.neuguong.systemtest.SystemStack.get;
import static vn.neuguong.systemtest.SystemStack.json;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.databind.JsonNode;

/** The pledge figures of an aggregate, and the same figures recounted from the pledges pledge-service holds. */
final class PledgeFigures {

    private static final int PAGE = 200;

    /**
     * The figures DESIGN.md's aggregate shows, recounted from every pledge of the year in the unit's subtree (the
     * whole country when {@code unitId} is null), read page by page through the gateway.
     */
    static Map<String, Long> recount(String unitId, int year, String token) throws Exception {
        Map<String, Long> counts = new TreeMap<>();
        for (String name : List.of("registered", "individual", "collective", "onTime", "generic", "selfAssessed",
                "withdrawn", "EXCELLENT", "GOOD", "COMPLETED", "NOT_COMPLETED")) {
            counts.put(name, 0L);
        }
        String filter = (unitId == null ? "" : "unitId=" + unitId + "&") + "year=" + year;
        for (int page = 0; ; page++) {
            JsonNode items = json(get("/api/pledges?" + filter + "&size=" + PAGE + "&page=" + page, token))
                    .path("items");
            items.forEach(pledge -> count(pledge, counts));
            if (items.size() < PAGE) {
                return counts;
            }
        }
    }

    private static void count(JsonNode pledge, Map<String, Long> counts) {
        String status = pledge.path("status").asString();
        if (status.equals("WITHDRAWN")) {
            counts.merge("withdrawn", 1L, Long::sum);
            return;
        }
        counts.merge("registered", 1L, Long::sum);
        counts.merge(pledge.path("pledger").path("kind").asString().equals("INDIVIDUAL") ? "individual" : "collective",
                1L, Long::sum);
        counts.merge("onTime", pledge.path("onTime").asBoolean() ? 1L : 0L, Long::sum);
        counts.merge("generic", pledge.path("specificity").path("generic").asBoolean() ? 1L : 0L, Long::sum);
        counts.merge("selfAssessed", status.equals("SELF_ASSESSED") || status.equals("EVALUATED") ? 1L : 0L,
                Long::sum);
        if (status.equals("EVALUATED")) {
            counts.merge(pledge.path("evaluation").path("grade").asString(), 1L, Long::sum);
        }
    }

    /** The same figures as an aggregate ({@code GET /api/aggregates/{unit}}) shows them. */
    static Map<String, Long> of(JsonNode aggregate) {
        JsonNode pledges = aggregate.path("pledges");
        Map<String, Long> figures = new TreeMap<>();
        for (String name : List.of("registered", "individual", "collective", "onTime", "generic", "selfAssessed",
                "withdrawn")) {
            figures.put(name, pledges.path(name).asLong());
        }
        for (String grade : List.of("EXCELLENT", "GOOD", "COMPLETED", "NOT_COMPLETED")) {
            figures.put(grade, pledges.path("evaluated").path(grade).asLong());
        }
        return figures;
    }

    private PledgeFigures() {
    }
}
