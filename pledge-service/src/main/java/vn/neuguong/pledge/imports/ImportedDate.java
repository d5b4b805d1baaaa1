package vn.neuguong.pledge.imports;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/** A day in an import file: ISO (2026-09-30), as Vietnamese write it (30/9/2026), or an Excel date cell (as ISO). */
final class ImportedDate {

    static final String EXPECTED = "must be a date like 2026-09-30 or 30/9/2026";
    /** Strict: 31/02/2026 is no day, not 28 February. */
    private static final DateTimeFormatter DAY_MONTH_YEAR = DateTimeFormatter.ofPattern("d/M/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    private ImportedDate() {
    }

    /** @throws DateTimeParseException when the text is neither */
    static LocalDate parse(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException iso) {
            return LocalDate.parse(text, DAY_MONTH_YEAR);
        }
    }
}
