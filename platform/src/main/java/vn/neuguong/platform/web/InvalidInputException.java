package vn.neuguong.platform.web;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

/** Input that breaks a rule the server checks beyond bean validation (e.g. an unknown unit id). */
public class InvalidInputException extends ApiException {

    private final List<FieldProblem> errors;

    public InvalidInputException(List<FieldProblem> errors) {
        super(HttpStatus.BAD_REQUEST, describe(errors), Map.of());
        this.errors = List.copyOf(errors);
    }

    public InvalidInputException(String field, String message) {
        this(List.of(new FieldProblem(field, message)));
    }

    public List<FieldProblem> errors() {
        return errors;
    }

    private static String describe(List<FieldProblem> errors) {
        return errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid";
    }
}
