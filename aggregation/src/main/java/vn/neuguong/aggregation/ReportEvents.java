package vn.neuguong.aggregation;

import java.time.Instant;

import tools.jackson.databind.json.JsonMapper;
import vn.neuguong.contracts.Topics;
import vn.neuguong.contracts.report.ReportChanged;
import vn.neuguong.contracts.report.ReportSnapshot;

/**
 * {@code neuguong.report.events}, published by this service's own report documents: every event carries the
 * report's whole new state ({@code to}) and the year of its period.
 */
public final class ReportEvents implements EventSource {

    private final JsonMapper jsonMapper;
    private final Contribution<ReportSnapshot> contribution = new ReportContribution();

    public ReportEvents(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    @Override
    public String topic() {
        return Topics.REPORT_EVENTS;
    }

    @Override
    public String name() {
        return "report";
    }

    @Override
    public EntityChange read(String key, byte[] value, long recordTimestamp) {
        ReportChanged event = EventChecks.parse(jsonMapper, value, ReportChanged.class);
        if (event == null) {
            throw new UnreadableEventException("reportId is missing");
        }
        EventChecks.checkEntity(key, "reportId", event.reportId(), event.version(), event.year(), event.unitId(),
                event.unitPath());
        if (event.to() == null || event.to().status() == null) {
            throw new UnreadableEventException("to.status is missing");
        }
        Instant eventTime = event.occurredAt() != null ? event.occurredAt() : Instant.ofEpochMilli(recordTimestamp);
        return new EntityChange(event.reportId(), event.version(), event.year(), event.unitPath(),
                contribution.of(event.to()), eventTime);
    }
}
