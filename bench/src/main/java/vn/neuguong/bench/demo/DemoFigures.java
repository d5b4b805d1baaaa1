package vn.neuguong.bench.demo;

import java.time.Duration;
import java.util.List;

import tools.jackson.databind.JsonNode;
import vn.neuguong.bench.client.ApiClient;

/**
 * The national picture the demo leaves, as the dashboard's overview reads it: printed once the national aggregate
 * has caught up with the pledges stored (or after {@link #PATIENCE}).
 */
public class DemoFigures {

    private static final Duration PATIENCE = Duration.ofMinutes(3);

    private final ApiClient api;
    private final int year;

    public DemoFigures(ApiClient api, int year) {
        this.api = api;
        this.year = year;
    }

    public void print() throws InterruptedException {
        long stored = api.get(Tally.CENTRAL_BOARD, "/api/pledges?unitId=vn&year=" + year + "&size=1").body()
                .path("total").asLong();
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        JsonNode national = nationalAggregate();
        while (registeredAndWithdrawn(national) < stored && System.nanoTime() < deadline) {
            Thread.sleep(1_000);
            national = nationalAggregate();
        }
        JsonNode pledges = national.path("pledges");
        System.out.printf("National figures %d (aggregate as of %s):%n", year, national.path("asOf").asString());
        long registered = pledges.path("registered").asLong();
        long onTime = pledges.path("onTime").asLong();
        System.out.printf("  pledges registered %,d of %,d members expected: coverage %.3f %% (%,d on time, %,d late, "
                        + "%,d generic)%n", registered, pledges.path("expected").asLong(),
                100 * pledges.path("coverage").asDouble(), onTime, registered - onTime,
                pledges.path("generic").asLong());
        List<JsonNode> provinces = api.list(Tally.CENTRAL_BOARD, "/api/aggregates/vn/children?year=" + year);
        System.out.printf("  provinces with coverage above zero: %d of %d; lowest %.3f %%, highest %.3f %%%n",
                provinces.stream().filter(province -> province.path("pledges").path("coverage").asDouble() > 0).count(),
                provinces.size(),
                100 * provinces.stream().mapToDouble(p -> p.path("pledges").path("coverage").asDouble()).min().orElse(0),
                100 * provinces.stream().mapToDouble(p -> p.path("pledges").path("coverage").asDouble()).max().orElse(0));
        for (int quarter = 1; quarter <= 4; quarter++) {
            JsonNode completeness = api.get(Tally.CENTRAL_BOARD, "/api/completeness?unitId=vn&periodId=quy-" + quarter
                    + "-" + year + "&size=1").body();
            System.out.printf("  quarter %d reports: %,d of %,d expected submitted (%,d on time, %,d late), %,d approved%n",
                    quarter, completeness.path("submitted").asLong(), completeness.path("expected").asLong(),
                    completeness.path("onTime").asLong(), completeness.path("late").asLong(),
                    completeness.path("approved").asLong());
        }
    }

    private JsonNode nationalAggregate() {
        return api.get(Tally.CENTRAL_BOARD, "/api/aggregates/vn?year=" + year).body();
    }

    /** The stored pledges the aggregate has seen: withdrawn ones leave the registered count. */
    private static long registeredAndWithdrawn(JsonNode national) {
        return national.path("pledges").path("registered").asLong() + national.path("pledges").path("withdrawn").asLong();
    }
}
