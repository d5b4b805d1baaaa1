package vn.neuguong.pledge.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.junit.jupiter.api.Test;

class ImportedDateTest {

    @Test
    void aDayIsReadAsIsoOrAsVietnameseWriteIt() {
        assertThat(ImportedDate.parse("2026-02-05")).isEqualTo(LocalDate.of(2026, 2, 5));
        assertThat(ImportedDate.parse("05/02/2026")).isEqualTo(LocalDate.of(2026, 2, 5));
        assertThat(ImportedDate.parse("5/2/2026")).isEqualTo(LocalDate.of(2026, 2, 5));
    }

    @Test
    void aDayThatDoesNotExistIsRefusedNotMovedToTheEndOfTheMonth() {
        assertThatThrownBy(() -> ImportedDate.parse("31/02/2026")).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> ImportedDate.parse("2026-02-31")).isInstanceOf(DateTimeParseException.class);
    }
}
