package vn.neuguong.pledge.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.micrometer.core.instrument.MeterRegistry;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import tools.jackson.databind.JsonNode;
import vn.neuguong.contracts.Role;
import vn.neuguong.contracts.orgunit.OrgUnit;
import vn.neuguong.contracts.orgunit.OrgUnitLevel;
import vn.neuguong.platform.orgunit.OrgUnitDirectory;
import vn.neuguong.pledge.pledge.RegistrationDeadlines;
import vn.neuguong.pledge.support.Api;
import vn.neuguong.pledge.support.OrgUnits;
import vn.neuguong.testsupport.IntegrationTest;
import vn.neuguong.testsupport.TestInfrastructure;

@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PledgeImportIT {

    private static final int CELLS = 100;

    @LocalServerPort
    int port;
    @Autowired
    OrgUnitDirectory directory;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    ImportService importService;
    @Autowired
    MeterRegistry meters;

    private final OrgUnits units = new OrgUnits();
    private Api api;
    private String officer;
    private OrgUnit bulkCommune;
    private OrgUnit copyCommune;
    private OrgUnit signingCommune;

    @BeforeAll
    void orgUnits() {
        api = new Api(port);
        OrgUnit root = OrgUnits.unit("example-vn", OrgUnitLevel.CENTRAL, null, null, null);
        OrgUnit province = OrgUnits.unit("example-p", OrgUnitLevel.PROVINCE, root, LocalDate.of(2025, 7, 1), null);
        OrgUnit commune = OrgUnits.unit("example-w-na-hoa", OrgUnitLevel.GRASSROOTS, province,
                LocalDate.of(2025, 7, 1), null);
        OrgUnit cell = OrgUnits.unit("example-c-na-hoa", OrgUnitLevel.CELL, commune, LocalDate.of(2025, 7, 1), null);
        OrgUnit other = OrgUnits.unit("example-w-other", OrgUnitLevel.GRASSROOTS, province, null, null);
        bulkCommune = OrgUnits.unit(units.id("w"), OrgUnitLevel.GRASSROOTS, province, null, null);
        copyCommune = OrgUnits.unit(units.id("w"), OrgUnitLevel.GRASSROOTS, province, null, null);
        signingCommune = OrgUnits.unit(units.id("w"), OrgUnitLevel.GRASSROOTS, province, null, null);
        List<OrgUnit> all = new ArrayList<>(List.of(root, province, commune, cell, other, bulkCommune, copyCommune,
                signingCommune));
        for (int i = 0; i < CELLS; i++) {
            all.add(OrgUnits.unit(units.id("c" + i), OrgUnitLevel.CELL, bulkCommune, null, null));
        }
        units.publish(directory, all);
        officer = TestInfrastructure.get().token("officer-na-hoa", "Bí thư Đảng ủy xã", commune.id(),
                Role.UNIT_OFFICER);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = PledgeImportIT.class.getResourceAsStream("/imports/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private JsonNode importAndWait(String token, String contentType, Object body, Duration timeout) {
        Api.Response accepted = api.post("/api/pledges/imports", token, body, "Content-Type", contentType);
        assertThat(accepted.status()).isEqualTo(202);
        String jobId = accepted.body().get("jobId").asString();
        assertThat(accepted.header("Location")).isEqualTo("/api/pledges/imports/" + jobId);
        Instant giveUp = Instant.now().plus(timeout);
        while (Instant.now().isBefore(giveUp)) {
            JsonNode job = api.get("/api/pledges/imports/" + jobId, token).body();
            String status = job.get("status").asString();
            if (status.equals("COMPLETED") || status.equals("FAILED")) {
                return job;
            }
            sleep(250);
        }
        throw new AssertionError("Import " + jobId + " did not finish in " + timeout);
    }

    private static List<String> rejection(JsonNode job, long row) {
        List<String> fields = new ArrayList<>();
        job.get("rejectedRows").forEach(rejected -> {
            if (rejected.get("row").asLong() == row) {
                rejected.get("errors").forEach(error -> fields.add(error.get("field").asString()));
            }
        });
        return fields;
    }

    @Test
    void validRowsAreImportedInvalidOnesReportedAndAReimportCreatesNothingTwice() throws IOException {
        String csv = resource("pledges-example.csv");

        JsonNode job = importAndWait(officer, "text/csv", csv, Duration.ofSeconds(60));

        assertThat(job.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(job.get("rowsTotal").asLong()).isEqualTo(9);
        assertThat(job.get("rowsRead").asLong()).isEqualTo(9);
        assertThat(job.get("accepted").asLong()).isEqualTo(3);
        assertThat(job.get("duplicates").asLong()).isZero();
        assertThat(job.get("rejectedRowCount").asLong()).isEqualTo(5);
        // rows as the spreadsheet numbers them: the header is row 1
        assertThat(rejection(job, 6)).containsExactly("pledge");
        assertThat(rejection(job, 7)).containsExactly("dueDate");
        assertThat(rejection(job, 8)).containsExactly("area");
        assertThat(rejection(job, 9)).containsExactly("unitId");
        assertThat(rejection(job, 10)).containsExactly("unitId");
        JsonNode inVietnamese = api.send("GET", "/api/pledges/imports/" + job.get("jobId").asString(), officer, null,
                "Accept-Language", "vi-VN").body();
        assertThat(inVietnamese.toString()).contains("phải nằm trong năm 2026").doesNotContain("must be within");
        JsonNode imported = api.get("/api/pledges?unitId=example-c-na-hoa&year=2026", officer).body();
        assertThat(imported.get("total").asLong()).isEqualTo(3);
        assertThat(imported.toString()).contains("\"registeredBy\":\"officer-na-hoa\"");

        JsonNode again = importAndWait(officer, "text/csv", csv, Duration.ofSeconds(60));

        assertThat(again.get("accepted").asLong()).isZero();
        assertThat(again.get("duplicates").asLong()).isEqualTo(3);
        assertThat(again.get("duplicateRows")).extracting(JsonNode::asLong).containsExactlyInAnyOrder(2L, 4L, 5L);
        assertThat(api.get("/api/pledges?unitId=example-c-na-hoa&year=2026", officer).body().get("total").asLong())
                .isEqualTo(3);
    }

    @Test
    void jsonLinesAreImportedLineByLine() throws IOException {
        JsonNode job = importAndWait(officer, "application/x-ndjson", resource("pledges-example.ndjson"),
                Duration.ofSeconds(60));

        assertThat(job.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(job.get("accepted").asLong()).isEqualTo(1);
        assertThat(job.get("rejectedRowCount").asLong()).isEqualTo(3);
        assertThat(rejection(job, 2)).containsExactly("status");
        assertThat(rejection(job, 4)).containsExactly("year");
        assertThat(rejection(job, 5)).containsExactly("line");
        assertThat(meters.get("executor.completed").tag("name", "pledge.imports").functionCounter().count())
                .isPositive();
    }

    @Test
    void aDeclaredSigningDayDecidesWhetherAPledgeIsOnTimeAndABadOneRejectsItsRow() {
        String signingOfficer = TestInfrastructure.get().token("officer-signing", "Bí thư", signingCommune.id(),
                Role.UNIT_OFFICER);
        LocalDate today = LocalDate.now(RegistrationDeadlines.VIETNAM);
        String csv = "Năm;Mã đơn vị;Loại;Mã đảng viên;Họ và tên;Nhóm nội dung;Nội dung đăng ký;Chỉ tiêu;Ngày ký\n"
                + signingRow("signed-in-february", "15/02/2026")
                + signingRow("signed-in-may", "2026-05-20")
                + signingRow("signed-undeclared", "")
                + signingRow("signed-tomorrow", today.plusDays(1).toString())
                + signingRow("signed-before-the-season", "30/11/2025")
                + signingRow("signed-on-no-day", "31/02/2026");

        JsonNode job = importAndWait(signingOfficer, "text/csv", csv, Duration.ofSeconds(60));

        assertThat(job.get("accepted").asLong()).isEqualTo(3);
        assertThat(rejection(job, 5)).containsExactly("signedOn");
        assertThat(rejection(job, 6)).containsExactly("signedOn");
        assertThat(rejection(job, 7)).containsExactly("signedOn");
        String inVietnamese = api.send("GET", "/api/pledges/imports/" + job.get("jobId").asString(), signingOfficer,
                null, "Accept-Language", "vi").body().get("rejectedRows").toString();
        assertThat(inVietnamese).contains("không được sau ngày tải tệp lên", "không được trước ngày 01/12/2025",
                "phải là ngày dạng");
        Map<String, JsonNode> pledges = pledgesOf(signingOfficer, signingCommune.id());
        assertThat(pledges.get("signed-in-february").get("signedOn").asString()).isEqualTo("2026-02-15");
        assertThat(pledges.get("signed-in-february").get("onTime").asBoolean()).isTrue();
        assertThat(pledges.get("signed-in-may").get("signedOn").asString()).isEqualTo("2026-05-20");
        assertThat(pledges.get("signed-in-may").get("onTime").asBoolean()).isFalse();
        assertThat(pledges.get("signed-undeclared").get("signedOn").asString()).isEqualTo(today.toString());
        for (JsonNode pledge : pledges.values()) {
            assertThat(Instant.parse(pledge.get("registeredAt").asString()))
                    .as("entered now, whatever day it was signed").isAfter(Instant.now().minus(Duration.ofMinutes(5)));
        }
    }

    @Test
    void anExcelDateCellDeclaresTheSigningDay() throws IOException {
        String signingOfficer = TestInfrastructure.get().token("officer-signing", "Bí thư", signingCommune.id(),
                Role.UNIT_OFFICER);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("Đăng ký");
            String[] header = {"Năm", "Mã đơn vị", "Loại", "Mã đảng viên", "Họ và tên", "Nhóm nội dung",
                    "Nội dung đăng ký", "Chỉ tiêu", "Ngày ký"};
            Row headerRow = sheet.createRow(0);
            for (int i = 0; i < header.length; i++) {
                headerRow.createCell(i).setCellValue(header[i]);
            }
            CellStyle dateStyle = workbook.createCellStyle();
            dateStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
            Object[][] rows = {{"xlsx-signed-in-march", LocalDate.of(2026, 3, 31)},
                    {"xlsx-signed-in-april", LocalDate.of(2026, 4, 1)}};
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r + 1);
                String[] cells = signingRow((String) rows[r][0], "").split(";");
                row.createCell(0).setCellValue(2026);
                for (int c = 1; c < 8; c++) {
                    row.createCell(c).setCellValue(cells[c]);
                }
                row.createCell(8).setCellValue((LocalDate) rows[r][1]);
                row.getCell(8).setCellStyle(dateStyle);
            }
            workbook.write(file);
        }

        JsonNode job = importAndWait(signingOfficer, ImportFormat.XLSX.mediaType(), file.toByteArray(),
                Duration.ofSeconds(60));

        assertThat(job.get("accepted").asLong()).isEqualTo(2);
        Map<String, JsonNode> pledges = pledgesOf(signingOfficer, signingCommune.id());
        assertThat(pledges.get("xlsx-signed-in-march").get("signedOn").asString()).isEqualTo("2026-03-31");
        assertThat(pledges.get("xlsx-signed-in-march").get("onTime").asBoolean()).isTrue();
        assertThat(pledges.get("xlsx-signed-in-april").get("signedOn").asString()).isEqualTo("2026-04-01");
        assertThat(pledges.get("xlsx-signed-in-april").get("onTime").asBoolean()).isFalse();
    }

    private String signingRow(String memberId, String signedOn) {
        return "2026;" + signingCommune.id() + ";Cá nhân;" + memberId + ";Đảng viên " + memberId + ";Nhiệm vụ;"
                + "Vận động " + (memberId.length() + 10) + " hộ ở thôn Đồng Tâm tham gia bảo hiểm y tế " + memberId
                + ";" + (memberId.length() + 10) + " hộ;" + signedOn + "\n";
    }

    private Map<String, JsonNode> pledgesOf(String token, String unitId) {
        Map<String, JsonNode> byMember = new HashMap<>();
        api.get("/api/pledges?unitId=" + unitId + "&year=2026&size=100", token).body().get("items")
                .forEach(pledge -> byMember.put(pledge.get("pledger").get("memberId").asString(), pledge));
        return byMember;
    }

    @Test
    void aRowOfAMemberOfAnotherUnitIsRejectedAsThroughTheApi() {
        String foreign = "m-" + units.id("foreign");
        String local = "m-" + units.id("local");
        String memberElsewhere = TestInfrastructure.get().token(foreign, "Lê Văn Khác", "example-w-other", Role.MEMBER);
        assertThat(api.get("/api/pledges", memberElsewhere).status()).isEqualTo(200);
        String csv = "year,unitId,pledgerKind,memberId,fullName,area,action,linkedDuty,measure,target,dueDate\n"
                + "2026,example-c-na-hoa,INDIVIDUAL," + foreign + ",Lê Văn Khác,DUTY,Vận động 12 hộ tham gia "
                + "bảo hiểm y tế tại thôn Na Hoa,Trưởng thôn,Số thẻ được cấp,12 hộ,2026-10-31\n"
                + "2026,example-c-na-hoa,INDIVIDUAL," + local + ",Nguyễn Thị Mới,DUTY,Vận động 15 hộ lắp đèn "
                + "chiếu sáng đường thôn Na Hoa,Chi hội trưởng phụ nữ,Số hộ đã lắp,15 hộ,2026-10-31\n";

        JsonNode job = importAndWait(officer, "text/csv", csv, Duration.ofSeconds(60));

        assertThat(job.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(job.get("accepted").asLong()).isEqualTo(1);
        assertThat(rejection(job, 2)).containsExactly("memberId");
        assertThat(rejection(job, 3)).isEmpty();
    }

    @Test
    void anImportIsSeenOnlyByItsImporter() throws IOException {
        Api.Response accepted = api.post("/api/pledges/imports", officer, resource("pledges-example.ndjson"),
                "Content-Type", "application/x-ndjson");
        String other = TestInfrastructure.get().token("someone-else", "Người khác", "example-w-na-hoa",
                Role.UNIT_OFFICER);

        assertThat(api.get("/api/pledges/imports/" + accepted.body().get("jobId").asString(), other).status())
                .isEqualTo(404);
        assertThat(api.post("/api/pledges/imports", officer, "{}", "Content-Type", "application/json").status())
                .isEqualTo(415);
    }

    @Test
    void aUserWithTooManyImportsWaitingOrRunningIsRefusedWith429AndOthersAreNot() throws IOException {
        String busy = "busy-" + units.id("importer");
        Instant now = Instant.now();
        for (int i = 0; i < 3; i++) {
            mongo.insert(new ImportJob(busy + "-job-" + i, ImportFormat.CSV, ImportStatus.QUEUED,
                    new ImportJob.Importer(busy, "Bí thư", "example-w-na-hoa", Set.of(Role.UNIT_OFFICER)),
                    now, null, null, now, "another-instance", 0, 0, 0, 0, 0, List.of(), List.of(), 0, List.of(), null, null));
        }
        String busyToken = TestInfrastructure.get().token(busy, "Bí thư", "example-w-na-hoa", Role.UNIT_OFFICER);

        Api.Response refused = api.post("/api/pledges/imports", busyToken, resource("pledges-example.ndjson"),
                "Content-Type", "application/x-ndjson");

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        // a file whose one line is rejected: accepted as a job, and it adds no pledge the other tests would count
        assertThat(api.post("/api/pledges/imports", officer, "{\"unknown\": 1}\n",
                "Content-Type", "application/x-ndjson").status()).isEqualTo(202);
    }

    @Test
    void aJobInterruptedByACrashIsMarkedFailedAtStartup() {
        Instant longAgo = Instant.now().minus(Duration.ofHours(1));
        ImportJob crashed = new ImportJob("crashed-" + units.id("job"), ImportFormat.CSV, ImportStatus.RUNNING,
                new ImportJob.Importer("officer-na-hoa", "Bí thư", "example-w-na-hoa", Set.of(Role.UNIT_OFFICER)),
                longAgo, longAgo, null, longAgo, "a-dead-instance", 10, 4, 2, 0, 0, List.of(), List.of(), 0, List.of(), null, null);
        mongo.insert(crashed);

        importService.stop();
        importService.start();

        JsonNode job = api.get("/api/pledges/imports/" + crashed.id(), officer).body();
        assertThat(job.get("status").asString()).isEqualTo("FAILED");
        assertThat(job.get("failureReason").asString()).contains("again is safe");
        assertThat(meters.get("executor.completed").tag("name", "pledge.imports").functionCounter().count())
                .as("the restarted pool is the one measured").isZero();
    }

    @Test
    void aFileOfFiftyThousandRowsCompletes() {
        StringBuilder csv = new StringBuilder("year,unitId,pledgerKind,memberId,fullName,area,action,linkedDuty,"
                + "measure,target,dueDate\n");
        int rows = 50_000;
        for (int i = 0; i < rows / 2; i++) {
            String cell = units.id("c" + (i / (rows / 2 / CELLS)));
            String member = "bulk-" + i;
            csv.append("2026,").append(cell).append(",INDIVIDUAL,").append(member).append(",Đảng viên số ").append(i)
                    .append(",DUTY,Vận động ").append(i % 50 + 1).append(" hộ tham gia bảo hiểm y tế tại tổ dân phố số ")
                    .append(i).append(",Tổ trưởng tổ dân phố ").append(i).append(",Số thẻ được cấp,")
                    .append(i % 50 + 1).append(" hộ,2026-10-31\n");
            csv.append("2026,").append(cell).append(",INDIVIDUAL,").append(member).append(",Đảng viên số ").append(i)
                    .append(",STUDY,Viết ").append(i % 3 + 1).append(" bài thu hoạch về chuyên đề năm gắn với công việc")
                    .append(" của đảng viên ").append(i).append(",Đảng viên chi bộ,Bài thu hoạch,")
                    .append(i % 3 + 1).append(" bài,2026-12-15\n");
        }
        String bulkOfficer = TestInfrastructure.get().token("officer-bulk", "Bí thư", bulkCommune.id(),
                Role.UNIT_OFFICER);

        JsonNode job = importAndWait(bulkOfficer, "text/csv", csv.toString(), Duration.ofMinutes(8));

        assertThat(job.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(job.get("rowsRead").asLong()).isEqualTo(rows);
        assertThat(job.get("accepted").asLong()).isEqualTo(rows / 2);
        assertThat(job.get("rejectedRowCount").asLong()).isZero();
    }

    @Test
    void nearCopiesAreFoundAmongStoredPledgesAndEarlierBatchesOfTheSameFile() {
        String copyOfficer = TestInfrastructure.get().token("officer-copies", "Bí thư", copyCommune.id(),
                Role.UNIT_OFFICER);
        String stored = "Hướng dẫn 40 hộ kinh doanh trên địa bàn xã kê khai thuế điện tử qua ứng dụng eTax Mobile";
        assertThat(api.post("/api/pledges", copyOfficer, Map.of("year", 2026, "unitId", copyCommune.id(),
                "pledger", Map.of("kind", "INDIVIDUAL", "memberId", "copies-stored", "fullName", "Lê Văn Mẫu",
                        "position", "Công chức tài chính"),
                "commitments", List.of(Map.of("area", "DUTY", "action", stored, "linkedDuty", "Công chức tài chính",
                        "measure", "Số hộ kê khai", "target", "40 hộ", "dueDate", "2026-10-31")))).status())
                .isEqualTo(201);
        String firstBatch = "Trồng và chăm sóc 25 cây sao đen dọc tuyến đường trục chính của thôn Đồng Tâm";
        StringBuilder csv = new StringBuilder("year,unitId,pledgerKind,memberId,fullName,area,action,linkedDuty,"
                + "measure,target,dueDate\n");
        row(csv, "copies-first", firstBatch);
        for (int i = 0; i < 500; i++) { // the rest of the first batch
            row(csv, "copies-filler-" + i, "Sửa chữa " + (i + 1) + " bóng đèn chiếu sáng công cộng ở tổ dân phố số "
                    + i + " trước ngày lễ");
        }
        row(csv, "copies-of-stored", stored.replace("40 hộ", "45 hộ"));
        row(csv, "copies-of-first-batch", firstBatch.replace("25 cây", "30 cây"));
        row(csv, "copies-nothing", "Tổ chức 2 buổi nói chuyện chuyên đề về phòng chống ma túy cho đoàn viên thanh niên");

        JsonNode job = importAndWait(copyOfficer, "text/csv", csv.toString(), Duration.ofMinutes(2));

        assertThat(job.get("accepted").asLong()).isEqualTo(504);
        assertThat(findings("copies-of-stored")).contains("COPIES_OTHER_PLEDGE");
        assertThat(findings("copies-of-first-batch")).contains("COPIES_OTHER_PLEDGE");
        assertThat(findings("copies-nothing")).doesNotContain("COPIES_OTHER_PLEDGE");
    }

    private void row(StringBuilder csv, String memberId, String action) {
        csv.append("2026,").append(copyCommune.id()).append(",INDIVIDUAL,").append(memberId).append(",Đảng viên ")
                .append(memberId).append(",DUTY,\"").append(action).append("\",Đảng viên chi bộ,Kết quả,1 việc,")
                .append("2026-10-31\n");
    }

    private String findings(String memberId) {
        org.bson.Document pledge = mongo.getCollection("pledges")
                .find(new org.bson.Document("pledger.memberId", memberId)).first();
        assertThat(pledge).as(memberId).isNotNull();
        return pledge.get("specificity").toString();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
