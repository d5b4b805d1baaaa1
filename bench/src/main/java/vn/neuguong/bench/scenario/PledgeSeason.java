package vn.neuguong.bench.scenario;

import java.time.Duration;
import java.time.Year;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import vn.neuguong.bench.client.ApiClient;
import vn.neuguong.bench.client.ApiClient.Identity;
import vn.neuguong.bench.cost.ProcessCpu;
import vn.neuguong.bench.load.Latencies;
import vn.neuguong.bench.load.OpenLoop;
import vn.neuguong.bench.scenario.NationalFigures.Commune;

/**
 * Commune officers of all 34 provinces register pledges at a fixed rate through the gateway. Reports the
 * achieved rate, HTTP latency, errors, the freshness of the national aggregate (from each 201 until the
 * national figure includes it, followed from outside), and whether the national and every province's figures
 * grew by exactly the number accepted.
 *
 * <p>Freshness attributes the k-th accepted pledge to the first national reading that is at least k above the
 * starting figure: exact for the count, approximate for which pledge it was, which is what an observer of
 * the published figure can know.
 *
 * <p>Its cost is the CPU time of the measured window — from the first counted request until the national figure
 * reflects every pledge the client saw accepted — per pledge accepted in it.
 */
public final class PledgeSeason {

    private static final Duration PROVINCES_SETTLE = Duration.ofSeconds(30);

    private final ApiClient api;
    private final ProcessCpu cpu;
    private final double rate;
    private final Duration duration;
    private final Duration warmUp;
    private final int year = Year.now().getValue();
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    public PledgeSeason(ApiClient api, ProcessCpu cpu, double rate, Duration duration, Duration warmUp) {
        this.api = api;
        this.cpu = cpu;
        this.rate = rate;
        this.duration = duration;
        this.warmUp = warmUp;
    }

    public Map<String, Object> run() throws InterruptedException {
        Identity board = new Identity("bench-central-board", "Ban Tuyên giáo Trung ương", "vn", List.of("CENTRAL_BOARD"));
        NationalFigures figures = new NationalFigures(api, board, year);
        List<Commune> communes = figures.communes(5);
        List<Identity> officers = communes.stream().map(commune -> new Identity("bench-officer-" + commune.id(),
                "Cán bộ " + commune.id(), commune.id(), List.of("UNIT_OFFICER"))).toList();
        officers.forEach(api::token);

        long nationalBefore = figures.registered();
        long storedBefore = figures.stored("vn");
        Map<String, Long> provincesBefore = figures.registeredByProvince();
        ConcurrentLinkedQueue<Long> acceptedAt = new ConcurrentLinkedQueue<>();
        Map<String, AtomicLong> acceptedByProvince = new ConcurrentHashMap<>();
        NationalFollower follower = new NationalFollower(figures);
        follower.start();

        AtomicReference<ProcessCpu.Sample> measuredStart = new AtomicReference<>(cpu.sample());
        OpenLoop.Outcome outcome = OpenLoop.run(rate, duration, warmUp, index -> {
            Commune commune = communes.get(index % communes.size());
            return api.postAsync(officers.get(index % communes.size()), "/api/pledges", pledge(commune, index))
                    .thenApply(response -> {
                        if (response.status() == 201) {
                            acceptedAt.add(System.nanoTime());
                            acceptedByProvince.computeIfAbsent(commune.provinceId(), p -> new AtomicLong()).incrementAndGet();
                            return true;
                        }
                        return false;
                    });
        }, () -> measuredStart.set(cpu.sample()));

        long accepted = acceptedAt.size();
        follower.awaitAtLeast(nationalBefore + accepted, Duration.ofSeconds(60));
        Map<String, Object> cost = cpu.costSince(measuredStart.get(), "pledge", outcome.succeeded());
        // A request the client gave up on may still have been stored: what the pledge service holds is the truth
        // the national figure must equal; the provinces are compared with what the client saw accepted, which is
        // only the whole truth when no request failed.
        long stored = settledStoredCount(figures) - storedBefore;
        boolean caughtUp = follower.awaitAtLeast(nationalBefore + stored, Duration.ofSeconds(60));
        follower.stop();
        long nationalAfter = figures.registered();
        long settleStart = System.nanoTime();
        List<String> wrongProvinces = List.of();
        if (outcome.failed() == 0) {
            wrongProvinces = wrongProvinces(figures, provincesBefore, acceptedByProvince);
            while (!wrongProvinces.isEmpty() && System.nanoTime() - settleStart < PROVINCES_SETTLE.toNanos()) {
                Thread.sleep(100);
                wrongProvinces = wrongProvinces(figures, provincesBefore, acceptedByProvince);
            }
        }
        long provincesSettledMs = Duration.ofNanos(System.nanoTime() - settleStart).toMillis();

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("scenario", "pledge-season");
        result.put("year", year);
        result.put("targetRate", rate);
        result.put("durationSeconds", duration.toSeconds());
        result.put("warmUpSeconds", warmUp.toSeconds());
        result.put("achievedPerSecond", Math.round(outcome.achievedPerSecond()));
        result.put("errors", outcome.failed());
        result.put("http", outcome.latencies().summary());
        result.put("freshness", follower.freshness(nationalBefore, acceptedAt.stream().mapToLong(Long::longValue).toArray()));
        result.put("accepted", accepted);
        result.put("stored", stored);
        result.put("nationalIncrease", nationalAfter - nationalBefore);
        result.put("nationalExact", nationalAfter - nationalBefore == stored);
        result.put("provincesChecked", outcome.failed() == 0);
        result.put("provincesExact", outcome.failed() == 0 && wrongProvinces.isEmpty());
        result.put("provinceMismatches", wrongProvinces);
        result.put("provincesSettledAfterNationalMs", provincesSettledMs);
        result.put("caughtUpWithin60s", caughtUp);
        result.put("cost", cost);
        return result;
    }

