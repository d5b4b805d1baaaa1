package vn.neuguong.pledge.imports;

import java.util.List;

import vn.neuguong.platform.web.FieldProblem;

/** A row (CSV data row or NDJSON line, from 1) that was not imported, and why. */
public record RejectedRow(long row, List<FieldProblem> errors) {
}
