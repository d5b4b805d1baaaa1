package vn.neuguong.gateway.requestbody;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Refuses form bodies ({@code application/x-www-form-urlencoded}, {@code multipart/form-data}) with 415 before they
 * are forwarded: no endpoint takes one, and a servlet container behind would parse the whole body as parameters.
 */
@Component
class FormBodyFilter implements GlobalFilter, Ordered {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        if (isForm(exchange.getRequest().getHeaders().getFirst(HttpHeaders.CONTENT_TYPE))) {
            return Mono.error(new ErrorResponseException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    ProblemDetail.forStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE), null, "form-body", null));
        }
        return chain.filter(exchange);
    }

    private static boolean isForm(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return MediaType.APPLICATION_FORM_URLENCODED.equalsTypeAndSubtype(type)
                    || MediaType.MULTIPART_FORM_DATA.equalsTypeAndSubtype(type);
        } catch (InvalidMediaTypeException unparseable) {
            // forwarded: the service answers it with 415 like any type it cannot read
            return false;
        }
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 199;
    }
}
