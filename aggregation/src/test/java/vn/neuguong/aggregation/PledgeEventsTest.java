package vn.neuguong.aggregation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;
import vn.neuguong.contracts.pledge.PledgeChanged;
import vn.neuguong.contracts.pledge.PledgeStatus;
import vn.neuguong.contracts.pledge.PledgerKind;

class PledgeEventsTest {

    private final JsonMapper jsonMapper = JsonMapper.builder().build();
    private final PledgeEvents events = new PledgeEvents(jsonMapper);

    @Test
    void readsTheNewStateAsCounters() {
        PledgeChanged event = new PledgeChanged("pl-1", 3, "w-05500", List.of("vn", "p-19", "w-05500"), 2026, null,
                PledgeContributionTest.pledge(PledgeStatus.SELF_ASSESSED, PledgerKind.INDIVIDUAL, true, false, null),
                Instant.parse("2026-11-30T02:00:00Z"));
        EntityChange change = events.read("pl-1", jsonMapper.writeValueAsBytes(event), 0);
        assertThat(change.entityId()).isEqualTo("pl-1");
        assertThat(change.version()).isEqualTo(3);
        assertThat(change.unitPath()).containsExactly("vn", "p-19", "w-05500");
        assertThat(change.counters()).containsEntry("pledges.selfAssessed", 1L);
        assertThat(change.eventTime()).isEqualTo(Instant.parse("2026-11-30T02:00:00Z"));
    }

    @Test
    void toleratesFieldsItDoesNotKnow() {
        String json = """
                {"pledgeId":"pl-2","version":1,"unitId":"vn","unitPath":["vn"],"year":2026,"from":null,
                 "to":{"status":"REGISTERED","pledgerKind":"COLLECTIVE","onTime":true,"generic":false,
                       "specificityScore":0.9,"grade":null,"newField":1},"occurredAt":null,"newField":"x"}
                """;
        EntityChange change = events.read("pl-2", json.getBytes(StandardCharsets.UTF_8), 1_000);
        assertThat(change.counters()).containsEntry("pledges.collective", 1L);
        assertThat(change.eventTime()).isEqualTo(Instant.ofEpochMilli(1_000));
    }

    @Test
    void refusesWhatCannotBeAppliedWithAReason() {
        assertThatThrownBy(() -> events.read("pl-3", "not json".getBytes(StandardCharsets.UTF_8), 0))
                .isInstanceOf(UnreadableEventException.class).hasMessageContaining("PledgeChanged");
        String withoutState = """
                {"pledgeId":"pl-3","version":1,"unitId":"vn","unitPath":["vn"],"year":2026}""";
        assertThatThrownBy(() -> events.read("pl-3", withoutState.getBytes(StandardCharsets.UTF_8), 0))
                .isInstanceOf(UnreadableEventException.class).hasMessageContaining("to.status");
        String otherKey = """
                {"pledgeId":"pl-4","version":1,"unitId":"vn","unitPath":["vn"],"year":2026,
                 "to":{"status":"REGISTERED","pledgerKind":"INDIVIDUAL","onTime":true,"generic":false,"specificityScore":0.9}}""";
        assertThatThrownBy(() -> events.read("pl-3", otherKey.getBytes(StandardCharsets.UTF_8), 0))
                .isInstanceOf(UnreadableEventException.class).hasMessageContaining("record key");
        String pathNotEndingInUnit = """
                {"pledgeId":"pl-3","version":1,"unitId":"w-1","unitPath":["vn"],"year":2026,
                 "to":{"status":"REGISTERED","pledgerKind":"INDIVIDUAL","onTime":true,"generic":false,"specificityScore":0.9}}""";
        assertThatThrownBy(() -> events.read("pl-3", pathNotEndingInUnit.getBytes(StandardCharsets.UTF_8), 0))
                .isInstanceOf(UnreadableEventException.class).hasMessageContaining("unitPath");
    }
}
