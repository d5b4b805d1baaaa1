package vn.neuguong.pledge.pledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import vn.neuguong.platform.web.FieldProblem;

class SigningDayTest {

    private static final LocalDate UPLOAD_DAY = LocalDate.of(2026, 11, 30);

    @Test
    void aRegistrationWithoutADeclaredDayWasSignedOnItsVietnameseDate() {
        assertThat(SigningDay.of(Instant.parse("2026-03-31T16:59:59Z"))).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(SigningDay.of(Instant.parse("2026-03-31T17:00:00Z"))).isEqualTo(LocalDate.of(2026, 4, 1));
    }

    @Test
    void aDayFromTheFirstOfDecemberBeforeTheYearToTheUploadDayIsAccepted() {
        assertThat(SigningDay.problem(LocalDate.of(2025, 12, 1), 2026, UPLOAD_DAY)).isEmpty();
        assertThat(SigningDay.problem(LocalDate.of(2026, 2, 14), 2026, UPLOAD_DAY)).isEmpty();
        assertThat(SigningDay.problem(UPLOAD_DAY, 2026, UPLOAD_DAY)).isEmpty();
    }

    @Test
    void aDayAfterTheUploadIsRefused() {
        assertThat(SigningDay.problem(UPLOAD_DAY.plusDays(1), 2026, UPLOAD_DAY)).contains(new FieldProblem("signedOn",
                "must not be after the day of the upload, 2026-11-30"));
    }

    @Test
    void aDayBeforeTheSeasonOfThePledgesYearIsRefused() {
        assertThat(SigningDay.problem(LocalDate.of(2025, 11, 30), 2026, UPLOAD_DAY)).contains(new FieldProblem(
                "signedOn", "must not be before 2025-12-01, the start of the registration season"));
        assertThat(SigningDay.problem(LocalDate.of(2026, 3, 1), 2027, UPLOAD_DAY)).isPresent();
    }
}
