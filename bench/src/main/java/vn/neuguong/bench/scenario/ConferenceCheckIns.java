package vn.neuguong.bench.scenario;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import vn.neuguong.bench.client.ApiClient;
import vn.neuguong.bench.client.ApiClient.Identity;
import vn.neuguong.bench.client.ApiResponse;
import vn.neuguong.bench.cost.ProcessCpu;
import vn.neuguong.bench.load.OpenLoop;
import vn.neuguong.bench.scenario.NationalFigures.Commune;

/**
 * The national online conference of February 2026: 27,284 connection points in the 3,321 communes check in
 * through the gateway over the run, each check-in reporting its commune's running count of connection points and
 * attendees (the latest figure per unit replaces the earlier one), over 2 million attendees in all. A board member
 * follows the server-sent-event stream of totals throughout. Reports the check-in rate and latency, and the time
 * from the last check-in's acknowledgement to the first streamed national totals equal to the expected ones.
 *
 * <p>A commune's k-th check-in comes 3,321 check-ins after its (k−1)-th, so at any rate reached on one machine
 * they are seconds apart and arrive in order.
 *
 * <p>Its cost is the CPU time from the first check-in until the streamed totals equal the expected ones (or the
 * wait for them gives up), per check-in.
 */
public final class ConferenceCheckIns {

    public static final int CONNECTION_POINTS = 27_284;

    private final ApiClient api;
    private final ProcessCpu cpu;
    private final Duration duration;

    public ConferenceCheckIns(ApiClient api, ProcessCpu cpu, Duration duration) {
        this.api = api;
        this.cpu = cpu;
        this.duration = duration;
    }

    private record CheckIn(Commune commune, long connectionPoints, long attendees) {
    }

    private record Reading(long nanos, long connectionPoints, long attendees) {
    }

    public Map<String, Object> run() throws Exception {
        Identity board = new Identity("bench-central-board", "Ban Tuyên giáo Trung ương", "vn", List.of("CENTRAL_BOARD"));
        List<Commune> communes = new NationalFigures(api, board, Year.now().getValue())
                .communes(Integer.MAX_VALUE);
        List<CheckIn> plan = plan(communes);
        Map<String, Identity> officers = new HashMap<>();
        communes.forEach(commune -> officers.computeIfAbsent(commune.provinceId(), province -> new Identity(
                "bench-conference-" + province, "Cán bộ Tỉnh ủy " + province, province, List.of("PROVINCE_OFFICER"))));
        officers.values().forEach(api::token);

        ApiResponse created = api.post(board, "/api/conferences", Map.of("title",
                "Hội nghị trực tuyến toàn quốc (benchmark)", "hostUnitId", "vn", "startsAt", Instant.now().toString()),
                Map.of());
        if (created.status() != 201) {
            throw new IllegalStateException("Could not create the conference: HTTP " + created.status() + " " + created.body());
        }
        String conferenceId = created.body().path("id").asString();
        ConcurrentLinkedQueue<Reading> readings = new ConcurrentLinkedQueue<>();
        CompletableFuture<HttpResponse<Stream<String>>> stream = api.stream(board, "/api/conferences/" + conferenceId
                + "/totals/stream");
        stream.thenAccept(response -> follow(response, readings));

        Map<String, long[]> accepted = new ConcurrentHashMap<>();
        AtomicLong lastAck = new AtomicLong();
        double rate = plan.size() / (double) duration.toSeconds();
        ProcessCpu.Sample window = cpu.sample();
        OpenLoop.Outcome outcome = OpenLoop.run(rate, duration, Duration.ZERO, index -> {
            CheckIn checkIn = plan.get(index % plan.size());
            return api.postAsync(officers.get(checkIn.commune().provinceId()), "/api/conferences/" + conferenceId
                    + "/attendance", Map.of("unitId", checkIn.commune().id(), "connectionPoints",
                    checkIn.connectionPoints(), "attendees", checkIn.attendees())).thenApply(response -> {
                        if (response.status() != 200) {
                            return false;
                        }
                        lastAck.accumulateAndGet(System.nanoTime(), Math::max);
                        accepted.merge(checkIn.commune().id(), new long[] {checkIn.connectionPoints(),
                                checkIn.attendees()}, (a, b) -> b[0] > a[0] ? b : a);
                        return true;
                    });
        });

        long expectedPoints = accepted.values().stream().mapToLong(figures -> figures[0]).sum();
        long expectedAttendees = accepted.values().stream().mapToLong(figures -> figures[1]).sum();
        Long streamedAt = awaitReading(readings, expectedPoints, expectedAttendees, Duration.ofSeconds(30));
        Map<String, Object> cost = cpu.costSince(window, "check-in", outcome.succeeded());
        stream.thenAccept(response -> response.body().close());
        JsonNode totals = api.get(board, "/api/conferences/" + conferenceId + "/totals").body();

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("scenario", "conference");
        result.put("conferenceId", conferenceId);
        result.put("communes", communes.size());
        result.put("checkIns", plan.size());
        result.put("durationSeconds", duration.toSeconds());
        result.put("targetRate", Math.round(rate));
        result.put("achievedPerSecond", Math.round(outcome.achievedPerSecond()));
        result.put("errors", outcome.failed());
        result.put("http", outcome.latencies().summary());
        result.put("expectedConnectionPoints", expectedPoints);
        result.put("expectedAttendees", expectedAttendees);
        result.put("totalsConnectionPoints", totals.path("connectionPoints").asLong());
        result.put("totalsAttendees", totals.path("attendees").asLong());
        result.put("totalsExact", totals.path("connectionPoints").asLong() == expectedPoints
                && totals.path("attendees").asLong() == expectedAttendees);
        result.put("streamEvents", readings.size());
        result.put("lastCheckInToStreamedTotalsMs", streamedAt == null ? null
                : Math.round((streamedAt - lastAck.get()) / 1e4) / 100.0);
        result.put("cost", cost);
        return result;
    }

