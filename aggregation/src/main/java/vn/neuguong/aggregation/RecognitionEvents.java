package vn.neuguong.aggregation;

import java.time.Instant;

import tools.jackson.databind.json.JsonMapper;
import vn.neuguong.contracts.Topics;
import vn.neuguong.contracts.recognition.NominationChanged;
import vn.neuguong.contracts.recognition.NominationSnapshot;
import vn.neuguong.contracts.recognition.NominationStatus;

/** {@code neuguong.recognition.events}: every event carries the nomination's whole new state ({@code to}). */
public final class RecognitionEvents implements EventSource {

    private final JsonMapper jsonMapper;
    private final Contribution<NominationSnapshot> contribution = new RecognitionContribution();

    public RecognitionEvents(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    @Override
    public String topic() {
        return Topics.RECOGNITION_EVENTS;
    }

    @Override
    public String name() {
        return "recognition";
    }

    @Override
    public EntityChange read(String key, byte[] value, long recordTimestamp) {
        NominationChanged event = EventChecks.parse(jsonMapper, value, NominationChanged.class);
        if (event == null) {
            throw new UnreadableEventException("nominationId is missing");
        }
        EventChecks.checkEntity(key, "nominationId", event.nominationId(), event.version(), event.year(),
                event.unitId(), event.unitPath());
        check(event.to());
        Instant eventTime = event.occurredAt() != null ? event.occurredAt() : Instant.ofEpochMilli(recordTimestamp);
        return new EntityChange(event.nominationId(), event.version(), event.year(), event.unitPath(),
                contribution.of(event.to()), eventTime);
    }

    private static void check(NominationSnapshot to) {
        if (to == null || to.status() == null) {
            throw new UnreadableEventException("to.status is missing");
        }
        if ((to.status() == NominationStatus.AWARDED || to.status() == NominationStatus.ESCALATED) && to.award() == null) {
            throw new UnreadableEventException("to.award is missing for an " + to.status() + " nomination");
        }
        if (to.escalations() < 0 || to.replications() < 0) {
            throw new UnreadableEventException("to.escalations and to.replications must not be negative");
        }
    }
}
