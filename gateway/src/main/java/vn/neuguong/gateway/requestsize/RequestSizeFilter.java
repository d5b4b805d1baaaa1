package vn.neuguong.gateway.requestsize;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Rejects request bodies above the configured size with 413. A declared {@code Content-Length} is checked before
 * anything is forwarded; a body sent without one (chunked) is counted while it streams through, so the limit holds
 * either way without buffering the body.
 */
@Component
class RequestSizeFilter implements GlobalFilter, Ordered {

    private static final PathPattern IMPORTS = PathPatternParser.defaultInstance.parse("/api/pledges/imports");

    private final RequestSizeProperties sizes;

    RequestSizeFilter(RequestSizeProperties sizes) {
        this.sizes = sizes;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        DataSize limit = IMPORTS.matches(PathContainer.parsePath(request.getPath().value()))
                ? sizes.maxImportBody() : sizes.maxBody();
        long declared = request.getHeaders().getContentLength();
        if (declared > limit.toBytes()) {
            return Mono.error(tooLarge(limit));
        }
        if (declared >= 0) {
            // HTTP/1.1 framing ends the body at Content-Length: nothing more can arrive
            return chain.filter(exchange);
        }
        return chain.filter(exchange.mutate().request(new SizeLimitedRequest(request, limit)).build());
    }

    private static ErrorResponseException tooLarge(DataSize limit) {
        return new ErrorResponseException(HttpStatus.CONTENT_TOO_LARGE,
                ProblemDetail.forStatus(HttpStatus.CONTENT_TOO_LARGE), null, "too-large", new Object[] {describe(limit)});
    }

    private static String describe(DataSize size) {
        return size.toBytes() % DataSize.ofMegabytes(1).toBytes() == 0
                ? size.toMegabytes() + " MiB" : size.toKilobytes() + " KiB";
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 200;
    }

    private static final class SizeLimitedRequest extends ServerHttpRequestDecorator {

        private final DataSize limit;

        SizeLimitedRequest(ServerHttpRequest delegate, DataSize limit) {
            super(delegate);
            this.limit = limit;
        }

        @Override
        public Flux<DataBuffer> getBody() {
            return Flux.defer(() -> {
                AtomicLong received = new AtomicLong();
                return super.getBody().handle((buffer, sink) -> {
                    if (received.addAndGet(buffer.readableByteCount()) > limit.toBytes()) {
                        DataBufferUtils.release(buffer);
                        sink.error(tooLarge(limit));
                    }
                    else {
                        sink.next(buffer);
                    }
                });
            });
        }
    }
}
