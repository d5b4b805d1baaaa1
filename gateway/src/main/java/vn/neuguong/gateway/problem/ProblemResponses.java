package vn.neuguong.gateway.problem;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;
import vn.neuguong.contracts.ProblemLanguage;
import vn.neuguong.gateway.correlation.CorrelationIdFilter;

/**
 * Writes RFC 9457 {@code application/problem+json} bodies for everything the gateway itself answers
 * (authentication, authorization, rate limits, body size, routing and downstream failures), in the language of the
 * request's {@code Accept-Language} as the services do: titles from the contracts' {@link ProblemLanguage}, details
 * from the gateway's own {@code gateway-messages*.properties} by code.
 */
@Component
public class ProblemResponses {

    private final JsonMapper jsonMapper;
    private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

    public ProblemResponses(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
        messages.setBasename("gateway-messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
    }

    /**
     * @param code      the detail's code in {@code gateway-messages}
     * @param arguments its arguments, as text
     */
    public Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status, String code, String... arguments) {
        return write(exchange, status, message(exchange, code, arguments));
    }

    /**
     * An error another component described: its detail in the reader's language when its code is one of ours, else
     * its own detail (Spring's, in English).
     */
    public Mono<Void> write(ServerWebExchange exchange, ErrorResponse error) {
        String detail = messages.getMessage(error.getDetailMessageCode(), error.getDetailMessageArguments(), null,
                localeOf(exchange));
        return write(exchange, error.getStatusCode(), detail != null ? detail : error.getBody().getDetail());
    }

    /** A message of {@code gateway-messages} in the reader's language. */
    public String message(ServerWebExchange exchange, String code, String... arguments) {
        return messages.getMessage(code, arguments, localeOf(exchange));
    }

    private Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status, String detail) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        byte[] body = jsonMapper.writeValueAsBytes(problem(exchange, status, detail));
        response.getHeaders().setContentLength(body.length);
        DataBuffer buffer = response.bufferFactory().wrap(body);
        return response.writeWith(Mono.just(buffer));
    }

    private static Map<String, Object> problem(ServerWebExchange exchange, HttpStatusCode status, String detail) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title(status, localeOf(exchange)));
        problem.put("status", status.value());
        if (detail != null) {
            problem.put("detail", detail);
        }
        problem.put("instance", exchange.getRequest().getPath().value());
        String correlationId = CorrelationIdFilter.correlationId(exchange);
        if (correlationId != null) {
            problem.put("correlationId", correlationId);
        }
        return problem;
    }

    private static String title(HttpStatusCode status, Locale locale) {
        String title = ProblemLanguage.title(status.value(), locale);
        if (title != null) {
            return title;
        }
        HttpStatus known = HttpStatus.resolve(status.value());
        return known != null ? known.getReasonPhrase() : "HTTP " + status.value();
    }

    private static Locale localeOf(ServerWebExchange exchange) {
        return ProblemLanguage.localeOf(exchange.getRequest().getHeaders().getFirst(HttpHeaders.ACCEPT_LANGUAGE));
    }
}
