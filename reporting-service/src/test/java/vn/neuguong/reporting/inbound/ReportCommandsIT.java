package vn.neuguong.reporting.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.neuguong.contracts.CloudEvents;
import vn.neuguong.contracts.Role;
import vn.neuguong.contracts.inbound.CommandOutcome;
import vn.neuguong.contracts.inbound.CommandTypes;
import vn.neuguong.contracts.inbound.InboundTopics;
import vn.neuguong.reporting.Api;
import vn.neuguong.testsupport.InboundPublisher;
import vn.neuguong.testsupport.IntegrationTest;

/**
 * Reports and conference attendance published on the inbound channel by a province's system (Thái Nguyên, p-19)
 * and a commune's (Đức Xuân, w-01840), against the real broker and database: the API's rules, one outcome each.
 */
@IntegrationTest
class ReportCommandsIT {

    private static final InboundPublisher PROVINCE = new InboundPublisher(InboundPublisher.newName("r"),
            InboundTopics.REPORTS);
    private static final InboundPublisher COMMUNE = new InboundPublisher(InboundPublisher.newName("c"),
            InboundTopics.REPORTS);
    private static final String COMMUNE_ID = "w-01840";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void publishers(DynamicPropertyRegistry registry) {
        registry.add("neuguong.inbound.publishers." + PROVINCE.name() + ".unit-id", () -> "p-19");
        registry.add("neuguong.inbound.publishers." + COMMUNE.name() + ".unit-id", () -> COMMUNE_ID);
        registry.add("neuguong.inbound.publishers." + COMMUNE.name() + ".roles", () -> "UNIT_OFFICER");
    }

    @LocalServerPort
    int port;

    private final String runId = UUID.randomUUID().toString().substring(0, 8);
    private final String admin = Api.token("vn", Role.ADMIN);
    private final String board = Api.token("vn", Role.CENTRAL_BOARD);

    private Api api() {
        return new Api(port);
    }

