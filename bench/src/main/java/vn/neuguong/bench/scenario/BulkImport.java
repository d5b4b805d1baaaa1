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
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import vn.neuguong.bench.client.ApiClient;
import vn.neuguong.bench.client.ApiClient.Identity;
import vn.neuguong.bench.client.ApiResponse;
import vn.neuguong.bench.cost.ProcessCpu;
import vn.neuguong.bench.scenario.NationalFigures.Commune;

/**
 * A generated CSV of {@code rows} individual pledges (one commitment each, across communes of all provinces)
 * through the import API by an officer of the central office: rows per second until the job completes, and the
 * time until the national aggregate reflects every accepted pledge. Its cost is the CPU time from the upload until
 * then, per row.
 */
public final class BulkImport {

    private final ApiClient api;
    private final ProcessCpu cpu;
    private final int rows;
    private final int year = Year.now().getValue();
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    public BulkImport(ApiClient api, ProcessCpu cpu, int rows) {
        this.api = api;
        this.cpu = cpu;
        this.rows = rows;
    }

    public Map<String, Object> run() throws IOException, InterruptedException {
        Identity board = new Identity("bench-central-board", "Ban Tuyên giáo Trung ương", "vn", List.of("CENTRAL_BOARD"));
        Identity importer = new Identity("bench-importer", "Văn phòng Trung ương", "vn", List.of("UNIT_OFFICER"));
        NationalFigures figures = new NationalFigures(api, board, year);
        List<Commune> communes = figures.communes(20);
        Path file = generate(communes);
        long nationalBefore = figures.registered();

        ProcessCpu.Sample window = cpu.sample();
        long started = System.nanoTime();
        ApiResponse upload = api.postFile(importer, "/api/pledges/imports", "text/csv", file);
        if (upload.status() != 202) {
            throw new IllegalStateException("Upload refused: HTTP " + upload.status() + " " + upload.body());
        }
        String job = "/api/pledges/imports/" + upload.body().path("jobId").asString();
        JsonNode status;
        do {
            Thread.sleep(500);
            status = api.get(importer, job).body();
        } while (!List.of("COMPLETED", "FAILED").contains(status.path("status").asString()));
        double importSeconds = (System.nanoTime() - started) / 1e9;

        long accepted = status.path("accepted").asLong();
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        long national = figures.registered();
        while (national < nationalBefore + accepted && System.nanoTime() < deadline) {
            Thread.sleep(100);
            national = figures.registered();
        }
        double reflectedSeconds = (System.nanoTime() - started) / 1e9;
        Map<String, Object> cost = cpu.costSince(window, "row", rows);
        Files.deleteIfExists(file);

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("scenario", "bulk-import");
        result.put("rows", rows);
        result.put("status", status.path("status").asString());
        result.put("accepted", accepted);
        result.put("duplicates", status.path("duplicates").asLong());
        result.put("rejectedRows", status.path("rejectedRowCount").asLong());
        result.put("importSeconds", round(importSeconds));
        result.put("rowsPerSecond", Math.round(rows / importSeconds));
        result.put("secondsUntilNationalReflectsAll", round(reflectedSeconds));
        result.put("nationalIncrease", national - nationalBefore);
        result.put("nationalExact", national - nationalBefore == accepted);
        result.put("cost", cost);
        return result;
    }

    private Path generate(List<Commune> communes) throws IOException {
        Path file = Files.createTempFile("neuguong-bench-import-", ".csv");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("year,unitId,pledgerKind,memberId,fullName,position,area,action,linkedDuty,measure,target,dueDate\n");
            for (int i = 0; i < rows; i++) {
                Commune commune = communes.get(i % communes.size());
                int households = 20 + i % 80;
                out.write(year + "," + commune.id() + ",INDIVIDUAL,bench-" + run + "-" + i + ",Đảng viên " + i
                        + ",Công chức xã,DUTY,Hướng dẫn " + households + " hộ dân dùng dịch vụ công trực tuyến toàn trình,"
                        + "Phụ trách cải cách hành chính,Số hộ sử dụng," + households + " hộ," + year + "-09-30\n");
            }
        }
        return file;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
