package vn.neuguong.bench;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import vn.neuguong.bench.baseline.Baselines;
import vn.neuguong.bench.client.ApiClient;
import vn.neuguong.bench.client.ApiClient.Identity;
import vn.neuguong.bench.demo.DemoRecognition;
import vn.neuguong.bench.demo.DemoReports;
import vn.neuguong.bench.demo.DemoSeason;
import vn.neuguong.bench.scenario.BulkImport;
import vn.neuguong.bench.scenario.ConferenceCheckIns;
import vn.neuguong.bench.scenario.PledgeSeason;
import vn.neuguong.bench.scenario.Rebuild;
import vn.neuguong.contracts.Topics;

/**
 * Entry point of {@code ./local.sh demo} and {@code ./local.sh bench}:
 * <pre>
 *   demo  [--year Y] [--communes N] [--members N] [--seed S]
 *   bench pledge-season [--rate R] [--duration S] [--warmup S]
 *   bench conference [--duration S]
 *   bench bulk-import [--rows N]
 *   bench rebuild [--commit-interval-ms N] [--threads N]
 * </pre>
 * Common options: --gateway URL, --issuer URL, --kafka HOST:PORT, --mongo URI.
 */
public final class Main {

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
        }
        switch (args[0]) {
            case "demo" -> demo(options(args, 1));
            case "bench" -> bench(args.length > 1 && !args[1].startsWith("--") ? args[1] : "pledge-season",
                    options(args, args.length > 1 && !args[1].startsWith("--") ? 2 : 1));
            default -> usage();
        }
    }

    private static void demo(Map<String, String> options) throws Exception {
        int year = Integer.parseInt(options.getOrDefault("year", String.valueOf(DemoSeason.currentYear())));
        DemoSeason season = new DemoSeason(api(options), year, Integer.parseInt(options.getOrDefault("communes", "3")),
                Integer.parseInt(options.getOrDefault("members", "8")), Long.parseLong(options.getOrDefault("seed", "5")));
        long started = System.nanoTime();
        var tally = new java.util.TreeMap<>(season.run());
        tally.putAll(new DemoRecognition(api(options), year, Long.parseLong(options.getOrDefault("seed", "5"))).run());
        tally.putAll(new DemoReports(api(options), year, Long.parseLong(options.getOrDefault("seed", "5"))).run());
        System.out.printf("Demo season %d published in %.1f s:%n", year, (System.nanoTime() - started) / 1e9);
        tally.forEach((what, count) -> System.out.printf("  %-40s %6d%n", what, count.get()));
    }

    private static void bench(String scenario, Map<String, String> options) throws Exception {
        ApiClient api = api(options);
        double rate = Double.parseDouble(options.getOrDefault("rate", "200"));
        Duration duration = Duration.ofSeconds(Long.parseLong(options.getOrDefault("duration", "30")));
        Duration warmUp = Duration.ofSeconds(Long.parseLong(options.getOrDefault("warmup", "20")));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("machine", machine());
        switch (scenario) {
            case "pledge-season" -> {
                result.put("result", new PledgeSeason(api, rate, duration, warmUp).run());
                Map<String, Object> baselines = new LinkedHashMap<>();
                baselines.put("kafkaProducer", Baselines.kafkaProducer(options.getOrDefault("kafka", "localhost:9092"),
                        50_000, 700));
                baselines.put("mongoInserts", Baselines.mongoInserts(options.getOrDefault("mongo",
                        "mongodb://localhost:27017"), 20_000, 1_500));
                baselines.put("gatewayRead", Baselines.gatewayRead(URI.create(options.getOrDefault("gateway",
                        "http://localhost:8080")), api.token(new Identity("bench-reader", "Bench", "vn",
                        List.of("CENTRAL_BOARD"))), rate, Duration.ofSeconds(Math.min(15, duration.toSeconds()))));
                result.put("baselines", baselines);
                printPledgeSeason(result);
            }
            case "bulk-import" -> {
                result.put("result", new BulkImport(api, Integer.parseInt(options.getOrDefault("rows", "200000"))).run());
                Map<String, Object> baselines = new LinkedHashMap<>();
                baselines.put("mongoInserts", Baselines.mongoInserts(options.getOrDefault("mongo",
                        "mongodb://localhost:27017"), 20_000, 1_500));
                result.put("baselines", baselines);
                printBulkImport(result);
            }
            case "rebuild" -> {
                String kafka = options.getOrDefault("kafka", "localhost:9092");
                result.put("result", new Rebuild(kafka, options.getOrDefault("mongo", "mongodb://localhost:27017"),
                        Duration.ofMillis(Long.parseLong(options.getOrDefault("commit-interval-ms", "100"))),
                        Integer.parseInt(options.getOrDefault("threads", "1"))).run());
                Map<String, Object> baselines = new LinkedHashMap<>();
                baselines.put("kafkaConsumer", Baselines.kafkaConsumer(kafka, Topics.PLEDGE_EVENTS));
                result.put("baselines", baselines);
                printRebuild(result);
            }
            case "conference" -> {
                result.put("result", new ConferenceCheckIns(api, Duration.ofSeconds(Long.parseLong(
                        options.getOrDefault("duration", "60")))).run());
                printConference(result);
            }
            default -> usage();
        }
        write(scenario, result);
    }

    @SuppressWarnings("unchecked")
    private static void printPledgeSeason(Map<String, Object> all) {
        Map<String, Object> result = (Map<String, Object>) all.get("result");
        Map<String, Object> baselines = (Map<String, Object>) all.get("baselines");
        Map<String, Object> http = (Map<String, Object>) result.get("http");
        Map<String, Object> freshness = (Map<String, Object>) result.get("freshness");
        Map<String, Object> kafka = (Map<String, Object>) baselines.get("kafkaProducer");
        Map<String, Object> mongo = (Map<String, Object>) baselines.get("mongoInserts");
        Map<String, Object> read = (Map<String, Object>) ((Map<String, Object>) baselines.get("gatewayRead")).get("latency");
        double achieved = ((Number) result.get("achievedPerSecond")).doubleValue();
        line("pledge-season target rate", result.get("targetRate") + " pledges/s");
        line("pledge-season achieved rate", achieved + " pledges/s (errors " + result.get("errors") + ")");
        line("pledge-season HTTP p50/p99/p99.9", http.get("p50Ms") + " / " + http.get("p99Ms") + " / " + http.get("p999Ms") + " ms");
        line("pledge-season freshness p50/p99/max", freshness.get("p50Ms") + " / " + freshness.get("p99Ms") + " / "
                + freshness.get("maxMs") + " ms (never reflected: " + freshness.get("neverReflected") + ")");
        line("pledge-season national exact", result.get("nationalExact") + " (stored +" + result.get("stored")
                + ", national +" + result.get("nationalIncrease") + ", 201 seen " + result.get("accepted") + ")");
        line("pledge-season every province exact", Boolean.TRUE.equals(result.get("provincesChecked"))
                ? result.get("provincesExact") + " (settled " + result.get("provincesSettledAfterNationalMs")
                        + " ms after the national figure)"
                : "not checked: requests failed, so the client cannot attribute every stored pledge");
        line("baseline kafka producer (acks=all, idempotent)", kafka.get("perSecond") + " msg/s");
        line("baseline mongo single / bulk inserts", mongo.get("singleInsertsPerSecond") + " / "
                + mongo.get("bulkInsertsPerSecond") + " docs/s");
        line("baseline gateway read p50/p99", read.get("p50Ms") + " / " + read.get("p99Ms") + " ms");
        line("ratio pledges/s ÷ mongo single inserts/s", ratio(achieved, mongo.get("singleInsertsPerSecond")));
        line("ratio pledge HTTP p99 ÷ gateway read p99", ratio(http.get("p99Ms"), read.get("p99Ms")));
        line("ratio freshness p99 ÷ kafka ack p99", ratio(freshness.get("p99Ms"),
                ((Map<String, Object>) kafka.get("ack")).get("p99Ms")));
    }

    @SuppressWarnings("unchecked")
    private static void printBulkImport(Map<String, Object> all) {
        Map<String, Object> result = (Map<String, Object>) all.get("result");
        Map<String, Object> mongo = (Map<String, Object>) ((Map<String, Object>) all.get("baselines")).get("mongoInserts");
        line("bulk-import rows", result.get("rows") + " (" + result.get("status") + ", accepted " + result.get("accepted")
                + ", duplicates " + result.get("duplicates") + ", rejected rows " + result.get("rejectedRows") + ")");
        line("bulk-import rows/s (upload to completed)", String.valueOf(result.get("rowsPerSecond")));
        line("bulk-import until national reflects all", result.get("secondsUntilNationalReflectsAll") + " s (exact: "
                + result.get("nationalExact") + ")");
        line("baseline mongo bulk inserts", mongo.get("bulkInsertsPerSecond") + " docs/s");
        line("ratio import rows/s ÷ mongo bulk inserts/s", ratio(result.get("rowsPerSecond"), mongo.get("bulkInsertsPerSecond")));
    }

    @SuppressWarnings("unchecked")
    private static void printRebuild(Map<String, Object> all) {
        Map<String, Object> result = (Map<String, Object>) all.get("result");
        Map<String, Object> consumer = (Map<String, Object>) ((Map<String, Object>) all.get("baselines"))
                .get("kafkaConsumer");
        line("rebuild events replayed", result.get("events") + " from " + result.get("topic") + " ("
                + result.get("partitions") + " partitions, exactly-once, commit every "
                + result.get("commitIntervalMs") + " ms, " + result.get("streamThreads") + " stream thread(s))");
        line("rebuild events/s", result.get("eventsPerSecond") + " (" + result.get("seconds") + " s from start; "
                + result.get("eventsPerSecondRunning") + "/s over the " + result.get("secondsRunning") + " s running)");
        line("rebuild equals the live figures", result.get("equalsLive") + " (" + result.get("unitYears")
                + " unit-years" + (Boolean.TRUE.equals(result.get("equalsLive")) ? ""
                : ", e.g. " + result.get("differences")) + ")");
        line("baseline kafka consumer (same topic)", consumer.get("perSecond") + " records/s");
        line("ratio rebuild events/s ÷ consumer records/s", ratio(result.get("eventsPerSecond"), consumer.get("perSecond")));
    }

    @SuppressWarnings("unchecked")
    private static void printConference(Map<String, Object> all) {
        Map<String, Object> result = (Map<String, Object>) all.get("result");
        Map<String, Object> http = (Map<String, Object>) result.get("http");
        line("conference check-ins", result.get("checkIns") + " from " + result.get("communes") + " communes in "
                + result.get("durationSeconds") + " s");
        line("conference achieved rate", result.get("achievedPerSecond") + " check-ins/s (target "
                + result.get("targetRate") + ", errors " + result.get("errors") + ")");
        line("conference check-in HTTP p50/p99/p99.9", http.get("p50Ms") + " / " + http.get("p99Ms") + " / "
                + http.get("p999Ms") + " ms");
        line("conference totals", result.get("totalsConnectionPoints") + " connection points, "
                + result.get("totalsAttendees") + " attendees (exact: " + result.get("totalsExact") + ")");
        line("conference last check-in → streamed totals", result.get("lastCheckInToStreamedTotalsMs") + " ms ("
                + result.get("streamEvents") + " stream events)");
    }

    private static String ratio(Object numerator, Object denominator) {
        double d = ((Number) denominator).doubleValue();
        return d == 0 ? "n/a" : String.format("%.2f", ((Number) numerator).doubleValue() / d);
    }

    private static void line(String what, String value) {
        System.out.printf("%-48s %s%n", what, value);
    }

    private static Map<String, Object> machine() {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        machine.put("java", System.getProperty("java.version"));
        return machine;
    }

    private static void write(String scenario, Map<String, Object> result) throws Exception {
        Path directory = Path.of("target", "bench");
        Files.createDirectories(directory);
        Path file = directory.resolve(scenario + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".json");
        Files.writeString(file, JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
                .writeValueAsString(result));
        System.out.println("Full result: " + file);
    }

    private static ApiClient api(Map<String, String> options) {
        return new ApiClient(URI.create(options.getOrDefault("gateway", "http://localhost:8080")),
                URI.create(options.getOrDefault("issuer", "http://localhost:8090")));
    }

    private static Map<String, String> options(String[] args, int from) {
        Map<String, String> options = new HashMap<>();
        for (int i = from; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("Expected --option value at " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }

    private static void usage() {
        System.err.println("usage: demo [--year Y] [--communes N] [--members N] [--seed S]");
        System.err.println("       bench pledge-season [--rate R] [--duration S] [--warmup S]");
        System.err.println("       bench conference [--duration S]");
        System.err.println("       bench bulk-import [--rows N]");
        System.err.println("       bench rebuild [--commit-interval-ms N] [--threads N]");
        System.err.println("common: --gateway URL --issuer URL --kafka HOST:PORT --mongo URI");
        System.exit(2);
    }

    private Main() {
    }
}
