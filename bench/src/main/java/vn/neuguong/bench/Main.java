package vn.neuguong.bench;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import vn.neuguong.bench.Options.UsageException;
import vn.neuguong.bench.baseline.Baselines;
import vn.neuguong.bench.client.ApiClient;
import vn.neuguong.bench.client.ApiClient.Identity;
import vn.neuguong.bench.cost.ProcessCpu;
import vn.neuguong.bench.demo.DemoCoverage;
import vn.neuguong.bench.demo.DemoFigures;
import vn.neuguong.bench.demo.DemoRecognition;
import vn.neuguong.bench.demo.DemoReports;
import vn.neuguong.bench.demo.DemoSeason;
import vn.neuguong.bench.faults.FaultsScenario;
import vn.neuguong.bench.scenario.BulkImport;
import vn.neuguong.bench.scenario.ConferenceCheckIns;
import vn.neuguong.bench.scenario.InboundCommands;
import vn.neuguong.bench.scenario.PledgeSeason;
import vn.neuguong.bench.scenario.Rebuild;
import vn.neuguong.bench.scenario.SeasonData;
import vn.neuguong.contracts.Topics;

/**
 * Entry point of {@code ./local.sh demo} and {@code ./local.sh bench}:
 * <pre>
 *   demo  [--year Y] [--pledges-per-province N] [--communes N] [--members N] [--seed S]
 *   bench pledge-season [--rate R] [--duration S] [--warmup S]
 *   bench conference [--duration S]
 *   bench bulk-import [--rows N]
 *   bench rebuild [--commit-interval-ms N] [--threads N]
 *   bench faults [--rate R] [--only word,word]
 * </pre>
 * Every bench scenario also takes --preload N (import N pledges first), --compare FILE (an earlier result of the same
 * scenario, printed beside this one with the ratio) and --idle S (how long the processes are watched idle first).
 * Common options: --gateway URL, --issuer URL, --kafka HOST:PORT, --mongo URI, --pids DIR (local.sh's pid files).
 */
public final class Main {

    private static final Set<String> COMMON = Set.of("gateway", "issuer", "kafka", "mongo", "pids", "local-sh");
    private static final Set<String> DEMO = Set.of("year", "pledges-per-province", "communes", "members", "seed");
    private static final Set<String> EVERY_SCENARIO = Set.of("preload", "compare", "idle");
    private static final Map<String, Set<String>> SCENARIOS = Map.of(
            "pledge-season", Set.of("rate", "duration", "warmup"),
            "bulk-import", Set.of("rows"),
            "rebuild", Set.of("commit-interval-ms", "threads"),
            "conference", Set.of("duration"),
            "inbound", Set.of("rows", "kafka-sasl"),
            "faults", Set.of("rate", "only"));
    /** Scenarios that run against the system as it is: no preload, no comparison, no cost. */
    private static final Set<String> WITHOUT_COST = Set.of("faults");

    public static void main(String[] args) throws Exception {
        try {
            Command command = parse(args);
            if (command.scenario() == null) {
                demo(command.options());
            } else {
                if ("faults".equals(command.scenario())) {
                    faults(command.options());
                } else {
                    bench(command.scenario(), command.options());
                }
            }
        } catch (UsageException e) {
            System.err.println("bench: " + e.getMessage());
            usage();
            System.exit(2);
        }
    }

    /** What the command line asks for: the demo ({@code scenario} null) or a bench scenario, with its options. */
    record Command(String scenario, Options options) {
    }

    static Command parse(String[] args) {
        if (args.length == 0) {
            throw new UsageException("say demo or bench");
        }
        return switch (args[0]) {
            case "demo" -> new Command(null, Options.parse("demo", args, 1, union(COMMON, DEMO)));
            case "bench" -> {
                boolean named = args.length > 1 && !args[1].startsWith("--");
                String scenario = named ? args[1] : "pledge-season";
                if (!SCENARIOS.containsKey(scenario)) {
                    throw new UsageException("unknown scenario '" + scenario + "'; one of: "
                            + String.join(", ", new TreeSet<>(SCENARIOS.keySet())));
                }
                yield new Command(scenario, Options.parse("bench " + scenario, args, named ? 2 : 1,
                        union(COMMON, WITHOUT_COST.contains(scenario) ? Set.of() : EVERY_SCENARIO,
                                SCENARIOS.get(scenario))));
            }
            default -> throw new UsageException("unknown command '" + args[0] + "'; say demo or bench");
        };
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        Set<String> union = new HashSet<>();
        for (Set<String> set : sets) {
            union.addAll(set);
        }
        return union;
    }

