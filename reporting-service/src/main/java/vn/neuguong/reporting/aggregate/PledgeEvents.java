package vn.neuguong.reporting.aggregate;

import java.time.Instant;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import vn.neuguong.contracts.Topics;
import vn.neuguong.contracts.pledge.PledgeChanged;
import vn.neuguong.contracts.pledge.PledgeSnapshot;
import vn.neuguong.contracts.pledge.PledgeStatus;

/** {@code neuguong.pledge.events}: every event carries the pledge's whole new state ({@code to}). */
public final class PledgeEvents implements EventSource {

    private final JsonMapper jsonMapper;
    private final Contribution<PledgeSnapshot> contribution = new PledgeContribution();

    public PledgeEvents(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    @Override
    public String topic() {
        return Topics.PLEDGE_EVENTS;
    }

    @Override
    public String name() {
        return "pledge";
    }

    @Override
    public EntityChange read(String key, byte[] value, long recordTimestamp) {
        if (value == null) {
            throw new UnreadableEventException("the record has no value");
        }
        PledgeChanged event;
        try {
            event = jsonMapper.readValue(value, PledgeChanged.class);
        } catch (JacksonException e) {
            throw new UnreadableEventException("not a PledgeChanged JSON document: " + e.getOriginalMessage(), e);
        }
        check(event, key);
        Instant eventTime = event.occurredAt() != null ? event.occurredAt() : Instant.ofEpochMilli(recordTimestamp);
        return new EntityChange(event.pledgeId(), event.version(), event.year(), event.unitPath(),
                contribution.of(event.to()), eventTime);
    }

    private static void check(PledgeChanged event, String key) {
        if (event == null || event.pledgeId() == null || event.pledgeId().isBlank()) {
            throw new UnreadableEventException("pledgeId is missing");
        }
        if (key == null || !key.equals(event.pledgeId())) {
            throw new UnreadableEventException("the record key " + key + " is not the pledgeId " + event.pledgeId());
        }
        if (event.version() < 1) {
            throw new UnreadableEventException("version must be 1 or more");
        }
        if (event.year() < 1900 || event.year() > 9999) {
            throw new UnreadableEventException("year " + event.year() + " is out of range");
        }
        if (event.unitPath() == null || event.unitPath().isEmpty() || event.unitPath().contains(null)
                || !event.unitPath().get(event.unitPath().size() - 1).equals(event.unitId())) {
            throw new UnreadableEventException("unitPath must end with unitId");
        }
        PledgeSnapshot to = event.to();
        if (to == null || to.status() == null) {
            throw new UnreadableEventException("to.status is missing");
        }
        if (to.status() != PledgeStatus.WITHDRAWN && to.pledgerKind() == null) {
            throw new UnreadableEventException("to.pledgerKind is missing");
        }
        if (to.status() == PledgeStatus.EVALUATED && to.grade() == null) {
            throw new UnreadableEventException("to.grade is missing for an evaluated pledge");
        }
    }
}
