package vn.neuguong.reporting.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.neuguong.contracts.CloudEvents;
import vn.neuguong.contracts.Role;
import vn.neuguong.contracts.Topics;
import vn.neuguong.contracts.report.ReportChanged;
import vn.neuguong.reporting.Api;
import vn.neuguong.reporting.TopicReader;
import vn.neuguong.testsupport.IntegrationTest;
import vn.neuguong.testsupport.TestInfrastructure;

/**
 * Periods, the report workflow, completeness and the consolidated view against the real broker and database. The
 * reports are in Thái Nguyên (p-19, 92 communes) and of Bắc Kạn (lp-06, merged into p-19 on 1 July 2025); periods
 * this class creates carry a run id, so their report ids and years are its own on the shared topic.
 */
@IntegrationTest
@DirtiesContext
class ReportsIT {

    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int COMMUNES_OF_THAI_NGUYEN = 92;

    @LocalServerPort
    int port;

    private final String runId = UUID.randomUUID().toString().substring(0, 8);
    private final String admin = Api.token("vn", Role.ADMIN);
    private final String board = Api.token("vn", Role.CENTRAL_BOARD);
    private final String provinceOfficer = Api.token("p-19", Role.PROVINCE_OFFICER);

    private Api api() {
        return new Api(port);
    }

