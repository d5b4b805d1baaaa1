package vn.neuguong.aggregation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;
import vn.neuguong.contracts.report.ReportChanged;
import vn.neuguong.contracts.report.ReportSnapshot;
import vn.neuguong.contracts.report.ReportStatus;

class ReportContributionTest {

    private final ReportContribution contribution = new ReportContribution();

    @Test
    void aReportCountsWhileItsSubmissionStands() {
        assertThat(contribution.of(new ReportSnapshot(ReportStatus.DRAFT, false, false, false))).isEmpty();
        assertThat(contribution.of(new ReportSnapshot(ReportStatus.SUBMITTED, true, false, false)))
                .isEqualTo(Map.of("reports.submitted", 1L, "reports.onTime", 1L));
        assertThat(contribution.of(new ReportSnapshot(ReportStatus.RETURNED, true, false, false))).isEmpty();
        assertThat(contribution.of(new ReportSnapshot(ReportStatus.APPROVED, false, true, true)))
                .isEqualTo(Map.of("reports.submitted", 1L, "reports.approved", 1L));
    }

    @Test
    void readsReportEventsInTheYearOfTheirPeriod() {
        JsonMapper jsonMapper = JsonMapper.builder().build();
        ReportEvents events = new ReportEvents(jsonMapper);
        ReportChanged event = new ReportChanged("2025~w-05569", 3, "w-05569", List.of("vn", "p-19", "w-05569"), "2025",
                2025, new ReportSnapshot(ReportStatus.SUBMITTED, true, false, false),
                new ReportSnapshot(ReportStatus.APPROVED, true, false, false), Instant.parse("2025-12-20T03:00:00Z"));
        EntityChange change = events.read("2025~w-05569", jsonMapper.writeValueAsBytes(event), 0);
        assertThat(change.year()).isEqualTo(2025);
        assertThat(change.counters()).isEqualTo(Map.of("reports.submitted", 1L, "reports.onTime", 1L,
                "reports.approved", 1L));
        assertThatThrownBy(() -> events.read("2025~w-05569", """
                {"version":1,"year":2025}""".getBytes(StandardCharsets.UTF_8), 0))
                .isInstanceOf(UnreadableEventException.class).hasMessageContaining("reportId");
    }
}
