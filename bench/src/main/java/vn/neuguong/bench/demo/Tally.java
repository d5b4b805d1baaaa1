package vn.neuguong.bench.demo;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;

import vn.neuguong.bench.client.ApiClient.Identity;
import vn.neuguong.bench.client.ApiResponse;

/** What a demo publisher did, counted by outcome: successes by name, refusals with their HTTP status. */
final class Tally {

    /** The central board, who reads the registry the demo publishers work from. */
    static final Identity CENTRAL_BOARD = new Identity("demo-central-board", "Ban Tuyên giáo và Dân vận Trung ương",
            "vn", List.of("CENTRAL_BOARD"));

    private final Map<String, AtomicInteger> counts = new ConcurrentSkipListMap<>();

    void record(ApiResponse response, String what) {
        String key = response.ok() ? what : what + " refused (HTTP " + response.status() + ")";
        counts.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    }

    Map<String, AtomicInteger> counts() {
        return counts;
    }
}
