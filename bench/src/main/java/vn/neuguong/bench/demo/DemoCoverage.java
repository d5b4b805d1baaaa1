package vn.neuguong.bench.demo;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;
import vn.neuguong.bench.client.ApiClient;
import vn.neuguong.bench.client.ApiClient.Identity;
import vn.neuguong.bench.client.ApiResponse;

/**
 * The volume of the demo season, through the bulk import as each province's office would upload its communes'
 * registrations: in every province one small commune registers nearly all of its members and
 * {@value #PARTLY_REGISTERED} others a share of theirs, so that every province's coverage is above zero on the map and
 * some communes show what a registration season looks like when it is done. Member counts are the registry's (the
 * local profile's DEMO counts). Each row says when the pledge was signed on paper: most in the first quarter, by the
 * registration deadline, and {@value #LATE_SHARE} of them in April or May, late (never after the day of the upload).
 * Deterministic for a seed: a second run finds its rows already registered (duplicates).
 */
public class DemoCoverage {

    static final int PARTLY_REGISTERED = 3;
    /** The model commune is drawn among the smallest ones, so that it can register nearly everyone in a demo. */
    private static final int SMALLEST = 6;
    private static final double GENERIC_SHARE = 0.2;
    static final double LATE_SHARE = 0.07;
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final ApiClient api;
    private final int year;
    private final int pledgesPerProvince;
    private final long seed;
    private final Tally tally = new Tally();
    private final Map<String, AtomicInteger> counts = new LinkedHashMap<>();

    public DemoCoverage(ApiClient api, int year, int pledgesPerProvince, long seed) {
        this.api = api;
        this.year = year;
        this.pledgesPerProvince = pledgesPerProvince;
        this.seed = seed;
    }

    public Map<String, AtomicInteger> run() throws Exception {
        DemoUnits.inParallel(DemoUnits.provinces(api), 8, this::province);
        Map<String, AtomicInteger> all = new LinkedHashMap<>(tally.counts());
        synchronized (counts) {
            all.putAll(counts);
        }
        return all;
    }

    private void province(JsonNode province) throws IOException, InterruptedException {
        String provinceId = province.path("id").asString();
        Random random = new Random(seed ^ provinceId.hashCode());
        List<JsonNode> communes = new ArrayList<>(DemoUnits.communes(api, provinceId).stream()
                .filter(unit -> unit.path("memberCount").asLong() > 0).toList());
        if (communes.isEmpty()) {
            return;
        }
        communes.sort(Comparator.comparingLong((JsonNode unit) -> unit.path("memberCount").asLong())
                .thenComparing(unit -> unit.path("id").asString()));
        JsonNode model = communes.remove(random.nextInt(Math.min(SMALLEST, communes.size())));
        Map<JsonNode, Integer> registering = new LinkedHashMap<>();
        int modelPledges = (int) Math.min(Math.round(model.path("memberCount").asLong() * (0.86 + 0.1 * random.nextDouble())),
                pledgesPerProvince * 2L / 3);
        registering.put(model, modelPledges);
        int left = pledgesPerProvince - modelPledges;
        for (int i = 0; i < PARTLY_REGISTERED && !communes.isEmpty() && left > 0; i++) {
            JsonNode commune = communes.remove(random.nextInt(communes.size()));
            int share = (int) Math.min(Math.round(commune.path("memberCount").asLong() * (0.1 + 0.3 * random.nextDouble())),
                    left / (PARTLY_REGISTERED - i));
            registering.put(commune, share);
            left -= share;
        }
        Identity office = new Identity("demo-officer-" + provinceId, "Văn phòng Tỉnh ủy " + province.path("name").asString(),
                provinceId, List.of("PROVINCE_OFFICER"));
        Path file = ndjson(registering, random);
        try {
            ApiResponse upload = api.postFile(office, "/api/pledges/imports", "application/x-ndjson", file);
            tally.record(upload, "import uploaded");
            if (upload.status() == 202) {
                awaitJob(office, "/api/pledges/imports/" + upload.body().path("jobId").asString());
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** The communes' registrations: members one to three commitments each, most concrete, and the committee's own. */
    private Path ndjson(Map<JsonNode, Integer> registering, Random random) throws IOException {
        Path file = Files.createTempFile("neuguong-demo-", ".ndjson");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Map.Entry<JsonNode, Integer> commune : registering.entrySet()) {
                String unitId = commune.getKey().path("id").asString();
                String name = commune.getKey().path("name").asString();
                write(out, pledge(unitId, Map.of("kind", "COLLECTIVE", "name", "Đảng ủy " + name),
                        PledgeTexts.collective(name, year), signedOn(random)));
                for (int i = 1; i < commune.getValue(); i++) {
                    write(out, pledge(unitId, Map.of("kind", "INDIVIDUAL", "memberId", "demo-nhap-" + unitId + "-" + i,
                            "fullName", PledgeTexts.fullName(random), "position", PledgeTexts.position(random)),
                            random.nextDouble() < GENERIC_SHARE ? PledgeTexts.generic(random, 1 + random.nextInt(2))
                                    : PledgeTexts.concrete(random, year, 1 + random.nextInt(3)), signedOn(random)));
                }
            }
        }
        return file;
    }

    /** A day in the first quarter, or in April–May for {@value #LATE_SHARE} of the pledges; today at the latest. */
    private LocalDate signedOn(Random random) {
        boolean late = random.nextDouble() < LATE_SHARE;
        LocalDate from = late ? LocalDate.of(year, 4, 1) : LocalDate.of(year, 1, 2);
        LocalDate to = late ? LocalDate.of(year, 5, 31) : LocalDate.of(year, 3, 31);
        LocalDate day = from.plusDays(random.nextInt((int) ChronoUnit.DAYS.between(from, to) + 1));
        LocalDate today = LocalDate.now(VIETNAM);
        return day.isAfter(today) ? today : day;
    }

    private Map<String, Object> pledge(String unitId, Map<String, Object> pledger,
                                       List<Map<String, Object>> commitments, LocalDate signedOn) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("signedOn", signedOn.toString());
        body.put("year", year);
        body.put("unitId", unitId);
        body.put("pledger", pledger);
        body.put("commitments", commitments);
        return body;
    }

    private void write(BufferedWriter out, Map<String, Object> pledge) {
        try {
            out.write(api.json().writeValueAsString(pledge));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitJob(Identity office, String job) throws InterruptedException {
        JsonNode status;
        do {
            Thread.sleep(1_000);
            status = api.get(office, job).body();
        } while (!List.of("COMPLETED", "FAILED").contains(status.path("status").asString()));
        synchronized (counts) {
            add("pledges imported", status.path("accepted").asInt());
            add("imported rows already registered", status.path("duplicates").asInt());
            add("imported rows rejected", status.path("rejectedRowCount").asInt());
            if ("FAILED".equals(status.path("status").asString())) {
                add("import failed", 1);
            }
        }
    }

    private void add(String what, int count) {
        if (count > 0) {
            counts.computeIfAbsent(what, k -> new AtomicInteger()).addAndGet(count);
        }
    }
}
