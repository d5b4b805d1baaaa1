package vn.neuguong.bench.faults;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import vn.neuguong.bench.client.ApiClient;
import vn.neuguong.bench.client.ApiClient.Identity;
import vn.neuguong.bench.client.ApiResponse;
import vn.neuguong.bench.faults.Ledger.Ack;
import vn.neuguong.bench.faults.Recount.Difference;
import vn.neuguong.bench.faults.Workload.Commune;

/**
 * {@code ./local.sh bench faults}: sustained writes of every kind through the gateway while faults are injected one
 * after another (processes killed and restarted, the database paused, reporting-service scaled, events published
 * twice, poison records, impatient clients). After each: the time until writes succeed again and until freshness is
 * back under a second; then, with the load paused, every acknowledged write read back and every aggregate the load
 * touched compared with a recount of the owning services' data. One row per fault; it passes when nothing acknowledged
 * is lost, nothing is counted twice and every fault's own check holds.
 */
public final class FaultsScenario {

    private static final int PROVINCES = 4;
    private static final int COMMUNES_PER_PROVINCE = 4;
    private static final Duration LOAD_BEFORE_FAULT = Duration.ofSeconds(10);
    private static final Duration RECOVERY_PATIENCE = Duration.ofMinutes(5);
    private static final Duration SETTLE_PATIENCE = Duration.ofMinutes(2);
    private static final Duration DATABASE_PAUSE = Duration.ofSeconds(30);

    private final ApiClient api;
    private final LocalStack stack;
    private final EventTopics kafka;
    private final double rate;
    private final List<String> only;
    private final int year = Year.now().getValue();
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final Identity board = new Identity("faults-central-board", "Ban Tuyên giáo Trung ương", "vn",
            List.of("CENTRAL_BOARD"));
    private final Ledger ledger = new Ledger();

    /**
     * @param only the faults to inject, by a word of their name (e.g. {@code pledge}, {@code database}); all when
     *             empty
     */
    public FaultsScenario(ApiClient api, Path pids, Path localSh, String kafka, double rate, List<String> only) {
        this.api = api;
        this.stack = new LocalStack(pids, localSh);
        this.kafka = new EventTopics(kafka);
        this.rate = rate;
        this.only = only;
    }

    public Map<String, Object> run() throws Exception {
        List<Commune> communes = new ArrayList<>();
        String probeCommune = pickCommunes(communes);
        CarefulClient client = new CarefulClient(api, ledger);
        Workload workload = new Workload(client, communes, year, run);
        Recount recount = new Recount(api, board, year);
        FreshnessProbe probe = new FreshnessProbe(api, client, board, probeCommune, year, run);
        List<String> units = new ArrayList<>(workload.unitsTouched());
        units.add(0, probeCommune);
        List<String> communeIds = new ArrayList<>(workload.communeIds());
        communeIds.add(probeCommune);
        Checks checks = new Checks(recount, units, communeIds);

        List<Fault> faults = faults(workload).stream().filter(this::selected).toList();
        System.out.printf("faults: run %s, %.0f writes/s in %d communes of %d provinces; %s; %d fault(s)%n", run, rate,
                communes.size(), PROVINCES, stack.separateInfra() ? "broker and database in separate processes"
                        : "broker and database in one local-stack process", faults.size());
        List<Row> rows = new ArrayList<>();
        try (Traffic traffic = new Traffic(workload, rate)) {
            rows.add(baseline(traffic, probe, checks));
            for (Fault fault : faults) {
                rows.add(inject(fault, traffic, probe, checks));
            }
        }
        print(rows);
        boolean passed = rows.stream().allMatch(Row::passed);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("scenario", "faults");
        result.put("run", run);
        result.put("ratePerSecond", rate);
        result.put("separateInfra", stack.separateInfra());
        result.put("acknowledgedByKind", ledger.acksByKind());
        result.put("rows", rows.stream().map(Row::asMap).toList());
        result.put("passed", passed);
        return result;
    }

