package vn.neuguong.platform.inbound;

import java.util.Comparator;
import java.util.List;

import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validator;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import vn.neuguong.platform.web.FieldProblem;
import vn.neuguong.platform.web.InvalidInputException;
import vn.neuguong.platform.web.ProblemHandler;

/**
 * One command as its CloudEvent said it: {@code id} (the idempotency key), {@code type} (what to do),
 * {@code subject} (the entity, or for a creation the pledger), the expected version when given, and the data
 * (the API request body, read on demand the way the API reads it).
 */
public final class InboundCommand {

    private final String publisher;
    private final String id;
    private final String type;
    private final String subject;
    private final String ifMatch;
    private final byte[] data;
    private final JsonMapper jsonMapper;
    private final Validator validator;

    InboundCommand(String publisher, String id, String type, String subject, String ifMatch, byte[] data,
            JsonMapper jsonMapper, Validator validator) {
        this.publisher = publisher;
        this.id = id;
        this.type = type;
        this.subject = subject;
        this.ifMatch = ifMatch;
        this.data = data;
        this.jsonMapper = jsonMapper;
        this.validator = validator;
    }

    public String publisher() {
        return publisher;
    }

    /** The command id, which is its idempotency key (scoped to the publisher like a user's Idempotency-Key). */
    public String id() {
        return id;
    }

    public String type() {
        return type;
    }

    public String subject() {
        return subject;
    }

    /**
     * The data read as the API reads a request body: the same mapper, the same field-naming problems.
     *
     * @throws InvalidInputException naming the field that could not be read
     */
    public <T> T data(Class<T> type) {
        if (data == null || data.length == 0) {
            throw new InvalidInputException("data", "is required: the body of the API request");
        }
        try {
            return jsonMapper.readValue(data, type);
        } catch (JacksonException e) {
            FieldProblem problem = ProblemHandler.describeUnreadable(e);
            // a command has no body: what the API calls the body is the event's data
            throw new InvalidInputException(List.of(problem.field().equals("body")
                    ? new FieldProblem("data", problem.message()) : problem));
        }
    }

    /**
     * The data read and then validated as a {@code @Valid @RequestBody} of the API is: its Bean Validation
     * constraints, every broken one named by its field as the API names it ({@code nominee.name},
     * {@code pledgeIds[0]}).
     *
     * @throws InvalidInputException naming the fields that could not be read or are invalid
     */
    public <T> T validData(Class<T> type) {
        T value = data(type);
        List<FieldProblem> problems = validator.validate(value).stream()
                .map(violation -> new FieldProblem(field(violation.getPropertyPath()), violation.getMessage()))
                .sorted(Comparator.comparing(FieldProblem::field))
                .toList();
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return value;
    }

    private static String field(Path path) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : path) {
            if (node.isInIterable()) {
                field.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
            }
            if (node.getKind() == ElementKind.PROPERTY) {
                field.append(field.isEmpty() ? "" : ".").append(node.getName());
            }
        }
        return field.toString();
    }

    /** The data, for a command whose API request body is optional: null when the record has none. */
    public <T> T optionalData(Class<T> type) {
        return data == null || data.length == 0 ? null : data(type);
    }

    /** The subject as the id of an existing entity; a command that changes one must name it. */
    public String entityId() {
        if (subject == null || subject.isBlank()) {
            throw new InvalidInputException("subject", "must name the entity the command changes (ce_subject)");
        }
        return subject;
    }

    /** The expected version ({@code ce_ifmatch}, like the API's If-Match), or null when the command has none. */
    public Long ifMatch() {
        if (ifMatch == null) {
            return null;
        }
        try {
            return Long.parseLong(ifMatch.replace("\"", "").strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("ifmatch", "must be the entity's version, a whole number");
        }
    }

    /** The expected version, for a command whose API request needs If-Match. */
    public long requiredIfMatch() {
        Long version = ifMatch();
        if (version == null) {
            throw new InvalidInputException("ifmatch",
                    "this command needs the entity's current version in the ce_ifmatch header, like If-Match");
        }
        return version;
    }
}
