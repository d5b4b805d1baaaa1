package vn.neuguong.recognition.nomination;

import org.springframework.stereotype.Component;

import vn.neuguong.contracts.Topics;
import vn.neuguong.contracts.recognition.NominationChanged;
import vn.neuguong.platform.outbox.OutboxEvent;
import vn.neuguong.platform.outbox.OutboxEvents;

/** The {@link NominationChanged} event of a change, keyed by nomination id, attributed to the nominee's unit. */
@Component
public class NominationEvents {

    private final OutboxEvents outboxEvents;

    public NominationEvents(OutboxEvents outboxEvents) {
        this.outboxEvents = outboxEvents;
    }

    public OutboxEvent submitted(Nomination nomination) {
        return event(NominationChanged.SUBMITTED, null, nomination);
    }

    public OutboxEvent changed(String type, Nomination before, Nomination after) {
        return event(type, before, after);
    }

    private OutboxEvent event(String type, Nomination before, Nomination after) {
        NominationChanged data = new NominationChanged(after.id(), after.version(), after.nominee().unitId(),
                after.unitPath(), after.year(), before == null ? null : before.snapshot(), after.snapshot(),
                after.updatedAt());
        return outboxEvents.create(Topics.RECOGNITION_EVENTS, type, after.id(), data);
    }
}
