package vn.neuguong.recognition.honour;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.neuguong.contracts.orgunit.OrgUnitLevel;
import vn.neuguong.contracts.recognition.Award;
import vn.neuguong.contracts.recognition.NomineeKind;
import vn.neuguong.recognition.council.CouncilProperties;
import vn.neuguong.recognition.field.FieldOfWork;
import vn.neuguong.recognition.nomination.DecisionOutcome;
import vn.neuguong.recognition.nomination.Nomination;
import vn.neuguong.recognition.nomination.Nominee;
import vn.neuguong.recognition.nomination.ReviewRound;
import vn.neuguong.recognition.nomination.Vote;

class HonourRollTest {

    private static final Instant NOW = Instant.parse("2025-12-01T00:00:00Z");

    private static Nomination awarded(String id, String name, FieldOfWork field) {
        Nomination nomination = Nomination.submitted(id, 2025, new Nominee(NomineeKind.INDIVIDUAL, name, "w-1", null),
                List.of("vn", "p-1", "w-1"), "w-1", field, "…", List.of(),
                ReviewRound.open("p-1", List.of("vn", "p-1"), OrgUnitLevel.PROVINCE, NOW),
                new Nomination.Change(NOW, "o", null));
        for (int i = 0; i < 5; i++) {
            nomination = nomination.withVote(new Vote("v" + i, "V", true, null, NOW),
                    new Nomination.Change(NOW, "v" + i, null));
        }
        return nomination.decided(DecisionOutcome.AWARDED, Award.CERTIFICATE_OF_MERIT, "QĐ-" + id, "Bí thư",
                CouncilProperties.DEFAULTS.get(OrgUnitLevel.PROVINCE), new Nomination.Change(NOW, "o", null));
    }

    @Test
    void groupsAwardsByLevelAndFieldInVietnameseAlphabeticalOrder() {
        HonourRoll roll = HonourRoll.of(2025, null, List.of(
                awarded("n-1", "Đỗ Văn Bình", FieldOfWork.EDUCATION),
                awarded("n-2", "Dương Thị An", FieldOfWork.EDUCATION),
                awarded("n-3", "Lê Văn Cường", FieldOfWork.PARTY_BUILDING)));

        assertThat(roll.total()).isEqualTo(3);
        assertThat(roll.levels()).singleElement().satisfies(level -> {
            assertThat(level.level()).isEqualTo(OrgUnitLevel.PROVINCE);
            assertThat(level.fields()).extracting(HonourRoll.Field::field)
                    .containsExactly(FieldOfWork.PARTY_BUILDING, FieldOfWork.EDUCATION);
            assertThat(level.fields().get(1).entries()).extracting(HonourRoll.Entry::name)
                    .containsExactly("Dương Thị An", "Đỗ Văn Bình");
            assertThat(level.fields().get(1).entries().get(0).decisionNo()).isEqualTo("QĐ-n-2");
        });
    }
}
