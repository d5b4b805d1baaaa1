package vn.neuguong.reporting.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import tools.jackson.databind.JsonNode;
import vn.neuguong.contracts.Role;
import vn.neuguong.contracts.pledge.PledgeChanged;
import vn.neuguong.contracts.pledge.PledgeSnapshot;
import vn.neuguong.contracts.pledge.PledgeStatus;
import vn.neuguong.contracts.pledge.PledgerKind;
import vn.neuguong.reporting.Api;
import vn.neuguong.reporting.aggregate.PledgeEventPublisher;
import vn.neuguong.testsupport.IntegrationTest;

/**
 * The exports read back with the libraries that wrote them (Apache POI, Commons CSV). Figures are Đà Nẵng's (p-48)
 * in a year of this class's own.
 */
@IntegrationTest
@ActiveProfiles("local") // the DEMO member counts the coverage is checked against
@DirtiesContext
class ExportsIT {

    private static final int YEAR = 2093;
    private static final Duration PATIENCE = Duration.ofSeconds(120);

    @LocalServerPort
    int port;

    private final String runId = UUID.randomUUID().toString().substring(0, 8);
    private final String board = Api.token("vn", Role.CENTRAL_BOARD);

    private Api api() {
        return new Api(port);
    }

    @Test
    void theAggregateExportsHoldTheUnitAndOneRowPerChildAsNumbersUnderVietnameseHeaders()
            throws Exception {
        try (PledgeEventPublisher publisher = new PledgeEventPublisher()) {
            for (int i = 0; i < 3; i++) {
                publisher.publish(new PledgeChanged("pl-export-" + runId + "-" + i, 1, "w-20194",
                        List.of("vn", "p-48", "w-20194"), YEAR, null, new PledgeSnapshot(PledgeStatus.REGISTERED,
                                PledgerKind.INDIVIDUAL, true, false, 0.9, null), Instant.now()));
            }
        }
        // the province's and the commune's figures are written by separate polls: wait for both
        for (String unit : List.of("p-48", "w-20194")) {
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(api().get("/api/aggregates/" + unit + "?year="
                    + YEAR, board).json().get("pledges").get("registered").asLong()).isEqualTo(3));
        }
        long children = api().get("/api/aggregates/p-48/children?year=" + YEAR + "&size=1", board).json().get("total")
                .asLong();

