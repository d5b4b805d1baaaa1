package vn.neuguong.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;
import vn.neuguong.contracts.Role;
import vn.neuguong.platform.security.CurrentUser;

class IdempotencyKeyTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final CurrentUser an = new CurrentUser("an", "An", "w-1", Set.of(Role.MEMBER));
    private final CurrentUser binh = new CurrentUser("binh", "Bình", "w-1", Set.of(Role.MEMBER));

    @Test
    void aKeyBelongsToItsCallerAndIsValidated() {
        assertThat(key(an, "k1", "pledge.withdrawal:p1", Map.of("reason", "x")).key())
                .isNotEqualTo(key(binh, "k1", "pledge.withdrawal:p1", Map.of("reason", "x")).key());
        assertThat(key(an, null, "pledge.withdrawal:p1", Map.of())).isNull();
        assertThatThrownBy(() -> key(an, " ", "op", Map.of())).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> key(an, "k".repeat(201), "op", Map.of())).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void theSameRequestIsRecognisedAndADifferentOneIsAConflict() {
        IdempotencyKey first = key(an, "k1", "pledge.self-assessment:p1", Map.of("summary", "Đã làm"));
        List<IdempotencyKey> remembered = IdempotencyKey.remember(List.of(), first);

        assertThat(key(an, "k1", "pledge.self-assessment:p1", Map.of("summary", "Đã làm")).appliedIn(remembered, "p1"))
                .isTrue();
        assertThat(key(an, "k2", "pledge.withdrawal:p1", Map.of()).appliedIn(remembered, "p1")).isFalse();
        assertThat(key(binh, "k1", "pledge.self-assessment:p1", Map.of("summary", "Đã làm")).appliedIn(remembered, "p1"))
                .as("another caller's key of the same name").isFalse();
        assertThatThrownBy(() -> key(an, "k1", "pledge.withdrawal:p1", Map.of()).appliedIn(remembered, "p1"))
                .as("another transition").isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> key(an, "k1", "pledge.self-assessment:p1", Map.of("summary", "Khác"))
                .appliedIn(remembered, "p1")).as("another body").isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> key(an, "k1", "pledge.self-assessment:p2", Map.of("summary", "Đã làm"))
                .requireSameRequestAs(first, "p1")).as("another entity").isInstanceOf(ConflictException.class);
    }

    @Test
    void anEntityRemembersTheLastKeysOnly() {
        List<IdempotencyKey> remembered = new ArrayList<>();
        for (int i = 0; i < IdempotencyKey.KEPT + 5; i++) {
            remembered = IdempotencyKey.remember(remembered, key(an, "k" + i, "op", Map.of()));
        }
        assertThat(remembered).hasSize(IdempotencyKey.KEPT);
        assertThat(remembered.get(0).key()).isEqualTo("an|k5");
        assertThat(IdempotencyKey.remember(remembered, null)).isEqualTo(remembered);
    }

    @Test
    void aWriteThatLosesTheRaceDecidesAgainAndGivesUpWithA409() {
        AtomicInteger attempts = new AtomicInteger();
        assertThat(ConcurrentChanges.retry("pledge", () -> attempts.incrementAndGet() < 3 ? Optional.empty()
                : Optional.of("written"))).isEqualTo("written");
        assertThatThrownBy(() -> ConcurrentChanges.retry("pledge", Optional::empty))
                .isInstanceOf(ConflictException.class).hasMessageContaining("pledge");
    }

    private static IdempotencyKey key(CurrentUser user, String header, String operation, Object request) {
        return IdempotencyKey.of(user, header, operation, request, JSON);
    }
}
