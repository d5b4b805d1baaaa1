package vn.neuguong.platform.web;

/** One rejected input field: its JSON path (e.g. {@code commitments[0].dueDate}) and why. */
public record FieldProblem(String field, String message) {
}