    /** The stored count once requests still in the server (their client may have given up) have finished. */
    private static long settledStoredCount(NationalFigures figures) throws InterruptedException {
        long previous = -1;
        long current = figures.stored("vn");
        while (current != previous) {
            Thread.sleep(1_000);
            previous = current;
            current = figures.stored("vn");
        }
        return current;
    }

    private static List<String> wrongProvinces(NationalFigures figures, Map<String, Long> before,
                                               Map<String, AtomicLong> accepted) {
        List<String> wrong = new ArrayList<>();
        for (var entry : figures.registeredByProvince().entrySet()) {
            long expected = before.getOrDefault(entry.getKey(), 0L)
                    + accepted.getOrDefault(entry.getKey(), new AtomicLong()).get();
            if (entry.getValue() != expected) {
                wrong.add(entry.getKey() + ": " + entry.getValue() + " ≠ " + expected);
            }
        }
        return wrong;
    }

    private Map<String, Object> pledge(Commune commune, int index) {
        String memberId = "bench-" + run + "-" + index;
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

    /** Polls the national figure from outside, recording when it grew. */
    private static final class NationalFollower {

        private final NationalFigures figures;
        private final List<long[]> readings = new ArrayList<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private Thread thread;

        NationalFollower(NationalFigures figures) {
            this.figures = figures;
        }

        void start() {
            thread = new Thread(() -> {
                while (running.get()) {
                    try {
                        long value = figures.registered();
                        synchronized (readings) {
                            readings.add(new long[] {System.nanoTime(), value});
                        }
                        Thread.sleep(25);
                    } catch (InterruptedException e) {
                        return;
                    } catch (RuntimeException e) {
                        // a failed reading is just a missing sample
                    }
                }
            }, "national-follower");
            thread.setDaemon(true);
            thread.start();
        }

        boolean awaitAtLeast(long target, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                synchronized (readings) {
                    if (!readings.isEmpty() && readings.get(readings.size() - 1)[1] >= target) {
                        return true;
                    }
                }
                Thread.sleep(25);
            }
            return false;
        }

        void stop() throws InterruptedException {
            running.set(false);
            thread.interrupt();
            thread.join(5_000);
        }

        Map<String, Object> freshness(long before, long[] acceptedAt) {
            Arrays.sort(acceptedAt);
            Latencies freshness = new Latencies();
            List<long[]> samples;
            synchronized (readings) {
                samples = List.copyOf(readings);
            }
            int sample = 0;
            int missing = 0;
            for (int k = 0; k < acceptedAt.length; k++) {
                while (sample < samples.size() && (samples.get(sample)[1] - before < k + 1
                        || samples.get(sample)[0] < acceptedAt[k])) {
                    sample++;
                }
                if (sample == samples.size()) {
                    missing = acceptedAt.length - k;
                    break;
                }
                freshness.record(samples.get(sample)[0] - acceptedAt[k]);
            }
            Map<String, Object> summary = freshness.summary();
            summary.put("neverReflected", missing);
            return summary;
        }
    }
}
