package vn.neuguong.bench.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import tools.jackson.databind.JsonNode;
import vn.neuguong.bench.client.ApiClient;

/** The registry as the demo publishers read it (as the central board), and their work spread over threads. */
final class DemoUnits {

    /** A piece of a demo publisher's work on one unit. */
    interface UnitWork {
        void on(JsonNode unit) throws Exception;
    }

    private DemoUnits() {
    }

    /** The provinces that exist today. */
    static List<JsonNode> provinces(ApiClient api) {
        return api.list(Tally.CENTRAL_BOARD, "/api/org-units/vn/children").stream()
                .filter(unit -> "PROVINCE".equals(unit.path("level").asString()) && unit.path("validTo").isNull())
                .toList();
    }

    /** The communes of a province that exist today. */
    static List<JsonNode> communes(ApiClient api, String provinceId) {
        return api.list(Tally.CENTRAL_BOARD, "/api/org-units/" + provinceId + "/children").stream()
                .filter(unit -> unit.path("validTo").isNull()).toList();
    }

    /** Does {@code work} on every unit, on {@code threads} threads; the first failure is thrown once all are done. */
    static void inParallel(List<JsonNode> units, int threads, UnitWork work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (JsonNode unit : units) {
                running.add(pool.submit(() -> {
                    work.on(unit);
                    return null;
                }));
            }
            for (Future<?> future : running) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
    }
}
