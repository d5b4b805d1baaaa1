package vn.neuguong.pledge.pledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RegistrationDeadlinesTest {

    private final RegistrationDeadlines deadlines = new RegistrationDeadlines(Map.of(2026, LocalDate.of(2026, 4, 15)));

    @Test
    void theDefaultDeadlineIsTheLastSecondOfMarchInVietnam() {
        assertThat(deadlines.onTime(2025, Instant.parse("2025-03-31T16:59:59Z"))).isTrue();
        assertThat(deadlines.onTime(2025, Instant.parse("2025-03-31T17:00:00Z"))).isFalse();
    }

    @Test
    void aConfiguredYearUsesItsOwnDay() {
        assertThat(deadlines.onTime(2026, Instant.parse("2026-04-10T03:00:00Z"))).isTrue();
        assertThat(deadlines.onTime(2026, Instant.parse("2026-04-15T17:00:00Z"))).isFalse();
    }
}