    /** Spreads the connection points over the communes, 8 or 9 each, 70–89 attendees per point. */
    static List<CheckIn> plan(List<Commune> communes) {
        int[] points = new int[communes.size()];
        for (int i = 0; i < CONNECTION_POINTS; i++) {
            points[i % communes.size()]++;
        }
        List<CheckIn> plan = new ArrayList<>(CONNECTION_POINTS);
        long[] attendees = new long[communes.size()];
        for (int round = 0; plan.size() < CONNECTION_POINTS; round++) {
            for (int c = 0; c < communes.size(); c++) {
                if (round < points[c]) {
                    attendees[c] += 70 + Math.floorMod((communes.get(c).id() + round).hashCode(), 20);
                    plan.add(new CheckIn(communes.get(c), round + 1, attendees[c]));
                }
            }
        }
        return plan;
    }

    private static void follow(HttpResponse<Stream<String>> response, ConcurrentLinkedQueue<Reading> readings) {
        String[] event = {null};
        response.body().forEach(line -> {
            if (line.startsWith("event:")) {
                event[0] = line.substring(6).strip();
            } else if (line.startsWith("data:") && "totals".equals(event[0])) {
                long now = System.nanoTime();
                int points = line.indexOf("\"connectionPoints\":");
                int attendees = line.indexOf("\"attendees\":");
                readings.add(new Reading(now, number(line, points + 19), number(line, attendees + 12)));
            }
        });
    }

    private static long number(String text, int from) {
        int end = from;
        while (end < text.length() && Character.isDigit(text.charAt(end))) {
            end++;
        }
        return Long.parseLong(text.substring(from, end));
    }

    private static Long awaitReading(ConcurrentLinkedQueue<Reading> readings, long points, long attendees,
            Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (Reading reading : readings) {
                if (reading.connectionPoints() == points && reading.attendees() == attendees) {
                    return reading.nanos();
                }
            }
            Thread.sleep(20);
        }
        return null;
    }
}
