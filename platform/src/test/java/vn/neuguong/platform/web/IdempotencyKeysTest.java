package vn.neuguong.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;
import vn.neuguong.contracts.Role;
import vn.neuguong.platform.security.CurrentUser;

class IdempotencyKeysTest {

    @Test
    void idempotencyKeysBelongToTheirUserAndRememberTheRequest() {
        CurrentUser an = new CurrentUser("an", "An", "w-1", Set.of(Role.MEMBER));
        CurrentUser binh = new CurrentUser("binh", "Bình", "w-1", Set.of(Role.MEMBER));
        JsonMapper json = JsonMapper.builder().build();

        assertThat(IdempotencyKeys.scoped(an, "k1")).isNotEqualTo(IdempotencyKeys.scoped(binh, "k1"));
        assertThat(IdempotencyKeys.scoped(an, null)).isNull();
        assertThatThrownBy(() -> IdempotencyKeys.scoped(an, " ")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> IdempotencyKeys.scoped(an, "k".repeat(201))).isInstanceOf(InvalidInputException.class);
        assertThat(IdempotencyKeys.requestHash(json, Map.of("year", 2026)))
                .isEqualTo(IdempotencyKeys.requestHash(json, Map.of("year", 2026)))
                .isNotEqualTo(IdempotencyKeys.requestHash(json, Map.of("year", 2025)));
    }
}
