package vn.neuguong.pledge.imports;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.format.DateTimeParseException;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import vn.neuguong.platform.web.FieldProblem;
import vn.neuguong.pledge.pledge.PledgeRequest;
import vn.neuguong.pledge.pledge.SigningDay;

/**
 * Reads one JSON pledge per line (the body of {@code POST /api/pledges}, and the day it was signed in
 * {@code signedOn}, which only an import declares); rows are line numbers from 1.
 */
final class NdjsonPledgeReader implements PledgeDraftReader {

    private final BufferedReader lines;
    private final ObjectReader reader;
    private long lineNumber;

    NdjsonPledgeReader(Reader source, JsonMapper jsonMapper) {
        this.lines = new BufferedReader(source);
        this.reader = jsonMapper.readerFor(PledgeRequest.class)
                .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    static long countRows(Reader source) {
        try (BufferedReader lines = new BufferedReader(source)) {
            return lines.lines().filter(line -> !line.isBlank()).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public PledgeDraft next() {
        try {
            String line;
            do {
                line = lines.readLine();
                if (line == null) {
                    return null;
                }
                lineNumber++;
            } while (line.isBlank());
            List<Long> rows = List.of(lineNumber);
            try {
                JsonNode pledge = reader.readTree(line);
                JsonNode signedOn = pledge instanceof ObjectNode object ? object.remove(SigningDay.FIELD) : null;
                if (signedOn == null || signedOn.isNull()) {
                    return PledgeDraft.read(rows, reader.readValue(pledge), null);
                }
                try {
                    return PledgeDraft.read(rows, reader.readValue(pledge), ImportedDate.parse(signedOn.asString()));
                } catch (DateTimeParseException e) {
                    return PledgeDraft.unreadable(rows, List.of(new RejectedRow(lineNumber,
                            PledgeDraftReader.one(SigningDay.FIELD, ImportedDate.EXPECTED))));
                }
            } catch (JacksonException e) {
                return PledgeDraft.unreadable(rows, List.of(new RejectedRow(lineNumber, List.of(problemOf(e)))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FieldProblem problemOf(JacksonException e) {
        if (!(e instanceof DatabindException databind) || databind.getPath().isEmpty()) {
            return new FieldProblem("line", "is not a JSON object of a pledge");
        }
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : databind.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        String message = e instanceof UnrecognizedPropertyException ? "unknown field"
                : e instanceof InvalidFormatException invalid ? "invalid value '" + invalid.getValue() + "'"
                : "has the wrong type";
        return new FieldProblem(path.toString(), message);
    }

    @Override
    public RejectedRow locate(PledgeDraft draft, FieldProblem problem) {
        return new RejectedRow(draft.rows().get(0), List.of(problem));
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
