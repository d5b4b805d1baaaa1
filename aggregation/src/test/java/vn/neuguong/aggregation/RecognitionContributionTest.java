package vn.neuguong.aggregation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;
import vn.neuguong.contracts.recognition.Award;
import vn.neuguong.contracts.recognition.NominationChanged;
import vn.neuguong.contracts.recognition.NominationSnapshot;
import vn.neuguong.contracts.recognition.NominationStatus;
import vn.neuguong.contracts.recognition.NomineeKind;

class RecognitionContributionTest {

    private final RecognitionContribution contribution = new RecognitionContribution();
    private final JsonMapper jsonMapper = JsonMapper.builder().build();

    @Test
    void everyNominationCountsAsNominatedAndByItsOutcome() {
        assertThat(contribution.of(nomination(NominationStatus.SUBMITTED, null, 0, 0)))
                .isEqualTo(Map.of("recognition.nominated", 1L));
        assertThat(contribution.of(nomination(NominationStatus.AWARDED, Award.CERTIFICATE_OF_MERIT, 0, 0)))
                .isEqualTo(Map.of("recognition.nominated", 1L, "recognition.awarded.CERTIFICATE_OF_MERIT", 1L));
        assertThat(contribution.of(nomination(NominationStatus.REJECTED, null, 1, 0)))
                .isEqualTo(Map.of("recognition.nominated", 1L, "recognition.rejected", 1L, "recognition.escalated", 1L));
    }

    @Test
    void aHigherCouncilsRejectionLeavesTheLowerAwardCounted() {
        assertThat(contribution.of(nomination(NominationStatus.REJECTED, Award.CERTIFICATE_OF_MERIT, 1, 0)))
                .isEqualTo(Map.of("recognition.nominated", 1L, "recognition.awarded.CERTIFICATE_OF_MERIT", 1L,
                        "recognition.escalated", 1L));
    }

    @Test
    void anEscalatedNominationWasAwardedAtItsLevelAndAModelCountsItsReplications() {
        assertThat(contribution.of(nomination(NominationStatus.ESCALATED, Award.LETTER_OF_COMMENDATION, 1, 3)))
                .isEqualTo(Map.of("recognition.nominated", 1L, "recognition.awarded.LETTER_OF_COMMENDATION", 1L,
                        "recognition.escalated", 1L, "recognition.replications", 3L));
    }

    @Test
    void readsNominationEventsAndRefusesAnAwardWithoutItsKind() {
        RecognitionEvents events = new RecognitionEvents(jsonMapper);
        NominationChanged event = new NominationChanged("nm-1", 4, "w-05569", List.of("vn", "p-19", "w-05569"), 2026,
                null, nomination(NominationStatus.AWARDED, Award.DIPLOMA_OF_MERIT, 0, 2), Instant.parse("2026-05-19T01:00:00Z"));
        EntityChange change = events.read("nm-1", jsonMapper.writeValueAsBytes(event), 0);
        assertThat(change.version()).isEqualTo(4);
        assertThat(change.year()).isEqualTo(2026);
        assertThat(change.counters()).containsEntry("recognition.awarded.DIPLOMA_OF_MERIT", 1L)
                .containsEntry("recognition.replications", 2L);
        String noAward = """
                {"nominationId":"nm-2","version":2,"unitId":"vn","unitPath":["vn"],"year":2026,
                 "to":{"status":"AWARDED","nomineeKind":"MODEL","field":"X","reviewUnitId":"vn","escalations":0,"replications":0}}""";
        assertThatThrownBy(() -> events.read("nm-2", noAward.getBytes(StandardCharsets.UTF_8), 0))
                .isInstanceOf(UnreadableEventException.class).hasMessageContaining("to.award");
        assertThatThrownBy(() -> events.read("nm-9", jsonMapper.writeValueAsBytes(event), 0))
                .isInstanceOf(UnreadableEventException.class).hasMessageContaining("record key");
    }

    static NominationSnapshot nomination(NominationStatus status, Award award, int escalations, int replications) {
        return new NominationSnapshot(status, NomineeKind.MODEL, "DIGITAL_TRANSFORMATION", award, "p-19", escalations,
                replications);
    }
}
