package vn.neuguong.pledge.imports;

import java.io.BufferedReader;
import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import vn.neuguong.contracts.pledge.PledgerKind;
import vn.neuguong.platform.web.FieldProblem;
import vn.neuguong.pledge.pledge.CommitmentArea;
import vn.neuguong.pledge.pledge.PledgeRequest;
import vn.neuguong.pledge.specificity.VietnameseText;

/**
 * Reads the CSV layout of docs/imports.md: a header, then one row per commitment; consecutive rows of the same
 * pledger (year, unitId, pledgerKind, memberId or collectiveName) form one pledge, whose pledger fields, theme and
 * signing day are taken from its first row. Rows are numbered as a spreadsheet shows them: the header is row 1.
 * Headers and the enumerated values may be the template's Vietnamese ones; the separator is a comma, semicolon or
 * tab.
 */
final class CsvPledgeReader implements PledgeDraftReader {

    static final List<String> COLUMNS = List.of("year", "unitId", "pledgerKind", "memberId", "fullName", "position",
            "collectiveName", "themeId", "area", "action", "linkedDuty", "measure", "target", "dueDate", "signedOn");
    static final Set<String> REQUIRED_COLUMNS = Set.of("year", "unitId", "pledgerKind", "action");
    private static final Map<String, String> PLEDGER_FIELDS = Map.of("pledger", "pledgerKind",
            "pledger.kind", "pledgerKind", "pledger.memberId", "memberId", "pledger.fullName", "fullName",
            "pledger.position", "position", "pledger.name", "collectiveName");
    /** The template's Vietnamese headers, folded (see {@link VietnameseText#fold}). */
    static final Map<String, String> VIETNAMESE_COLUMNS = Map.ofEntries(Map.entry("nam", "year"),
            Map.entry("ma don vi", "unitId"), Map.entry("loai", "pledgerKind"), Map.entry("ma dang vien", "memberId"),
            Map.entry("ho va ten", "fullName"), Map.entry("chuc vu", "position"),
            Map.entry("ten tap the", "collectiveName"), Map.entry("ma chuyen de", "themeId"),
            Map.entry("nhom noi dung", "area"), Map.entry("noi dung dang ky", "action"),
            Map.entry("gan voi nhiem vu", "linkedDuty"), Map.entry("cach do ket qua", "measure"),
            Map.entry("chi tieu", "target"), Map.entry("thoi han", "dueDate"), Map.entry("ngay ky", "signedOn"));
    /** Vietnamese values of the enumerated columns, folded. */
    private static final Map<String, String> VIETNAMESE_VALUES = Map.of("ca nhan", "INDIVIDUAL",
            "tap the", "COLLECTIVE", "hoc tap", "STUDY", "dao duc", "ETHICS", "phong cach", "STYLE",
            "nhiem vu", "DUTY", "dot pha", "BREAKTHROUGH");
    private static final int HEADER_LOOKAHEAD = 64 * 1024;
    private static final Pattern COMMITMENT_FIELD = Pattern.compile("commitments\\[(\\d+)]\\.?(.*)");

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final Map<String, Long> firstRowOfPledger = new HashMap<>();
    /** Column name → the header naming it in this file. */
    private final Map<String, String> columns = new HashMap<>();
    private CSVRecord lookahead;
    private long lookaheadRow;
    private long row;

    CsvPledgeReader(Reader reader) {
        BufferedReader buffered = new BufferedReader(new BomSkippingReader(reader));
        try {
            // blank lines are read, so that they are counted in the row numbers, and then skipped
            this.parser = format(buffered).builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                    .setIgnoreEmptyLines(false).get().parse(buffered);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String header : parser.getHeaderNames()) {
            String column = column(header);
            if (column == null) {
                throw new IllegalArgumentException("Unknown CSV column '" + header + "'; the columns are " + COLUMNS
                        + " or the Vietnamese headers of the template");
            }
            columns.put(column, header);
        }
        for (String column : REQUIRED_COLUMNS) {
            if (!columns.containsKey(column)) {
                throw new IllegalArgumentException("The CSV header lacks the column '" + column + "'");
            }
        }
        this.records = parser.iterator();
    }