        Api.Download xlsx = api().download("/api/exports/p-48.xlsx?year=" + YEAR, board);
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.contentType()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(xlsx.contentDisposition()).contains("neuguong-p-48-" + YEAR + ".xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            Row header = sheet.getRow(AggregateWorkbook.HEADER_ROW);
            Row headerEn = sheet.getRow(AggregateWorkbook.HEADER_ROW + 1);
            assertThat(header.getCell(1).getStringCellValue()).isEqualTo("Tên đơn vị");
            assertThat(headerEn.getCell(1).getStringCellValue()).isEqualTo("Unit");
            int registered = column(header, "Bản đăng ký");
            assertThat(headerEn.getCell(registered).getStringCellValue()).isEqualTo("Pledges registered");
            Row province = sheet.getRow(AggregateWorkbook.FIRST_DATA_ROW);
            assertThat(province.getCell(0).getStringCellValue()).isEqualTo("p-48");
            assertThat(province.getCell(1).getStringCellValue()).isEqualTo("Đà Nẵng");
            assertThat(province.getCell(registered).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(province.getCell(registered).getNumericCellValue()).isEqualTo(3);
            assertThat(sheet.getLastRowNum() - AggregateWorkbook.FIRST_DATA_ROW).isEqualTo(children);
            Row commune = rowOf(sheet, "w-20194");
            assertThat(commune.getCell(1).getStringCellValue()).isEqualTo("Hải Vân");
            assertThat(commune.getCell(2).getStringCellValue()).isEqualTo("Cấp cơ sở");
            assertThat(commune.getCell(registered).getNumericCellValue()).isEqualTo(3);
            assertThat(commune.getCell(column(header, "Tỷ lệ đảng viên đăng ký")).getCellType())
                    .isEqualTo(CellType.NUMERIC);
            assertThat(sheet.getPaneInformation().getHorizontalSplitTopRow())
                    .isEqualTo((short) AggregateWorkbook.FIRST_DATA_ROW);
            // printed legibly: continued on further pages with the unit columns repeated, not squeezed onto one
            assertThat(sheet.getFitToPage()).isFalse();
            assertThat(sheet.getPrintSetup().getScale()).isGreaterThanOrEqualTo((short) 75);
            assertThat(sheet.getRepeatingColumns().getLastColumn()).isEqualTo(2);
        }

        Api.Download csv = api().download("/api/exports/p-48.csv?year=" + YEAR, board);
        assertThat(csv.contentType()).startsWith("text/csv");
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text.substring(1)))) {
            assertThat(parser.getHeaderNames()).contains("Tên đơn vị (Unit)", "Bản đăng ký (Pledges registered)");
            List<CSVRecord> records = parser.getRecords();
            assertThat(records).hasSize((int) children + 1);
            assertThat(records.get(0).get("Mã đơn vị (Unit id)")).isEqualTo("p-48");
            assertThat(Long.parseLong(records.get(0).get("Bản đăng ký (Pledges registered)"))).isEqualTo(3);
            CSVRecord commune = records.stream().filter(record -> record.get(0).equals("w-20194")).findFirst().orElseThrow();
            assertThat(Double.parseDouble(commune.get("Tỷ lệ đảng viên đăng ký (Coverage)"))).isPositive();
        }

        assertThat(api().download("/api/exports/p-48.xlsx?year=" + YEAR, Api.token("p-19", Role.PROVINCE_OFFICER))
                .status()).isEqualTo(403);
        assertThat(api().download("/api/exports/p-48.csv", board).status()).isEqualTo(400);
    }

    /** Two quarters of a year of their own: a year's report counts summed (3 submitted) would fail this test. */
    @Test
    void theFiguresWorkbookCountsReportsPeriodByPeriodNeverSummedOverTheYear() throws Exception {
        int year = 2094;
        String admin = Api.token("vn", Role.ADMIN);
        List<String> quarters = List.of("q1-" + runId, "q2-" + runId);
        for (int q = 0; q < quarters.size(); q++) {
            LocalDate from = LocalDate.of(year, 1 + 3 * q, 1);
            LocalDate to = from.plusMonths(3).minusDays(1);
            assertThat(api().post("/api/periods", admin, """
                    {"id": "%s", "kind": "QUARTERLY", "title": "Báo cáo quý %d năm %d", "from": "%s", "to": "%s",
                     "dueDates": {"GRASSROOTS": "%s", "PROVINCE": "%s", "CENTRAL": "%s"}}""".formatted(quarters.get(q),
                    q + 1, year, from, to, to.plusDays(10), to.plusDays(20), to.plusDays(30))).status())
                    .isEqualTo(201);
        }
        submit("w-20194", quarters.get(0));
        submit("w-20194", quarters.get(1));
        submit("w-20197", quarters.get(1));
        String officer = Api.token("p-48", Role.PROVINCE_OFFICER);

        Api.Download xlsx = api().download("/api/exports/p-48.xlsx?year=" + year, officer);

        assertThat(xlsx.status()).isEqualTo(200);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Row figuresHeader = workbook.getSheetAt(0).getRow(AggregateWorkbook.HEADER_ROW);
            for (int i = 0; i < figuresHeader.getLastCellNum(); i++) {
                assertThat(figuresHeader.getCell(i).getStringCellValue()).as("no year's sum of reports")
                        .doesNotContain("Báo cáo");
            }
            assertThat(workbook.getNumberOfSheets()).isEqualTo(3);
            for (int q = 0; q < quarters.size(); q++) {
                Sheet sheet = workbook.getSheetAt(1 + q);
                assertThat(sheet.getSheetName()).isEqualTo("Báo cáo " + quarters.get(q));
                assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).startsWith("Báo cáo quý " + (q + 1));
                JsonNode completeness = api().get("/api/completeness?unitId=p-48&periodId=" + quarters.get(q),
                        officer).json();
                Row summary = sheet.getRow(PeriodReportsSheet.SUMMARY_ROW + 2);
                assertThat(summary.getCell(0).getNumericCellValue())
                        .isEqualTo(completeness.get("expected").asDouble());
                assertThat(summary.getCell(1).getNumericCellValue()).isEqualTo(q + 1)
                        .isEqualTo(completeness.get("submitted").asDouble());
                assertThat(summary.getCell(5).getNumericCellValue())
                        .isEqualTo(completeness.get("reportingRate").asDouble());
                assertThat(sheet.getLastRowNum() - PeriodReportsSheet.FIRST_CHILD_ROW + 1)
                        .isEqualTo(completeness.get("byChild").size());
            }
        }
    }

    private void submit(String unitId, String periodId) {
        assertThat(api().post("/api/reports", Api.token(unitId, Role.UNIT_OFFICER), """
                {"unitId": "%s", "periodId": "%s",
                 "indicators": {"studySessions": 2, "studyParticipants": 80, "issuesResolved": 1},
                 "narrative": {"results": "Kết quả", "limitations": "Hạn chế", "lessons": "Bài học",
                               "proposals": "Kiến nghị"}}""".formatted(unitId, periodId)).status()).isEqualTo(201);
    }

    @Test
    void theConsolidatedReportOfAPeriodIsAPrintableWorkbook() throws Exception {
        String periodId = "in-" + runId;
        assertThat(api().post("/api/periods", Api.token("vn", Role.ADMIN), """
                {"id": "%s", "kind": "FINAL_REVIEW", "title": "Tổng kết 10 năm Chỉ thị 05-CT/TW", "from": "2092-01-01",
                 "to": "2092-12-31", "dueDates": {"GRASSROOTS": "2093-01-10", "PROVINCE": "2093-01-20",
                 "CENTRAL": "2093-01-31"}}""".formatted(periodId)).status()).isEqualTo(201);
        for (String unitId : List.of("w-20194", "w-20197")) {
            Api.Response submitted = api().post("/api/reports", Api.token(unitId, Role.UNIT_OFFICER), """
                    {"unitId": "%s", "periodId": "%s",
                     "indicators": {"studySessions": 7, "studyParticipants": 500, "issuesResolved": 4},
                     "narrative": {"results": "Kết quả của %s", "limitations": "Hạn chế", "lessons": "Bài học",
                                   "proposals": "Kiến nghị"}}""".formatted(unitId, periodId, unitId));
            assertThat(submitted.status()).isEqualTo(201);
        }
        String officer = Api.token("p-48", Role.PROVINCE_OFFICER);
        JsonNode consolidated = api().get("/api/reports/consolidated?unitId=p-48&periodId=" + periodId, officer).json();

        Api.Download xlsx = api().download("/api/exports/p-48/reports/" + periodId + ".xlsx", officer);
        assertThat(xlsx.status()).isEqualTo(200);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sums = workbook.getSheet(ConsolidatedWorkbook.SUMS_SHEET);
            assertThat(sums.getRow(0).getCell(0).getStringCellValue()).contains("Tổng kết 10 năm", "Đà Nẵng");
            Row studySessions = sums.getRow(ConsolidatedWorkbook.HEADER_ROW + 2);
            assertThat(studySessions.getCell(0).getStringCellValue()).startsWith("Số buổi học tập");
            assertThat(studySessions.getCell(1).getNumericCellValue()).isEqualTo(14)
                    .isEqualTo(consolidated.get("indicatorSums").get("studySessions").asDouble());
            assertThat(sums.getPrintSetup().getLandscape()).isTrue();
            assertThat(sums.getRepeatingRows()).isNotNull();
            assertThat(sums.getPaneInformation().isFreezePane()).isTrue();
            Sheet narratives = workbook.getSheet(ConsolidatedWorkbook.NARRATIVES_SHEET);
            assertThat(narratives.getRow(ConsolidatedWorkbook.HEADER_ROW).getCell(1).getStringCellValue())
                    .isEqualTo("Kết quả");
            assertThat(narratives.getRow(ConsolidatedWorkbook.HEADER_ROW + 2).getCell(1).getStringCellValue())
                    .startsWith("Kết quả của w-");
            Sheet missing = workbook.getSheet(ConsolidatedWorkbook.MISSING_SHEET);
            assertThat(missing.getLastRowNum() - ConsolidatedWorkbook.HEADER_ROW - 1)
                    .isEqualTo(consolidated.get("missing").size());
            assertThat(missing.getRow(ConsolidatedWorkbook.HEADER_ROW + 2).getCell(2).getStringCellValue())
                    .isEqualTo("Cấp cơ sở");
        }

        Api.Download pdf = api().download("/api/exports/p-48/reports/" + periodId + ".pdf", officer);
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).startsWith("application/pdf");
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("ĐẢNG CỘNG SẢN VIỆT NAM", "ĐẢNG BỘ ĐÀ NẴNG", "Đà Nẵng, ngày", "BÁO CÁO",
                    "Tổng kết 10 năm", "Số buổi học tập, quán triệt chuyên đề: 14.",
                    "Kết quả đạt được", "T/M BAN THƯỜNG VỤ", "BÍ THƯ");
        }
        assertThat(api().download("/api/exports/p-48/reports/" + periodId + ".pdf",
                Api.token("p-19", Role.PROVINCE_OFFICER)).status()).isEqualTo(404);
    }

    private static int column(Row header, String name) {
        for (int i = 0; i < header.getLastCellNum(); i++) {
            if (header.getCell(i).getStringCellValue().equals(name)) {
                return i;
            }
        }
        throw new AssertionError("No column " + name);
    }

    private static Row rowOf(Sheet sheet, String unitId) {
        for (int i = AggregateWorkbook.FIRST_DATA_ROW; i <= sheet.getLastRowNum(); i++) {
            if (sheet.getRow(i).getCell(0).getStringCellValue().equals(unitId)) {
                return sheet.getRow(i);
            }
        }
        throw new AssertionError("No row for " + unitId);
    }
}