    private List<Fault> faults(Workload workload) {
        List<Fault> faults = new ArrayList<>();
        // created first: it remembers where the event topics end, so that it re-publishes this run's events
        Fault publishTwice = new PublishTwice(kafka);
        for (String service : List.of("pledge-service", "recognition-service", "reporting-service", "gateway")) {
            faults.add(service.equals("gateway") ? new KillGateway(stack) : new KillInstance(stack, service));
        }
        faults.add(new KillInfrastructure(stack, KillInfrastructure.Part.BROKER));
        faults.add(new KillInfrastructure(stack, KillInfrastructure.Part.DATABASE));
        faults.add(new PauseDatabase(stack, DATABASE_PAUSE));
        faults.add(new ScaleReporting(stack));
        faults.add(publishTwice);
        faults.add(new PoisonRecords(kafka, run));
        faults.add(new ClientTimeout(workload));
        return faults;
    }

    private boolean selected(Fault fault) {
        return only.isEmpty() || only.stream().anyMatch(word -> fault.name().contains(word));
    }

    /** The load alone, checked like a fault: what the rows after it are compared with. */
    private Row baseline(Traffic traffic, FreshnessProbe probe, Checks checks) throws Exception {
        long start = System.nanoTime();
        traffic.resume();
        Thread.sleep(LOAD_BEFORE_FAULT.toMillis());
        long injected = System.nanoTime();
        OptionalLong fresh = probe.awaitFresh(RECOVERY_PATIENCE);
        traffic.pause();
        return checks.row("no fault (load only)", "", start, injected, fresh, List.of());
    }

    private Row inject(Fault fault, Traffic traffic, FreshnessProbe probe, Checks checks) throws Exception {
        if (fault.unavailable().isPresent()) {
            Row row = Row.notInjected(fault.name(), fault.unavailable().get());
            System.out.println(row.line());
            return row;
        }
        String name = fault.name();
        long start = System.nanoTime();
        traffic.resume();
        Thread.sleep(LOAD_BEFORE_FAULT.toMillis());
        System.out.printf("faults: %s …%n", name);
        long injected = System.nanoTime();
        String note;
        try {
            note = fault.inject();
        } catch (Exception e) {
            note = "could not inject: " + e.getMessage().lines().findFirst().orElse("");
        }
        OptionalLong fresh = probe.awaitFresh(RECOVERY_PATIENCE);
        traffic.pause();
        Row row = checks.row(name, note, start, injected, fresh, fault.verify());
        System.out.println(row.line());
        return row;
    }

    /** The communes the load writes in ({@link #PROVINCES} provinces), and the probe's commune (in another one). */
    private String pickCommunes(List<Commune> communes) {
        List<JsonNode> provinces = api.list(board, "/api/org-units/vn/children").stream()
                .filter(unit -> "PROVINCE".equals(unit.path("level").asString()) && unit.path("validTo").isNull())
                .toList();
        if (provinces.size() <= PROVINCES) {
            throw new IllegalStateException("Fewer than " + (PROVINCES + 1) + " provinces: is the reference data loaded?");
        }
        for (JsonNode province : provinces.subList(0, PROVINCES)) {
            String provinceId = province.path("id").asString();
            List<JsonNode> children = api.list(board, "/api/org-units/" + provinceId + "/children");
            for (JsonNode child : children.subList(0, Math.min(COMMUNES_PER_PROVINCE, children.size()))) {
                String id = child.path("id").asString();
                communes.add(new Commune(id, provinceId, new Identity("faults-officer-" + id, "Văn phòng Đảng ủy", id,
                        List.of("UNIT_OFFICER"))));
            }
        }
        String probeProvince = provinces.get(PROVINCES).path("id").asString();
        return api.list(board, "/api/org-units/" + probeProvince + "/children").get(0).path("id").asString();
    }

    /** The checks after each fault, with the load paused. */
    private final class Checks {

        private final Recount recount;
        private final List<String> units;
        private final List<String> communes;

