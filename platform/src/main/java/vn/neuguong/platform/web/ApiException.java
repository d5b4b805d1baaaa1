package vn.neuguong.platform.web;

import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * An error the API answers with an RFC 9457 problem. Domain and service code throw the subclasses; the
 * {@link ProblemHandler} renders them, so controllers stay free of error plumbing.
 */
public abstract class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final Map<String, Object> properties;

    protected ApiException(HttpStatus status, String detail, Map<String, Object> properties) {
        super(detail);
        this.status = status;
        this.properties = Map.copyOf(properties);
    }

    public HttpStatus status() {
        return status;
    }

    /** Extra members of the problem object, e.g. {@code existingId} of a conflict. */
    public Map<String, Object> properties() {
        return properties;
    }
}
