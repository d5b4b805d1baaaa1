package vn.neuguong.pledge.pledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RegistrationDeadlinesTest {

    private final RegistrationDeadlines deadlines = new RegistrationDeadlines(Map.of(2026, LocalDate.of(2026, 4, 15)));

    @Test
    void theDefaultDeadlineIsTheLastDayOfMarch() {
        assertThat(deadlines.onTime(2025, LocalDate.of(2025, 3, 31))).isTrue();
        assertThat(deadlines.onTime(2025, LocalDate.of(2025, 4, 1))).isFalse();
    }

    @Test
    void aConfiguredYearUsesItsOwnDay() {
        assertThat(deadlines.onTime(2026, LocalDate.of(2026, 4, 15))).isTrue();
        assertThat(deadlines.onTime(2026, LocalDate.of(2026, 4, 16))).isFalse();
    }
}
