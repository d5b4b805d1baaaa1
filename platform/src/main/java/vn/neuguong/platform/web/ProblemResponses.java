package vn.neuguong.platform.web;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * A problem+json response written by a filter, before Spring MVC and its {@link ProblemHandler} are reached, in the
 * language of the request's Accept-Language as the handler's.
 */
public final class ProblemResponses {

    private static final ProblemMessages MESSAGES = ProblemMessages.bundled();

    /**
     * @param detail fixed text of ours, in English: it and its translation are written as they are, so they must not
     *               contain quotes or user input
     */
    public static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        Locale locale = ProblemMessages.localeOf(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\""
                + MESSAGES.title(status, status.getReasonPhrase(), locale) + "\",\"status\":" + status.value()
                + ",\"detail\":\"" + MESSAGES.translate(detail, locale) + "\"}");
    }

    private ProblemResponses() {
    }
}