    @Test
    void aCommuneDraftsAndSubmitsItsReportTheProvinceApprovesItAndRepeatsAndIllegalTransitionsChangeNothing() {
        String periodId = period();
        String reportId = periodId + "~" + COMMUNE_ID;

        CommandOutcome draft = outcome(COMMUNE, COMMUNE.send(CommandTypes.REPORT_SAVE_DRAFT, COMMUNE_ID,
                report(COMMUNE_ID, periodId, Map.of("studySessions", 4))));
        String submission = COMMUNE.send(CommandTypes.REPORT_SUBMIT, COMMUNE_ID, fullReport(COMMUNE_ID, periodId));
        CommandOutcome submitted = outcome(COMMUNE, submission);

        assertThat(draft.status()).isEqualTo(CommandOutcome.Status.ACCEPTED);
        assertThat(draft.entityId()).isEqualTo(reportId);
        assertThat(draft.version()).isEqualTo(1L);
        assertThat(submitted.status()).isEqualTo(CommandOutcome.Status.ACCEPTED);
        assertThat(submitted.version()).isEqualTo(2L);
        JsonNode report = api().get("/api/reports/" + reportId, board).json();
        assertThat(report.get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(report.get("indicators").get("studyParticipants").get("value").asLong()).isEqualTo(850);
        assertThat(report.get("narrative").get("results").asString()).startsWith("Tổ chức 12 buổi");

        COMMUNE.sendWithId(submission, CommandTypes.REPORT_SUBMIT, COMMUNE_ID, fullReport(COMMUNE_ID, periodId));
        List<ConsumerRecord<String, String>> twice = COMMUNE.outcomesOf(submission, 2);
        CommandOutcome submittedAgain = outcome(COMMUNE, COMMUNE.send(CommandTypes.REPORT_SUBMIT, COMMUNE_ID,
                fullReport(COMMUNE_ID, periodId)));
        CommandOutcome approvedByItself = outcome(COMMUNE, COMMUNE.send(CommandTypes.REPORT_APPROVE, reportId,
                ""));

        assertThat(twice).hasSize(2);
        assertThat(twice.get(1).value()).isEqualTo(twice.get(0).value());
        assertThat(twice.get(0).headers()).extracting(Header::key).as("only the outcome's CloudEvents headers")
                .contains(CloudEvents.HEADER_ID, CloudEvents.HEADER_TYPE, CloudEvents.HEADER_SUBJECT)
                .allMatch(key -> key.startsWith("ce_") || key.equals(CloudEvents.HEADER_CONTENT_TYPE));
        assertThat(submittedAgain.status()).isEqualTo(CommandOutcome.Status.REJECTED);
        assertThat(submittedAgain.problem()).containsEntry("status", 409);
        assertThat(approvedByItself.status()).isEqualTo(CommandOutcome.Status.REJECTED);
        assertThat(approvedByItself.problem()).containsEntry("status", 403);
        assertThat(api().get("/api/reports/" + reportId, board).json().get("version").asLong()).isEqualTo(2);

        CommandOutcome approved = outcome(PROVINCE, PROVINCE.send(CommandTypes.REPORT_APPROVE, reportId,
                Map.of("comment", "Đạt yêu cầu"), CommandTypes.IF_MATCH_HEADER, "2"));
        CommandOutcome returnedAfterApproval = outcome(PROVINCE, PROVINCE.send(CommandTypes.REPORT_RETURN, reportId,
                Map.of("reason", "Bổ sung số liệu")));

        assertThat(approved.status()).isEqualTo(CommandOutcome.Status.ACCEPTED);
        assertThat(approved.version()).isEqualTo(3L);
        assertThat(returnedAfterApproval.problem()).containsEntry("status", 409);
        assertThat(api().get("/api/reports/" + reportId, board).json().get("status").asString()).isEqualTo("APPROVED");
    }

    @Test
    void badReportCommandsAreRejectedNamingTheFieldAndChangeNothing() {
        String periodId = period();

        CommandOutcome notANumber = outcome(PROVINCE, PROVINCE.send(CommandTypes.REPORT_SUBMIT, "p-19",
                fullReport("p-19", periodId).replace("850", "\"nhiều\"")));
        CommandOutcome incomplete = outcome(PROVINCE, PROVINCE.send(CommandTypes.REPORT_SUBMIT, "p-19",
                report("p-19", periodId, Map.of("studySessions", 4))));
        CommandOutcome unknownUnit = outcome(PROVINCE, PROVINCE.send(CommandTypes.REPORT_SUBMIT, "nowhere",
                fullReport("nowhere-" + runId, periodId)));
        CommandOutcome otherProvince = outcome(PROVINCE, PROVINCE.send(CommandTypes.REPORT_SUBMIT, "p-01",
                fullReport("p-01", periodId)));
        CommandOutcome itsCommune = outcome(PROVINCE, PROVINCE.send(CommandTypes.REPORT_SUBMIT, COMMUNE_ID,
                fullReport(COMMUNE_ID, periodId)));
        CommandOutcome noSuchReport = outcome(PROVINCE, PROVINCE.send(CommandTypes.REPORT_APPROVE,
                periodId + "~w-99999", ""));

        assertThat(List.of(notANumber, incomplete, unknownUnit, otherProvince, itsCommune, noSuchReport))
                .allMatch(outcome -> outcome.status() == CommandOutcome.Status.REJECTED)
                .allMatch(outcome -> outcome.entityId() == null);
        assertThat(fields(notANumber)).containsExactly("indicators.studyParticipants");
        assertThat(fields(incomplete)).contains("indicators.studyParticipants", "indicators.issuesResolved");
        assertThat(fields(unknownUnit)).containsExactly("unitId");
        assertThat(otherProvince.problem()).containsEntry("status", 403);
        assertThat(itsCommune.problem()).as("a unit's own officers submit its report, as in the API")
                .containsEntry("status", 403);
        assertThat(noSuchReport.problem()).containsEntry("status", 404);
        assertThat(api().get("/api/reports?periodId=" + periodId, board).json().get("total").asLong()).isZero();
    }

    @Test
    void aProvinceReportsTheAttendanceOfItsCommunesAtAConferenceButNotOfAnotherProvince() {
        String conference = api().post("/api/conferences", board, """
                {"title": "Hội nghị trực tuyến %s", "hostUnitId": "vn", "startsAt": "2026-02-26T01:00:00Z"}"""
                .formatted(runId)).json().get("id").asString();

        String checkIn = PROVINCE.send(CommandTypes.CONFERENCE_CHECK_IN, conference,
                Map.of("unitId", COMMUNE_ID, "connectionPoints", 6, "attendees", 450));
        CommandOutcome accepted = outcome(PROVINCE, checkIn);
        PROVINCE.sendWithId(checkIn, CommandTypes.CONFERENCE_CHECK_IN, conference,
                Map.of("unitId", COMMUNE_ID, "connectionPoints", 6, "attendees", 450));
        List<ConsumerRecord<String, String>> twice = PROVINCE.outcomesOf(checkIn, 2);
        CommandOutcome otherProvince = outcome(PROVINCE, PROVINCE.send(CommandTypes.CONFERENCE_CHECK_IN, conference,
                Map.of("unitId", "w-20194", "connectionPoints", 3, "attendees", 200)));
        CommandOutcome negative = outcome(PROVINCE, PROVINCE.send(CommandTypes.CONFERENCE_CHECK_IN, conference,
                Map.of("unitId", COMMUNE_ID, "connectionPoints", -1, "attendees", 450)));
        CommandOutcome unknownConference = outcome(PROVINCE, PROVINCE.send(CommandTypes.CONFERENCE_CHECK_IN,
                "cf-" + runId, Map.of("unitId", COMMUNE_ID, "connectionPoints", 6, "attendees", 450)));

        assertThat(accepted.status()).isEqualTo(CommandOutcome.Status.ACCEPTED);
        assertThat(accepted.entityId()).isEqualTo(conference + "|" + COMMUNE_ID);
        assertThat(accepted.version()).isEqualTo(1L);
        assertThat(twice).hasSize(2);
        assertThat(twice.get(1).value()).isEqualTo(twice.get(0).value());
        assertThat(otherProvince.problem()).containsEntry("status", 403);
        assertThat(fields(negative)).containsExactly("connectionPoints");
        assertThat(unknownConference.problem()).containsEntry("status", 404);
        JsonNode totals = api().get("/api/conferences/" + conference + "/totals", board).json();
        assertThat(totals.get("attendees").asLong()).isEqualTo(450);
        assertThat(totals.get("connectionPoints").asLong()).isEqualTo(6);
        assertThat(totals.get("units").asLong()).isEqualTo(1);
    }

    /** A period of this run, due far ahead so every submission is on time. */
    private String period() {
        String id = "inbound-" + runId + "-" + UUID.randomUUID().toString().substring(0, 4);
        Api.Response created = api().post("/api/periods", admin, """
                {"id": "%s", "kind": "INTERIM_REVIEW", "title": "Kỳ báo cáo %s", "from": "2093-01-01",
                 "to": "2093-12-31", "dueDates": {"GRASSROOTS": "2094-01-10", "PROVINCE": "2094-01-20",
                 "CENTRAL": "2094-01-31"}}""".formatted(id, id));
        assertThat(created.status()).as(String.valueOf(created.json())).isEqualTo(201);
        return id;
    }

    private static String report(String unitId, String periodId, Map<String, Integer> indicators) {
        return JSON.writeValueAsString(Map.of("unitId", unitId, "periodId", periodId, "indicators", indicators,
                "narrative", Map.of("results", "Dự thảo báo cáo")));
    }

    private static String fullReport(String unitId, String periodId) {
        return """
                {"unitId": "%s", "periodId": "%s",
                 "indicators": {"studySessions": 12, "studyParticipants": 850, "issuesResolved": 9},
                 "narrative": {"results": "Tổ chức 12 buổi học tập chuyên đề, 850 lượt đảng viên tham gia",
                               "limitations": "Một số chi bộ còn hình thức",
                               "lessons": "Gắn học tập với giải quyết việc cụ thể", "proposals": "Bổ sung kinh phí"}}"""
                .formatted(unitId, periodId);
    }

    private static CommandOutcome outcome(InboundPublisher publisher, String commandId) {
        return JSON.readValue(publisher.outcomeOf(commandId), CommandOutcome.class);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> fields(CommandOutcome outcome) {
        assertThat(outcome.problem()).containsEntry("status", 400);
        return ((List<Map<String, Object>>) outcome.problem().get("errors")).stream().map(e -> e.get("field"))
                .toList();
    }
}