    private static void demo(Options options) throws Exception {
        int year = options.integer("year", DemoSeason.currentYear(), 2016);
        int pledgesPerProvince = options.integer("pledges-per-province", 600, 1);
        int communes = options.integer("communes", 2, 1);
        int members = options.integer("members", 6, 1);
        long seed = options.number("seed", 5, Long.MIN_VALUE);
        ApiClient api = api(options);
        long started = System.nanoTime();
        var tally = new java.util.TreeMap<>(new DemoCoverage(api, year, pledgesPerProvince, seed).run());
        System.out.printf("Imports done in %.1f s%n", (System.nanoTime() - started) / 1e9);
        tally.putAll(new DemoSeason(api, year, communes, members, seed).run());
        tally.putAll(new DemoRecognition(api, year, seed).run());
        tally.putAll(new DemoReports(api, year, seed).run());
        System.out.printf("Demo season %d published in %.1f s:%n", year, (System.nanoTime() - started) / 1e9);
        tally.forEach((what, count) -> System.out.printf("  %-40s %6d%n", what, count.get()));
        new DemoFigures(api, year).print();
        System.out.printf("Demo ready after %.1f s%n", (System.nanoTime() - started) / 1e9);
    }

    /** Exits with 1 when the run found a loss, a double count or a fault whose own check failed. */
    private static void faults(Options options) throws Exception {
        double rate = options.rate("rate", 10);
        List<String> only = options.text("only", "").isBlank() ? List.of()
                : List.of(options.text("only", "").split(","));
        Path pids = options.path("pids").orElseThrow(() -> new UsageException("faults needs --pids DIR (local.sh's pid files)"));
        Path localSh = options.path("local-sh").orElseThrow(() -> new UsageException("faults needs --local-sh FILE"));
        Map<String, Object> result = new FaultsScenario(api(options), pids, localSh,
                options.text("kafka", "localhost:9092"), rate, only).run();
        write("faults", result);
        if (!Boolean.TRUE.equals(result.get("passed"))) {
            System.out.println("faults: FAILED (see the problems above)");
            System.exit(1);
        }
        System.out.println("faults: passed — nothing acknowledged lost, nothing counted twice");
    }

