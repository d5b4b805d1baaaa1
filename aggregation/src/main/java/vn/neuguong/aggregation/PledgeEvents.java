package vn.neuguong.aggregation;

import java.time.Instant;

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
        PledgeChanged event = EventChecks.parse(jsonMapper, value, PledgeChanged.class);
        if (event == null) {
            throw new UnreadableEventException("pledgeId is missing");
        }
        EventChecks.checkEntity(key, "pledgeId", event.pledgeId(), event.version(), event.year(), event.unitId(),
                event.unitPath());
        check(event.to());
        Instant eventTime = event.occurredAt() != null ? event.occurredAt() : Instant.ofEpochMilli(recordTimestamp);
        return new EntityChange(event.pledgeId(), event.version(), event.year(), event.unitPath(),
                contribution.of(event.to()), eventTime);
    }

    private static void check(PledgeSnapshot to) {
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