    /** The column a header names: its English name, or its Vietnamese one (tone marks and case ignored). */
    private static String column(String header) {
        if (COLUMNS.contains(header)) {
            return header;
        }
        return VIETNAMESE_COLUMNS.get(VietnameseText.fold(header));
    }

    /**
     * The CSV dialect of a file, from its header line: Vietnamese Excel separates with semicolons (the decimal comma
     * takes the comma), "Unicode text" with tabs.
     */
    private static CSVFormat format(BufferedReader reader) throws IOException {
        reader.mark(HEADER_LOOKAHEAD);
        String header = reader.readLine();
        reader.reset();
        if (header == null) {
            return CSVFormat.RFC4180;
        }
        String unquoted = header.replaceAll("\"[^\"]*\"", "");
        char delimiter = ',';
        long best = unquoted.chars().filter(c -> c == ',').count();
        for (char candidate : new char[] {';', '\t'}) {
            long count = unquoted.chars().filter(c -> c == candidate).count();
            if (count > best) {
                best = count;
                delimiter = candidate;
            }
        }
        return CSVFormat.RFC4180.builder().setDelimiter(delimiter).get();
    }

    /** Counts the data rows of a CSV file (a first pass, for progress). */
    static long countRows(Reader reader) {
        BufferedReader buffered = new BufferedReader(new BomSkippingReader(reader));
        try (CSVParser counting = format(buffered).builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(false).get().parse(buffered)) {
            return counting.stream().filter(record -> !isBlank(record)).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public PledgeDraft next() {
        List<CSVRecord> group = new ArrayList<>();
        List<Long> rows = new ArrayList<>();
        String key = null;
        while (true) {
            if (lookahead == null) {
                if (!records.hasNext()) {
                    break;
                }
                lookahead = records.next();
                // as a spreadsheet numbers them: the header is row 1, and blank rows count
                lookaheadRow = ++row + 1;
                if (isBlank(lookahead)) {
                    lookahead = null;
                    continue;
                }
            }
            String lookaheadKey = pledgerKey(lookahead);
            if (key != null && !key.equals(lookaheadKey)) {
                break;
            }
            key = lookaheadKey;
            group.add(lookahead);
            rows.add(lookaheadRow);
            lookahead = null;
        }
        if (group.isEmpty()) {
            return null;
        }
        Long firstRow = firstRowOfPledger.putIfAbsent(key, rows.get(0));
        if (firstRow != null) {
            List<RejectedRow> problems = rows.stream().map(r -> new RejectedRow(r, PledgeDraftReader.one("pledgerKind",
                    "rows of one pledger must be consecutive; this pledger's pledge starts at row " + firstRow)))
                    .toList();
            return PledgeDraft.unreadable(rows, problems);
        }
        return toDraft(group, rows);
    }

    /** An empty line, or a row of empty cells as a spreadsheet saves a blank row ({@code ;;;;}). */
    private static boolean isBlank(CSVRecord record) {
        return record.stream().allMatch(String::isBlank);
    }

    private String pledgerKey(CSVRecord record) {
        String kind = enumText(value(record, "pledgerKind"));
        String who = "COLLECTIVE".equalsIgnoreCase(kind) ? VietnameseText.fold(value(record, "collectiveName"))
                : value(record, "memberId");
        return value(record, "year") + "|" + value(record, "unitId") + "|" + kind + "|" + who;
    }

    private PledgeDraft toDraft(List<CSVRecord> group, List<Long> rows) {
        List<RejectedRow> problems = new ArrayList<>();
        CSVRecord first = group.get(0);
        Integer year = null;
        String yearText = value(first, "year");
        if (yearText != null) {
            try {
                year = Integer.valueOf(yearText);
            } catch (NumberFormatException e) {
                problems.add(new RejectedRow(rows.get(0), PledgeDraftReader.one("year", "must be a whole number")));
            }
        }
        PledgerKind kind = enumValue(PledgerKind.class, value(first, "pledgerKind"), rows.get(0), "pledgerKind",
                problems);
        LocalDate signedOn = null;
        String signedText = value(first, "signedOn");
        if (signedText != null) {
            try {
                signedOn = ImportedDate.parse(signedText);
            } catch (DateTimeParseException e) {
                problems.add(new RejectedRow(rows.get(0), PledgeDraftReader.one("signedOn", ImportedDate.EXPECTED)));
            }
        }
        List<PledgeRequest.Commitment> commitments = new ArrayList<>();
        for (int i = 0; i < group.size(); i++) {
            CSVRecord record = group.get(i);
            long rowNumber = rows.get(i);
            CommitmentArea area = enumValue(CommitmentArea.class, value(record, "area"), rowNumber, "area", problems);
            LocalDate dueDate = null;
            String dueText = value(record, "dueDate");
            if (dueText != null) {
                try {
                    dueDate = ImportedDate.parse(dueText);
                } catch (DateTimeParseException e) {
                    problems.add(new RejectedRow(rowNumber, PledgeDraftReader.one("dueDate", ImportedDate.EXPECTED)));
                }
            }
            commitments.add(new PledgeRequest.Commitment(area, value(record, "action"), value(record, "linkedDuty"),
                    value(record, "measure"), value(record, "target"), dueDate));
        }
        if (!problems.isEmpty()) {
            return PledgeDraft.unreadable(rows, problems);
        }
        PledgeRequest.Pledger pledger = new PledgeRequest.Pledger(kind, value(first, "memberId"),
                value(first, "fullName"), value(first, "position"), value(first, "collectiveName"));
        return PledgeDraft.read(rows, new PledgeRequest(year, value(first, "unitId"), pledger,
                value(first, "themeId"), commitments), signedOn);
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String text, long row, String column,
                                                   List<RejectedRow> problems) {
        if (text == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, enumText(text).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            List<String> allowed = new ArrayList<>();
            for (E constant : type.getEnumConstants()) {
                allowed.add(constant.name());
            }
            problems.add(new RejectedRow(row, PledgeDraftReader.one(column, "must be one of " + allowed)));
            return null;
        }
    }

    private String value(CSVRecord record, String column) {
        String header = columns.get(column);
        if (header == null || !record.isSet(header)) {
            return null;
        }
        String value = record.get(header);
        return value == null || value.isBlank() ? null : value;
    }

    /** An enumerated value as the API spells it: DUTY, or its Vietnamese name "Nhiệm vụ". */
    private static String enumText(String text) {
        return text == null ? null : VIETNAMESE_VALUES.getOrDefault(VietnameseText.fold(text), text);
    }

    @Override
    public RejectedRow locate(PledgeDraft draft, FieldProblem problem) {
        Matcher commitment = COMMITMENT_FIELD.matcher(problem.field());
        if (commitment.matches()) {
            int index = Integer.parseInt(commitment.group(1));
            String column = commitment.group(2).isEmpty() ? "action" : commitment.group(2);
            long rowNumber = index < draft.rows().size() ? draft.rows().get(index) : draft.rows().get(0);
            return new RejectedRow(rowNumber, List.of(new FieldProblem(column, problem.message())));
        }
        String column = PLEDGER_FIELDS.getOrDefault(problem.field(), problem.field());
        return new RejectedRow(draft.rows().get(0), List.of(new FieldProblem(column, problem.message())));
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    /** Excel writes UTF-8 CSV with a byte order mark; it is not part of the first column's name. */
    private static final class BomSkippingReader extends FilterReader {

        private boolean started;

        BomSkippingReader(Reader in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (!started) {
                started = true;
                if (c == '\uFEFF') {
                    c = super.read();
                }
            }
            return c;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (!started && n > 0) {
                started = true;
                if (buffer[offset] == '\uFEFF') {
                    System.arraycopy(buffer, offset + 1, buffer, offset, n - 1);
                    return n - 1 == 0 ? read(buffer, offset, length) : n - 1;
                }
            }
            return n;
        }
    }
}
