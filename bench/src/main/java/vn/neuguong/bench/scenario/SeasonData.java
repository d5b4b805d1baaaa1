package vn.neuguong.bench.scenario;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Year;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import vn.neuguong.bench.client.ApiClient;
import vn.neuguong.bench.client.ApiClient.Identity;
import vn.neuguong.bench.client.ApiResponse;
import vn.neuguong.bench.demo.PledgeTexts;
import vn.neuguong.bench.scenario.NationalFigures.Commune;

/**
 * The pledges of the season a scenario runs against: how many are stored, and {@link #preload} to bring the store to
 * season scale first — through the bulk import, as a central office would, in NDJSON files of
 * {@value #PLEDGES_PER_UPLOAD} pledges: every current commune of every province, a distinct member per pledge,
 * one to three commitments each, most of them concrete (varied numbers and villages), some generic.
 */
public final class SeasonData {

    private static final int PLEDGES_PER_UPLOAD = 50_000;
    private static final double GENERIC_SHARE = 0.2;
    private static final Duration REFLECTED_PATIENCE = Duration.ofMinutes(15);

    private final ApiClient api;
    private final int year = Year.now().getValue();
    private final Identity board = new Identity("bench-central-board", "Ban Tuyên giáo Trung ương", "vn",
            List.of("CENTRAL_BOARD"));
    private final Identity importer = new Identity("bench-importer", "Văn phòng Trung ương", "vn",
            List.of("UNIT_OFFICER"));
    private final NationalFigures figures;

    public SeasonData(ApiClient api) {
        this.api = api;
        this.figures = new NationalFigures(api, board, year);
    }

    /** Pledges of the year stored nationwide, as the pledge service counts them. */
    public long stored() {
        return figures.stored("vn");
    }

    /**
     * Imports {@code pledges} new pledges and waits until the national figure reflects them all, so that the measured
     * window that follows finds a quiet system.
     */
    public Map<String, Object> preload(long pledges) throws IOException, InterruptedException {
        List<Commune> communes = figures.communes(Integer.MAX_VALUE);
        long nationalBefore = figures.registered();
        String run = UUID.randomUUID().toString().substring(0, 8);
        Random random = new Random(run.hashCode());
        long started = System.nanoTime();
        long accepted = 0;
        long duplicates = 0;
        long rejected = 0;
        for (long done = 0; done < pledges; done += PLEDGES_PER_UPLOAD) {
            int count = (int) Math.min(PLEDGES_PER_UPLOAD, pledges - done);
            Path file = ndjson(communes, random, run, done, count);
            try {
                JsonNode job = importToEnd(file);
                accepted += job.path("accepted").asLong();
                duplicates += job.path("duplicates").asLong();
                rejected += job.path("rejectedRowCount").asLong();
            } finally {
                Files.deleteIfExists(file);
            }
            System.out.printf("preload: %,d of %,d pledges imported (%,.0f/s)%n", done + count, pledges,
                    (done + count) / ((System.nanoTime() - started) / 1e9));
        }
        double importSeconds = (System.nanoTime() - started) / 1e9;
        long deadline = System.nanoTime() + REFLECTED_PATIENCE.toNanos();
        long national = figures.registered();
        while (national < nationalBefore + accepted && System.nanoTime() < deadline) {
            Thread.sleep(500);
            national = figures.registered();
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("pledges", pledges);
        result.put("communes", communes.size());
        result.put("accepted", accepted);
        result.put("duplicates", duplicates);
        result.put("rejected", rejected);
        result.put("importSeconds", Math.round(importSeconds * 10) / 10.0);
        result.put("pledgesPerSecond", Math.round(pledges / importSeconds));
        result.put("secondsUntilNationalReflectsAll", Math.round((System.nanoTime() - started) / 1e8) / 10.0);
        result.put("nationalReflectsAll", national >= nationalBefore + accepted);
        return result;
    }

    private JsonNode importToEnd(Path file) throws InterruptedException {
        ApiResponse upload = api.postFile(importer, "/api/pledges/imports", "application/x-ndjson", file);
        if (upload.status() != 202) {
            throw new IllegalStateException("Preload upload refused: HTTP " + upload.status() + " " + upload.body());
        }
        String job = "/api/pledges/imports/" + upload.body().path("jobId").asString();
        JsonNode status;
        do {
            Thread.sleep(1_000);
            status = api.get(importer, job).body();
        } while (!List.of("COMPLETED", "FAILED").contains(status.path("status").asString()));
        if ("FAILED".equals(status.path("status").asString())) {
            throw new IllegalStateException("Preload import failed: " + status.path("failureReason").asString());
        }
        return status;
    }

    private Path ndjson(List<Commune> communes, Random random, String run, long first, int count) throws IOException {
        Path file = Files.createTempFile("neuguong-bench-preload-", ".ndjson");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < count; i++) {
                Commune commune = communes.get(random.nextInt(communes.size()));
                Map<String, Object> pledge = new LinkedHashMap<>();
                pledge.put("year", year);
                pledge.put("unitId", commune.id());
                pledge.put("pledger", Map.of("kind", "INDIVIDUAL", "memberId", "preload-" + run + "-" + (first + i),
                        "fullName", PledgeTexts.fullName(random), "position", PledgeTexts.position(random)));
                pledge.put("commitments", random.nextDouble() < GENERIC_SHARE
                        ? PledgeTexts.generic(random, 1 + random.nextInt(2))
                        : PledgeTexts.concrete(random, year, 1 + random.nextInt(3)));
                out.write(api.json().writeValueAsString(pledge));
                out.write('\n');
            }
        }
        return file;
    }
}