    @Test
    void annualPeriodsExistFrom2016AndAdminsCreateOthers() {
        String member = Api.token("w-01840", Role.MEMBER);
        JsonNode periods = api().get("/api/periods?size=200", member).json();
        int currentYear = Year.now().getValue();
        assertThat(periods.get("total").asLong()).isGreaterThanOrEqualTo(currentYear - 2016 + 1);
        List<String> ids = new ArrayList<>();
        periods.get("items").forEach(period -> ids.add(period.get("id").asString()));
        assertThat(ids).contains("2016", "2019", String.valueOf(currentYear)).doesNotContain("2015");
        JsonNode year2019 = api().get("/api/periods/2019", member).json();
        assertThat(year2019.get("kind").asString()).isEqualTo("ANNUAL");
        assertThat(year2019.get("dueDates").get("GRASSROOTS").asString()).isEqualTo("2019-12-15");
        assertThat(year2019.get("dueDates").get("PROVINCE").asString()).isEqualTo("2019-12-31");
        assertThat(year2019.get("dueDates").get("CENTRAL").asString()).isEqualTo("2020-01-15");
        assertThat(api().get("/api/periods/2015", member).status()).isEqualTo(404);

        String body = period("so-ket-" + runId, "INTERIM_REVIEW", "2087-01-01", "2087-12-31", "2088-01-10",
                "2088-01-20", "2088-01-31");
        assertThat(api().post("/api/periods", provinceOfficer, body).status()).isEqualTo(403);
        Api.Response created = api().post("/api/periods", admin, body);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("standard").asBoolean()).isFalse();
        assertThat(api().get("/api/periods/so-ket-" + runId, member).json().get("kind").asString())
                .isEqualTo("INTERIM_REVIEW");
        assertThat(api().post("/api/periods", board, body).status()).isEqualTo(409);
        Map<String, String> key = Map.of("Idempotency-Key", "ky-" + runId);
        String keyed = period("ky-" + runId, "INTERIM_REVIEW", "2087-01-01", "2087-06-30", "2087-07-10",
                "2087-07-20", "2087-07-31");
        assertThat(api().post("/api/periods", admin, keyed, key).status()).isEqualTo(201);
        assertThat(api().post("/api/periods", admin, keyed, key).json().get("id").asString())
                .as("the first result again").isEqualTo("ky-" + runId);
        assertThat(api().post("/api/periods", admin, keyed.replace("ky-" + runId, "ky2-" + runId), key).status())
                .as("the key of another request").isEqualTo(409);
        assertThat(api().post("/api/periods", admin, period("2019", "ANNUAL", "2019-01-01", "2019-12-31",
                "2019-12-15", "2019-12-31", "2020-01-15")).status()).isEqualTo(409);
        Api.Response invalid = api().post("/api/periods", admin, period("x-" + runId, "ANNUAL", "2025-01-01",
                "2024-01-01", "2025-12-31", "2025-12-01", "2025-12-31"));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(fields(invalid)).contains("to", "dueDates.PROVINCE");
        assertThat(api().post("/api/periods", admin, body.replace("INTERIM_REVIEW", "BIENNIAL")).status())
                .isEqualTo(400);
    }

    @Test
    void aReportIsDraftedSubmittedReturnedResubmittedApprovedAndCorrectedWithItsHistoryAndEvents() {
        String periodId = "nam-" + runId;
        createPeriod(periodId, "2089-01-01", "2089-12-31", "2090-01-10", "2090-01-20", "2090-01-31");
        String communeOfficer = Api.token("w-01840", Role.UNIT_OFFICER);
        String reportId = periodId + "~w-01840";

        Api.Response draft = api().post("/api/reports?draft=true", communeOfficer, report("w-01840", periodId,
                "{\"studySessions\": 4}", "Dự thảo"));
        assertThat(draft.status()).isEqualTo(201);
        assertThat(draft.json().get("status").asString()).isEqualTo("DRAFT");
        assertThat(draft.json().get("id").asString()).isEqualTo(reportId);

        Api.Response incomplete = api().post("/api/reports", communeOfficer, report("w-01840", periodId,
                "{\"studySessions\": 4}", "Kết quả"));
        assertThat(incomplete.status()).isEqualTo(400);
        assertThat(fields(incomplete)).containsExactlyInAnyOrder("indicators.studyParticipants",
                "indicators.issuesResolved");

        JsonNode prefill = api().get("/api/reports/prefill?unitId=w-01840&periodId=" + periodId, communeOfficer).json();
        assertThat(prefill.get("indicators").get("membersRegistered").get("source").asString()).isEqualTo("AGGREGATES");
        assertThat(prefill.get("indicators").get("studySessions").get("value").isNull()).isTrue();
        long prefilledMembers = prefill.get("indicators").get("membersRegistered").get("value").asLong();

        String full = report("w-01840", periodId, "{\"studySessions\": 12, \"studyParticipants\": 850,"
                + " \"issuesResolved\": 9, \"membersRegistered\": " + (prefilledMembers + 7) + "}",
                "Tổ chức 12 buổi học tập chuyên đề năm, 850 lượt đảng viên tham gia");
        Api.Response submitted = api().post("/api/reports", communeOfficer, full, Map.of("Idempotency-Key", "k-" + runId));
        assertThat(submitted.status()).isEqualTo(200);
        assertThat(submitted.json().get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(submitted.json().get("onTime").asBoolean()).isTrue();
        assertThat(submitted.json().get("late").asBoolean()).isFalse();
        assertThat(submitted.json().get("version").asLong()).isEqualTo(2);
        JsonNode members = submitted.json().get("indicators").get("membersRegistered");
        assertThat(members.get("prefilled").asLong()).isEqualTo(prefilledMembers);
        assertThat(members.get("difference").asLong()).isEqualTo(7);
        assertThat(submitted.json().get("indicators").get("studySessions").get("prefilled").isNull()).isTrue();
        Api.Response retried = api().post("/api/reports", communeOfficer, full, Map.of("Idempotency-Key", "k-" + runId));
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.json().get("version").asLong()).isEqualTo(2);
        assertThat(api().post("/api/reports", communeOfficer, full).status()).isEqualTo(409);

        assertThat(api().get("/api/reports/" + reportId, Api.token("p-01", Role.PROVINCE_OFFICER)).status())
                .isEqualTo(404);
        assertThat(api().get("/api/reports/" + reportId, Api.token("w-01840", Role.MEMBER)).status()).isEqualTo(404);
        assertThat(api().post("/api/reports/" + reportId + "/approval", communeOfficer, "{}").status()).isEqualTo(403);
        assertThat(api().post("/api/reports/" + reportId + "/approval", board, "{}").status()).isEqualTo(403);
        assertThat(fields(api().post("/api/reports/" + reportId + "/return", provinceOfficer, "{\"reason\": \" \"}")))
                .containsExactly("reason");

        Api.Response returned = api().post("/api/reports/" + reportId + "/return", provinceOfficer,
                "{\"reason\": \"Bổ sung số liệu giải quyết vấn đề bức xúc\"}");
        assertThat(returned.json().get("status").asString()).isEqualTo("RETURNED");
        assertThat(returned.json().get("returnReason").asString()).isEqualTo("Bổ sung số liệu giải quyết vấn đề bức xúc");
        assertThat(api().post("/api/reports/" + reportId + "/approval", provinceOfficer, "").status()).isEqualTo(409);
        Api.Response resubmitted = api().post("/api/reports", communeOfficer, full.replace("\"issuesResolved\": 9",
                "\"issuesResolved\": 11"));
        assertThat(resubmitted.json().get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(resubmitted.json().get("onTime").asBoolean()).isTrue();
        Api.Response approved = api().post("/api/reports/" + reportId + "/approval", provinceOfficer, "");
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.json().get("status").asString()).isEqualTo("APPROVED");
        assertThat(api().post("/api/reports/" + reportId + "/approval", provinceOfficer, "",
                Map.of("If-Match", "\"3\"")).status()).isIn(409, 412);

        Api.Response corrected = api().post("/api/reports", communeOfficer, full.replace("\"issuesResolved\": 9",
                "\"issuesResolved\": 12"));
        assertThat(corrected.json().get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(corrected.json().get("corrected").asBoolean()).isTrue();
        assertThat(corrected.json().get("revision").asInt()).isEqualTo(2);
        assertThat(corrected.json().get("indicators").get("issuesResolved").get("value").asLong()).isEqualTo(12);
        Api.Response approvedAgain = api().post("/api/reports/" + reportId + "/approval", provinceOfficer,
                "{\"comment\": \"Đồng ý bản đính chính\"}");
        JsonNode history = approvedAgain.json().get("history");
        List<String> actions = new ArrayList<>();
        history.forEach(entry -> actions.add(entry.get("action").asString()));
        assertThat(actions).containsExactly("DRAFT_SAVED", "SUBMITTED", "RETURNED", "RESUBMITTED", "APPROVED",
                "CORRECTED", "APPROVED");
        assertThat(history.get(3).get("indicators").get("issuesResolved").get("value").asLong()).isEqualTo(11);
        assertThat(history.get(2).get("reason").asString()).startsWith("Bổ sung");
        assertThat(approvedAgain.json().get("version").asLong()).isEqualTo(7);

        assertThat(api().get("/api/reports?periodId=" + periodId, provinceOfficer).json().get("total").asLong())
                .isEqualTo(1);
        assertThat(api().get("/api/reports?periodId=" + periodId, Api.token("p-01", Role.PROVINCE_OFFICER)).json()
                .get("total").asLong()).isZero();
        assertThat(api().get("/api/reports?periodId=" + periodId + "&status=APPROVED", board).json().get("items")
                .get(0).get("id").asString()).isEqualTo(reportId);

        List<ConsumerRecord<String, String>> events = TopicReader.read(Topics.REPORT_EVENTS,
                record -> reportId.equals(record.key()), found -> found.size() >= 7, PATIENCE);
        List<String> types = events.stream().map(record -> header(record, CloudEvents.HEADER_TYPE)).toList();
        assertThat(types).containsExactly(ReportChanged.DRAFT_SAVED, ReportChanged.SUBMITTED, ReportChanged.RETURNED,
                ReportChanged.RESUBMITTED, ReportChanged.APPROVED, ReportChanged.CORRECTED, ReportChanged.APPROVED);
        ReportChanged last = JSON.readValue(events.get(6).value(), ReportChanged.class);
        assertThat(last.version()).isEqualTo(7);
        assertThat(last.unitPath()).containsExactly("vn", "p-19", "w-01840");
        assertThat(last.year()).isEqualTo(2089);
        assertThat(last.to().corrected()).isTrue();
        assertThat(last.from().status().name()).isEqualTo("SUBMITTED");
    }

    @Test
    void anIdempotencyKeyMeansOneRequestOfOneCallerOnEveryReportWrite() {
        String periodId = "khoa-" + runId;
        createPeriod(periodId, "2089-01-01", "2089-12-31", "2090-01-10", "2090-01-20", "2090-01-31");
        String communeOfficer = Api.token("w-01843", Role.UNIT_OFFICER);
        String anotherOfficer = TestInfrastructure.get().token("another-" + runId, "Cán bộ khác", "w-01843",
                Role.UNIT_OFFICER);
        String reportId = periodId + "~w-01843";
        Map<String, String> key = Map.of("Idempotency-Key", "draft-" + runId);

        Api.Response first = api().post("/api/reports?draft=true", communeOfficer,
                report("w-01843", periodId, "{\"studySessions\": 4}", "Bản nháp thứ nhất"), key);
        Api.Response second = api().post("/api/reports?draft=true", communeOfficer,
                report("w-01843", periodId, "{\"studySessions\": 5}", "Bản nháp thứ hai"), key);
        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.json().get("existingId").asString()).isEqualTo(reportId);
        assertThat(api().post("/api/reports?draft=true", communeOfficer,
                report("w-01843", periodId, "{\"studySessions\": 4}", "Bản nháp thứ nhất"), key).json()
                .get("version").asLong()).as("the first request again: its result, nothing written").isEqualTo(1);
        Api.Response anothers = api().post("/api/reports?draft=true", anotherOfficer,
                report("w-01843", periodId, "{\"studySessions\": 5}", "Bản nháp thứ hai"), key);
        assertThat(anothers.status()).as("keys are scoped to their caller").isEqualTo(200);
        assertThat(anothers.json().get("version").asLong()).isEqualTo(2);

        String full = report("w-01843", periodId, "{\"studySessions\": 12, \"studyParticipants\": 850,"
                + " \"issuesResolved\": 9}", "Kết quả");
        assertThat(api().post("/api/reports", communeOfficer, full).status()).isEqualTo(200);
        Map<String, String> reviewKey = Map.of("Idempotency-Key", "review-" + runId);
        Api.Response returned = api().post("/api/reports/" + reportId + "/return", provinceOfficer,
                "{\"reason\": \"Bổ sung số liệu\"}", reviewKey);
        assertThat(returned.status()).isEqualTo(200);
        assertThat(api().post("/api/reports/" + reportId + "/return", provinceOfficer,
                "{\"reason\": \"Bổ sung số liệu\"}", reviewKey).json().get("version").asLong())
                .isEqualTo(returned.json().get("version").asLong());
        assertThat(api().post("/api/reports/" + reportId + "/approval", provinceOfficer, "", reviewKey).status())
                .as("the return's key for an approval").isEqualTo(409);
        assertThat(api().get("/api/reports/" + reportId, provinceOfficer).json().get("status").asString())
                .isEqualTo("RETURNED");
    }

    @Test
    void aReportAfterTheDueDateIsAcceptedAndMarkedLateAndCompletenessCountsIt() {
        String periodId = "tre-" + runId;
        createPeriod(periodId, "2025-07-01", "2025-09-30", "2025-10-15", "2025-10-31", "2025-11-15");
        Api.Response late = api().post("/api/reports", Api.token("w-01843", Role.UNIT_OFFICER), report("w-01843",
                periodId, "{\"studySessions\": 3, \"studyParticipants\": 120, \"issuesResolved\": 1}", "Kết quả quý III"));
        assertThat(late.status()).isEqualTo(201);
        assertThat(late.json().get("late").asBoolean()).isTrue();
        assertThat(late.json().get("onTime").asBoolean()).isFalse();
        assertThat(late.json().get("dueDate").asString()).isEqualTo("2025-10-15");

        JsonNode completeness = api().get("/api/completeness?unitId=p-19&periodId=" + periodId, provinceOfficer).json();
        assertThat(completeness.get("expected").asLong()).isEqualTo(1 + COMMUNES_OF_THAI_NGUYEN);
        assertThat(completeness.get("submitted").asLong()).isEqualTo(1);
        assertThat(completeness.get("late").asLong()).isEqualTo(1);
        assertThat(completeness.get("onTime").asLong()).isZero();
        assertThat(completeness.get("missing").size()).isEqualTo(COMMUNES_OF_THAI_NGUYEN);
        assertThat(completeness.get("missing").get(0).get("unitId").asString()).isEqualTo("p-19");
        assertThat(completeness.get("missing").get(0).get("dueDate").asString()).isEqualTo("2025-10-31");
        assertThat(completeness.get("reportingRate").asDouble()).isEqualTo(1.0 / (1 + COMMUNES_OF_THAI_NGUYEN));
        assertThat(completeness.get("missing").get(1).get("parentName").asString()).isEqualTo("Thái Nguyên");
        assertThat(completeness.get("byChild").size()).isEqualTo(1 + COMMUNES_OF_THAI_NGUYEN);
        JsonNode searched = api().get("/api/completeness?unitId=p-19&periodId=" + periodId + "&q=dinh%20hoa&size=1",
                provinceOfficer).json();
        assertThat(searched.get("missingTotal").asLong()).isPositive().isLessThan(COMMUNES_OF_THAI_NGUYEN);
        assertThat(searched.get("missing").get(0).get("name").asString()).startsWith("Định Ho");
        JsonNode secondPage = api().get("/api/completeness?unitId=p-19&periodId=" + periodId + "&page=1&size=10",
                provinceOfficer).json();
        assertThat(secondPage.get("missingTotal").asLong()).isEqualTo(COMMUNES_OF_THAI_NGUYEN);
        assertThat(secondPage.get("missing").size()).isEqualTo(10);
        assertThat(api().get("/api/completeness?unitId=p-19&periodId=" + periodId, Api.token("p-01",
                Role.PROVINCE_OFFICER)).status()).isEqualTo(404);
    }

    @Test
    void aBacKanReportOf2019CountsForBacKanIn2019AndUnderThaiNguyenInTodaysStructure() {
        String bacKanOfficer = Api.token("lp-06", Role.PROVINCE_OFFICER);
        String body = report("lp-06", "2019", "{\"studySessions\": 40, \"studyParticipants\": 5200,"
                + " \"issuesResolved\": 17}", "Bắc Kạn: kết quả năm 2019");
        Api.Response submitted = api().post("/api/reports", bacKanOfficer, body, Map.of("Idempotency-Key", "bk-" + runId));
        assertThat(submitted.status()).isEqualTo(201);
        assertThat(submitted.json().get("late").asBoolean()).isTrue();
        for (int i = 0; i < 3; i++) {
            assertThat(api().post("/api/reports", bacKanOfficer, body, Map.of("Idempotency-Key", "bk-" + runId))
                    .json().get("version").asLong()).isEqualTo(1);
        }
        assertThat(api().post("/api/reports", bacKanOfficer, body).status()).isEqualTo(409);
        assertThat(api().post("/api/reports/2019~lp-06/approval", provinceOfficer, "").status()).isEqualTo(404);
        assertThat(api().post("/api/reports/2019~lp-06/approval", board, "").json().get("status").asString())
                .isEqualTo("APPROVED");

        JsonNode bacKan = completeness("lp-06", "2019", "");
        assertThat(List.of(bacKan.get("expected").asLong(), bacKan.get("submitted").asLong(),
                bacKan.get("approved").asLong())).containsExactly(1L, 1L, 1L);
        JsonNode national = completeness("vn", "2019", "");
        assertThat(national.get("expected").asLong()).isEqualTo(1 + 63);
        assertThat(national.get("submitted").asLong()).isEqualTo(1);
        JsonNode thaiNguyenAsRecorded = completeness("p-19", "2019", "");
        assertThat(thaiNguyenAsRecorded.get("expected").asLong()).isZero();
        assertThat(thaiNguyenAsRecorded.get("reportingRate").asDouble()).isZero();
        JsonNode thaiNguyenToday = completeness("p-19", "2019", "&structure=current");
        assertThat(thaiNguyenToday.get("expected").asLong()).isEqualTo(2);
        assertThat(thaiNguyenToday.get("submitted").asLong()).isEqualTo(1);
        assertThat(thaiNguyenToday.get("reportingRate").asDouble()).isEqualTo(0.5);
        assertThat(thaiNguyenToday.get("missing").size()).isEqualTo(1);
        assertThat(thaiNguyenToday.get("missing").get(0).get("unitId").asString()).isEqualTo("lp-19");

        JsonNode year2025 = completeness("p-19", "2025", "");
        assertThat(year2025.get("expected").asLong()).isEqualTo(1 + COMMUNES_OF_THAI_NGUYEN);
        Api.Response closedBeforeDue = api().post("/api/reports", bacKanOfficer, report("lp-06", "2025",
                "{\"studySessions\": 1, \"studyParticipants\": 1, \"issuesResolved\": 1}", "Nửa đầu năm 2025"));
        assertThat(closedBeforeDue.status()).isEqualTo(400);
        assertThat(fields(closedBeforeDue)).containsExactly("unitId");
        assertThat(api().post("/api/reports", Api.token("vn", Role.CENTRAL_BOARD), report("vn", "2019",
                "{\"studySessions\": 1, \"studyParticipants\": 1, \"issuesResolved\": 1}", "Báo cáo Trung ương"))
                .status()).isEqualTo(201);
        assertThat(completeness("vn", "2019", "").get("submitted").asLong()).isEqualTo(2);
    }

    @Test
    void parentsReadTheirChildrensReportsConsolidatedAndTheAggregatesCountThemExactly() {
        String periodId = "tong-hop-" + runId;
        createPeriod(periodId, "2088-01-01", "2088-12-31", "2089-01-10", "2089-01-20", "2089-01-31");
        submit("w-01840", periodId, 10, 800, 5, "Đức Xuân: học tập chuyên đề gắn với chuyển đổi số");
        submit("w-01849", periodId, 6, 410, 2, "Phong Quang: mô hình dân vận khéo");
        submit("w-01864", periodId, 1, 20, 0, "Bằng Thành: bản nháp bị trả lại");
        api().post("/api/reports/" + periodId + "~w-01840/approval", provinceOfficer, "");
        api().post("/api/reports/" + periodId + "~w-01864/return", provinceOfficer, "{\"reason\": \"Thiếu số liệu\"}");

        JsonNode consolidated = api().get("/api/reports/consolidated?unitId=p-19&periodId=" + periodId,
                provinceOfficer).json();
        assertThat(consolidated.get("childrenExpected").asInt()).isEqualTo(COMMUNES_OF_THAI_NGUYEN);
        assertThat(consolidated.get("childrenSubmitted").asInt()).isEqualTo(2);
        assertThat(consolidated.get("indicatorSums").get("studySessions").asLong()).isEqualTo(16);
        assertThat(consolidated.get("indicatorSums").get("studyParticipants").asLong()).isEqualTo(1210);
        List<String> narratives = new ArrayList<>();
        consolidated.get("reports").forEach(child -> narratives.add(child.get("narrative").get("results").asString()));
        assertThat(narratives).containsExactlyInAnyOrder("Đức Xuân: học tập chuyên đề gắn với chuyển đổi số",
                "Phong Quang: mô hình dân vận khéo");
        assertThat(consolidated.get("missing").size()).isEqualTo(COMMUNES_OF_THAI_NGUYEN - 2);
        assertThat(api().get("/api/reports/consolidated?unitId=p-19&periodId=" + periodId,
                Api.token("w-01840", Role.UNIT_OFFICER)).status()).isEqualTo(404);

        JsonNode completeness = completeness("p-19", periodId, "");
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode reports = api().get("/api/aggregates/p-19?year=2088", provinceOfficer).json().get("reports");
            assertThat(reports.get("submitted").asLong()).isEqualTo(completeness.get("submitted").asLong()).isEqualTo(2);
            assertThat(reports.get("approved").asLong()).isEqualTo(completeness.get("approved").asLong()).isEqualTo(1);
            assertThat(reports.get("onTime").asLong()).isEqualTo(completeness.get("onTime").asLong());
            assertThat(reports.get("expected").asLong()).isEqualTo(completeness.get("expected").asLong());
        });
    }

    private void submit(String unitId, String periodId, long sessions, long participants, long issues, String results) {
        Api.Response response = api().post("/api/reports", Api.token(unitId, Role.UNIT_OFFICER), report(unitId,
                periodId, "{\"studySessions\": " + sessions + ", \"studyParticipants\": " + participants
                        + ", \"issuesResolved\": " + issues + "}", results));
        assertThat(response.status()).as(response.json().toString()).isEqualTo(201);
    }

    private JsonNode completeness(String unitId, String periodId, String extra) {
        Api.Response response = api().get("/api/completeness?unitId=" + unitId + "&periodId=" + periodId + extra, board);
        assertThat(response.status()).isEqualTo(200);
        return response.json();
    }

    private void createPeriod(String id, String from, String to, String grassroots, String province, String central) {
        Api.Response created = api().post("/api/periods", admin, period(id, "INTERIM_REVIEW", from, to, grassroots,
                province, central));
        assertThat(created.status()).as(String.valueOf(created.json())).isEqualTo(201);
    }

    private static String period(String id, String kind, String from, String to, String grassroots, String province,
            String central) {
        return """
                {"id": "%s", "kind": "%s", "title": "Kỳ báo cáo %s", "from": "%s", "to": "%s",
                 "dueDates": {"GRASSROOTS": "%s", "PROVINCE": "%s", "CENTRAL": "%s"}}"""
                .formatted(id, kind, id, from, to, grassroots, province, central);
    }

    private static String report(String unitId, String periodId, String indicators, String results) {
        return """
                {"unitId": "%s", "periodId": "%s", "indicators": %s,
                 "narrative": {"results": "%s", "limitations": "Một số chi bộ còn hình thức",
                               "lessons": "Gắn học tập với giải quyết việc cụ thể", "proposals": "Bổ sung kinh phí"}}"""
                .formatted(unitId, periodId, indicators, results);
    }

    private static List<String> fields(Api.Response response) {
        List<String> fields = new ArrayList<>();
        response.json().get("errors").forEach(error -> fields.add(error.get("field").asString()));
        return fields;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
