package vn.neuguong.localstack;

import java.util.List;
import java.util.stream.Collectors;

/** A token request the issuer refuses; every problem names its field. */
public class InvalidTokenRequestException extends RuntimeException {

    public record FieldProblem(String field, String message) {
    }

    private final List<FieldProblem> problems;

    public InvalidTokenRequestException(List<FieldProblem> problems) {
        super(problems.stream().map(p -> p.field() + " " + p.message()).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