    /** Reads every option before anything runs, so that a mistake on the command line costs no preload. */
    private static void bench(String scenario, Options options) throws Exception {
        ApiClient api = api(options);
        String kafka = options.text("kafka", "localhost:9092");
        String mongo = options.text("mongo", "mongodb://localhost:27017");
        double rate = options.rate("rate", 200);
        Duration duration = options.duration("duration", Duration.ofSeconds("conference".equals(scenario) ? 60 : 30));
        Duration warmUp = options.duration("warmup", Duration.ofSeconds(20));
        int rows = options.integer("rows", "inbound".equals(scenario) ? 5_000 : 200_000, 1);
        Duration commitInterval = Duration.ofMillis(options.number("commit-interval-ms", 100, 0));
        int threads = options.integer("threads", 1, 1);
        long preload = options.number("preload", 0, 0);
        Duration idle = options.duration("idle", Duration.ofSeconds(3));
        Map<String, Object> earlier = options.path("compare").map(Main::read).orElse(null);
        if (earlier != null && !scenario.equals(at(earlier, "result.scenario"))) {
            throw new UsageException("--compare " + options.path("compare").get() + " is a result of "
                    + at(earlier, "result.scenario") + ", not of " + scenario);
        }
        if (duration.toMillis() < 1_000) {
            throw new UsageException("--duration must be at least 1 s");
        }
        ProcessCpu cpu = new ProcessCpu(options.path("pids").orElse(null));
        SeasonData season = new SeasonData(api);

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("machine", machine());
        if (preload > 0) {
            result.put("preload", season.preload(preload));
        }
        long stored = season.stored();
        result.put("storedAtStart", stored);
        line("stored pledges of the year at start", String.format("%,d", stored));
        cpu.sampleIdle(idle);
        switch (scenario) {
            case "pledge-season" -> {
                result.put("result", new PledgeSeason(api, cpu, rate, duration, warmUp).run());
                Map<String, Object> baselines = new LinkedHashMap<>();
                baselines.put("kafkaProducer", Baselines.kafkaProducer(kafka, 50_000, 700));
                baselines.put("mongoInserts", Baselines.mongoInserts(mongo, 20_000, 1_500));
                baselines.put("gatewayRead", Baselines.gatewayRead(URI.create(options.text("gateway",
                        "http://localhost:8080")), api.token(new Identity("bench-reader", "Bench", "vn",
                        List.of("CENTRAL_BOARD"))), rate, Duration.ofSeconds(Math.min(15, duration.toSeconds()))));
                result.put("baselines", baselines);
                printPledgeSeason(result);
            }
            case "bulk-import" -> {
                result.put("result", new BulkImport(api, cpu, rows).run());
                Map<String, Object> baselines = new LinkedHashMap<>();
                baselines.put("mongoInserts", Baselines.mongoInserts(mongo, 20_000, 1_500));
                result.put("baselines", baselines);
                printBulkImport(result);
            }
            case "rebuild" -> {
                result.put("result", new Rebuild(cpu, kafka, mongo, commitInterval, threads).run());
                Map<String, Object> baselines = new LinkedHashMap<>();
                baselines.put("kafkaConsumer", Baselines.kafkaConsumer(kafka, Topics.PLEDGE_EVENTS));
                result.put("baselines", baselines);
                printRebuild(result);
            }
            case "inbound" -> {
                // the local stack's SCRAM listener of the inbound publishers: the Kafka port + 2 (./local.sh)
                String sasl = options.text("kafka-sasl", kafka.replaceFirst(":(\\d+)$", "") + ":"
                        + (Integer.parseInt(kafka.substring(kafka.lastIndexOf(':') + 1)) + 2));
                result.put("result", new InboundCommands(api, cpu, sasl, rows).run());
                printInbound(result);
            }
            case "conference" -> {
                result.put("result", new ConferenceCheckIns(api, cpu, duration).run());
                printConference(result);
            }
            default -> throw new IllegalStateException("no scenario " + scenario);
        }
        printCost(result);
        if (earlier != null) {
            printComparison(scenario, earlier, result);
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
    private static void printInbound(Map<String, Object> all) {
        Map<String, Object> result = (Map<String, Object>) all.get("result");
        line("inbound commands", result.get("commands") + " registrations, each published twice (accepted "
                + result.get("accepted") + ", rejected " + result.get("rejected") + ", without outcome "
                + result.get("withoutOutcome") + ")");
        line("inbound commands/s (Kafka to outcome)", String.valueOf(result.get("commandsPerSecond")));
        line("inbound until national reflects all", result.get("secondsUntilNationalReflectsAll") + " s (exact: "
                + result.get("nationalExact") + ", increase " + result.get("nationalIncrease") + ")");
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

    @SuppressWarnings("unchecked")
    private static void printCost(Map<String, Object> all) {
        Map<String, Object> cost = (Map<String, Object>) at(all, "result.cost");
        String unit = (String) cost.get("unit");
        line("cost: CPU-ms per " + unit + ", all processes", at(cost, "system.cpuMsPerUnit") + " (" + cost.get("units")
                + " " + unit + "s in a " + cost.get("windowSeconds") + " s window; " + at(cost, "system.cpuMs")
                + " CPU-ms, of which idle " + at(cost, "system.idleCpuMs") + ")");
        ((Map<String, Object>) cost.get("processes")).forEach((name, figures) -> line("  " + name
                + (ProcessCpu.BENCH.equals(name) ? " (this client, not in the total)" : ""),
                at(figures, "cpuMsPerUnit") + " (" + at(figures, "cpuMs") + " CPU-ms, idle " + at(figures, "idleCpuMs")
                        + ")"));
        line("cost: ceiling of this machine", cost.get("ceilingPerSecond") + " " + unit + "s/s (" + cost.get("cores")
                + " cores × 1000 ÷ CPU-ms per " + unit + ")");
        line("cost: other processes of the machine", cost.get("otherProcessesOfTheMachineCpuMs")
                + " CPU-ms in the window (what makes wall-clock figures noisy)");
        if (!((List<?>) cost.get("exited")).isEmpty()) {
            line("cost: exited during the window", String.valueOf(cost.get("exited")));
        }
    }

    /** The headline figures of an earlier run of the same scenario beside this run's, and their ratio. */
    @SuppressWarnings("unchecked")
    private static void printComparison(String scenario, Map<String, Object> earlier, Map<String, Object> now) {
        List<String> figures = new ArrayList<>(List.of("storedAtStart"));
        figures.addAll(switch (scenario) {
            case "pledge-season" -> List.of("result.achievedPerSecond", "result.http.p50Ms", "result.http.p99Ms",
                    "result.freshness.p50Ms", "result.freshness.p99Ms");
            case "bulk-import" -> List.of("result.rowsPerSecond", "result.secondsUntilNationalReflectsAll");
            case "rebuild" -> List.of("result.eventsPerSecond", "result.eventsPerSecondRunning");
            case "inbound" -> List.of("result.commandsPerSecond", "result.secondsUntilNationalReflectsAll");
            default -> List.of("result.achievedPerSecond", "result.http.p99Ms", "result.lastCheckInToStreamedTotalsMs");
        });
        figures.add("result.cost.system.cpuMsPerUnit");
        Set<String> processes = new TreeSet<>(((Map<String, Object>) at(now, "result.cost.processes")).keySet());
        processes.forEach(name -> figures.add("result.cost.processes." + name + ".cpuMsPerUnit"));
        figures.add("result.cost.ceilingPerSecond");
        System.out.printf("%n%-48s %14s %14s %8s%n", "compared with an earlier run", "earlier", "now", "now ÷ earlier");
        for (String figure : figures) {
            Object before = at(earlier, figure);
            Object after = at(now, figure);
            System.out.printf("%-48s %14s %14s %8s%n", figure.replace("result.", "").replace("cost.processes.", ""),
                    before, after, before instanceof Number && after instanceof Number ? ratio(after, before) : "");
        }
    }

    /** The value at a dotted path of nested maps, or null. */
    @SuppressWarnings("unchecked")
    private static Object at(Object root, String path) {
        Object value = root;
        for (String key : path.split("\\.")) {
            if (!(value instanceof Map)) {
                return null;
            }
            value = ((Map<String, Object>) value).get(key);
        }
        return value;
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

    private static ApiClient api(Options options) {
        return new ApiClient(URI.create(options.text("gateway", "http://localhost:8080")),
                URI.create(options.text("issuer", "http://localhost:8090")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> read(Path file) {
        try {
            return JsonMapper.builder().build().readValue(file.toFile(), Map.class);
        } catch (RuntimeException e) {
            throw new UsageException("--compare " + file + ": not a result of the bench (" + e.getMessage() + ")");
        }
    }

    private static void usage() {
        System.err.println("usage: demo [--year Y] [--communes N] [--members N] [--seed S]");
        System.err.println("       bench pledge-season [--rate R] [--duration S] [--warmup S]");
        System.err.println("       bench conference [--duration S]");
        System.err.println("       bench bulk-import [--rows N]");
        System.err.println("       bench rebuild [--commit-interval-ms N] [--threads N]");
        System.err.println("       bench faults [--rate R] [--only word,word] (faults whose name has a word; all by default)");
        System.err.println("every scenario: --preload N (pledges imported first) --compare FILE (an earlier result)");
        System.err.println("                --idle S (processes watched idle first, default 3)");
        System.err.println("durations: seconds (20) or 500ms, 20s, 5m, 1h");
        System.err.println("common: --gateway URL --issuer URL --kafka HOST:PORT --mongo URI --pids DIR");
    }

    private Main() {
    }
}