        Checks(Recount recount, List<String> units, List<String> communes) {
            this.recount = recount;
            this.units = units;
            this.communes = communes;
        }

        Row row(String name, String note, long start, long injected, OptionalLong fresh, List<String> problems)
                throws InterruptedException {
            List<Ack> acks = ledger.acksSince(start);
            List<String> lost = notStored(acks);
            List<Difference> differences = recount.settle(units, communes, SETTLE_PATIENCE);
            long under = differences.stream().mapToLong(d -> Math.max(0, d.recount() - d.aggregate())).sum();
            long over = differences.stream().mapToLong(d -> Math.max(0, d.aggregate() - d.recount())).sum();
            OptionalLong writesBack = ledger.everyKindAcknowledgedSince(injected, Workload.KINDS);
            List<String> all = new ArrayList<>(problems);
            all.addAll(lost);
            differences.forEach(difference -> all.add(difference.toString()));
            ledger.unansweredSince(start).forEach(write -> all.add("no final answer within "
                    + CarefulClient.PATIENCE.toMinutes() + " min: " + write.kind() + " " + write.path()));
            if (fresh.isEmpty()) {
                all.add("freshness not back under " + FreshnessProbe.FRESH.toSeconds() + " s within "
                        + RECOVERY_PATIENCE.toMinutes() + " min");
            }
            Map<String, Long> refusals = new TreeMap<>();
            Map<String, String> refusalDetails = new TreeMap<>();
            ledger.refusalsSince(start).forEach(refusal -> {
                String what = refusal.status() + " " + refusal.kind();
                refusals.merge(what, 1L, Long::sum);
                refusalDetails.putIfAbsent(what, refusal.detail());
            });
            refusalDetails.forEach((what, detail) -> System.out.println("faults: refused (" + what + "): " + detail));
            return new Row(name, note, acks.size(), lost.size() + under, over,
                    seconds(injected, writesBack), seconds(injected, fresh), refusals, all);
        }

        /** Acknowledged writes whose entity is missing or older than the acknowledged version. */
        private List<String> notStored(List<Ack> acks) {
            Map<String, Ack> latest = new HashMap<>();
            acks.forEach(ack -> latest.merge(ack.path(), ack, (a, b) -> a.version() >= b.version() ? a : b));
            List<String> lost = new ArrayList<>();
            for (Ack newest : latest.values()) {
                ApiResponse stored = readBack(newest.path());
                if (!stored.ok() || stored.version() < newest.version()) {
                    lost.add(newest.kind() + " " + newest.path() + " acknowledged at version " + newest.version()
                            + ", stored: "
                            + (stored.ok() ? "version " + stored.version() : "HTTP " + stored.status()));
                }
            }
            return lost;
        }
    }

    /** Reads an entity back, waiting out a moment's unavailability (the checks follow a fault). */
    private ApiResponse readBack(String path) {
        for (int attempt = 1; ; attempt++) {
            try {
                ApiResponse response = api.get(board, path);
                if (response.status() < 500 || attempt == 10) {
                    return response;
                }
            } catch (IllegalStateException noAnswer) {
                if (attempt == 10) {
                    throw noAnswer;
                }
            }
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted", e);
            }
        }
    }

    private static Double seconds(long from, OptionalLong to) {
        return to.isEmpty() ? null : Math.round(Math.max(0, to.getAsLong() - from) / 1e8) / 10.0;
    }

    private static void print(List<Row> rows) {
        System.out.println();
        System.out.println(Row.HEADER);
        rows.forEach(row -> System.out.println(row.line()));
        System.out.println();
        rows.stream().filter(row -> !row.problems().isEmpty()).forEach(row -> {
            System.out.println(row.fault() + ":");
            row.problems().stream().limit(20).forEach(problem -> System.out.println("  " + problem));
            if (row.problems().size() > 20) {
                System.out.println("  … and " + (row.problems().size() - 20) + " more");
            }
        });
    }
}
