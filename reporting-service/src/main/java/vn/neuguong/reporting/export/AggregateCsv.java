package vn.neuguong.reporting.export;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import vn.neuguong.reporting.export.AggregateColumns.Column;

/**
 * An aggregate table as CSV (RFC 4180, UTF-8 with a byte-order mark so spreadsheet programs read the Vietnamese
 * correctly): one header row "Vietnamese (English)", the unit's row, one row per child. Numbers are plain numbers
 * with a dot as the decimal separator; the coverage is a ratio (0.4567), not a percentage. Text cannot be a formula.
 */
final class AggregateCsv {

    static final String BYTE_ORDER_MARK = "\uFEFF";

    static String write(AggregateTable table) {
        List<String> headers = new ArrayList<>();
        for (int i = 0; i < AggregateWorkbook.KEY_HEADERS.length; i++) {
            headers.add(AggregateWorkbook.KEY_HEADERS[i] + " (" + AggregateWorkbook.KEY_HEADERS_EN[i] + ")");
        }
        AggregateColumns.ALL.forEach(column -> headers.add(column.header() + " (" + column.headerEn() + ")"));
        StringWriter out = new StringWriter();
        out.write(BYTE_ORDER_MARK);
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder()
                .setHeader(headers.toArray(String[]::new)).get())) {
            printer.printRecord(values(table.unit()));
            for (AggregateTable.Row child : table.children()) {
                printer.printRecord(values(child));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static List<Object> values(AggregateTable.Row row) {
        List<Object> values = new ArrayList<>(List.of(inert(row.unitId()), inert(row.name()), inert(row.level())));
        for (Column column : AggregateColumns.ALL) {
            Number value = column.value().apply(row.figures());
            values.add(column.ratio() ? String.format(Locale.ROOT, "%.4f", value.doubleValue())
                    : value == null ? 0 : value.longValue());
        }
        return values;
    }

    /**
     * Text a spreadsheet program will not run: a cell starting with {@code = + - @}, a tab or a carriage return would
     * be read as a formula ({@code =HYPERLINK(…)} in an org unit's name), so it gets a leading apostrophe, which the
     * program shows as text (OWASP, CSV injection).
     */
    static String inert(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        return switch (text.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + text;
            default -> text;
        };
    }

    private AggregateCsv() {
    }
}
