package vn.neuguong.reporting.orgunit;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import vn.neuguong.platform.web.FieldProblem;

/**
 * A member-count file: header {@code unitId,memberCount}, one unit a line. Problems name the data row, 1-based
 * ({@code rows[3].memberCount}), so an operator can fix the file.
 */
final class MemberCountCsv {

    static final String[] HEADER = {"unitId", "memberCount"};

    record Row(int number, String unitId, long memberCount) {
    }

    record Parsed(List<Row> rows, List<FieldProblem> problems) {
    }

    static Parsed parse(String text) {
        List<Row> rows = new ArrayList<>();
        List<FieldProblem> problems = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return new Parsed(rows, List.of(new FieldProblem("body", "must be a CSV file with the header unitId,memberCount")));
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get();
        String withoutByteOrderMark = text.startsWith("\uFEFF") ? text.substring(1) : text;
        try (CSVParser parser = format.parse(new StringReader(withoutByteOrderMark.strip()))) {
            if (!parser.getHeaderNames().equals(List.of(HEADER))) {
                return new Parsed(rows, List.of(new FieldProblem("header", "must be unitId,memberCount")));
            }
            Set<String> seen = new HashSet<>();
            int number = 0;
            for (CSVRecord record : parser) {
                number++;
                String field = "rows[" + number + "]";
                if (record.size() != HEADER.length) {
                    problems.add(new FieldProblem(field, "must have exactly 2 columns"));
                    continue;
                }
                String unitId = record.get(0);
                if (unitId.isEmpty()) {
                    problems.add(new FieldProblem(field + ".unitId", "must not be blank"));
                } else if (!seen.add(unitId)) {
                    problems.add(new FieldProblem(field + ".unitId", "appears more than once"));
                }
                Long count = parseCount(record.get(1));
                if (count == null) {
                    problems.add(new FieldProblem(field + ".memberCount", "must be a whole number, 0 or more"));
                } else if (!unitId.isEmpty()) {
                    rows.add(new Row(number, unitId, count));
                }
            }
            if (number == 0) {
                problems.add(new FieldProblem("rows", "the file has no data rows"));
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            problems.add(new FieldProblem("body", "is not a readable CSV file"));
        }
        return new Parsed(rows, problems);
    }

    private static Long parseCount(String text) {
        try {
            long count = Long.parseLong(text);
            return count < 0 ? null : count;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private MemberCountCsv() {
    }
}
