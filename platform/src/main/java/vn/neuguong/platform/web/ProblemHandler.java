package vn.neuguong.platform.web;

import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Renders every error as {@code application/problem+json}. Field problems carry {@code errors: [{field,
 * message}]}; nothing internal (stack traces, class names, hosts) reaches the client. Title, detail and field
 * messages follow the request's Accept-Language (English or Vietnamese, see {@link ProblemMessages}).
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    private final ProblemMessages messages;

    public ProblemHandler(ProblemMessages messages) {
        this.messages = messages;
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Object> handleApi(ApiException ex, WebRequest request) {
        Locale locale = localeOf(request);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(ex.status(), messages.translate(ex.getMessage(), locale));
        ex.properties().forEach(problem::setProperty);
        if (ex instanceof InvalidInputException invalid) {
            problem.setTitle(messages.translate("Invalid input", locale));
            problem.setDetail(messages.invalidInputDetail(invalid.errors(), locale));
            problem.setProperty("errors", messages.translate(invalid.errors(), locale));
        }
        return problem(problem, locale);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> handleTypeMismatch(MethodArgumentTypeMismatchException ex, WebRequest request) {
        return invalid(List.of(new FieldProblem(ex.getName(), "has an invalid value")), request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> handleUnexpected(Exception ex, WebRequest request) {
        log.error("Unhandled error", LoggedThrowable.abbreviated(ex));
        Locale locale = localeOf(request);
        return problem(ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                messages.translate("An unexpected error occurred; it has been logged.", locale)), locale);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(ProblemHandler::toFieldProblem)
                .sorted(Comparator.comparing(FieldProblem::field))
                .toList();
        return invalid(errors, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new FieldProblem(result.getMethodParameter().getParameterName(),
                                error.getDefaultMessage())))
                .toList();
        return invalid(errors, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof ContentTooLargeException tooLarge) {
                return handleApi(tooLarge, request);
            }
        }
        return invalid(List.of(describeUnreadable(ex.getCause())), request);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        ProblemDetail problem = body instanceof ProblemDetail detail ? detail
                : ProblemDetail.forStatusAndDetail(statusCode, HttpStatus.valueOf(statusCode.value()).getReasonPhrase());
        Locale locale = localeOf(request);
        problem.setTitle(messages.title(statusCode, problem.getTitle(), locale));
        problem.setDetail(messages.translate(problem.getDetail(), locale));
        return ResponseEntity.status(statusCode).headers(headers)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** The field an unreadable JSON body breaks, as the API and the inbound command channel name it. */
    public static FieldProblem describeUnreadable(Throwable cause) {
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return new FieldProblem(path(unknown), "is not a known field");
        }
        if (cause instanceof InvalidFormatException format && format.getTargetType() != null
                && format.getTargetType().isEnum()) {
            return new FieldProblem(path(format), "must be one of " + List.of(format.getTargetType().getEnumConstants()));
        }
        if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()) {
            return new FieldProblem(path(databind), "has an invalid value or type");
        }
        return new FieldProblem("body", "is not readable JSON");
    }

    private static String path(DatabindException ex) {
        StringBuilder path = new StringBuilder();
        for (var reference : ex.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static FieldProblem toFieldProblem(FieldError error) {
        return new FieldProblem(error.getField(), error.getDefaultMessage());
    }

    private ResponseEntity<Object> invalid(List<FieldProblem> errors, WebRequest request) {
        return handleApi(new InvalidInputException(errors.isEmpty()
                ? List.of(new FieldProblem("body", "is invalid")) : errors), request);
    }

    private static Locale localeOf(WebRequest request) {
        return ProblemMessages.localeOf(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
    }

    private ResponseEntity<Object> problem(ProblemDetail problem, Locale locale) {
        if (problem.getType() == null) {
            problem.setType(URI.create("about:blank"));
        }
        if (!(problem.getProperties() != null && problem.getProperties().containsKey("errors"))) {
            problem.setTitle(messages.title(HttpStatusCode.valueOf(problem.getStatus()), problem.getTitle(), locale));
        }
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
