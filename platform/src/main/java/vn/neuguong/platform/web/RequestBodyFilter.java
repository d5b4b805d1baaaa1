package vn.neuguong.platform.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards request bodies before anything reads them. A form ({@code application/x-www-form-urlencoded} or
 * {@code multipart/form-data}) is refused with 415: no endpoint takes one, and letting the container parse it would
 * decode the whole body as parameters (a JSON body with a stray {@code %} failed there, as a 500 that logged the
 * body). A body above {@link RequestSizeProperties} is refused with 413, on its {@code Content-Length} before it is
 * read or, sent without one, as soon as the excess arrives.
 */
class RequestBodyFilter extends OncePerRequestFilter {

    private final RequestSizeProperties sizes;

    RequestBodyFilter(RequestSizeProperties sizes) {
        this.sizes = sizes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isForm(request.getContentType())) {
            ProblemResponses.write(request, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "This API takes JSON request bodies (application/json), not forms.");
            return;
        }
        DataSize limit = sizes.limitFor(request.getRequestURI());
        long declared = request.getContentLengthLong();
        if (declared > limit.toBytes()) {
            ProblemResponses.write(request, response, HttpStatus.CONTENT_TOO_LARGE, ContentTooLargeException.detail(limit));
            return;
        }
        // HTTP/1.1 framing ends a body at its Content-Length: only one sent without it needs counting
        chain.doFilter(declared >= 0 ? request : new SizeLimitedRequest(request, limit), response);
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
            // Spring MVC answers it with 415 like any other type it cannot read
            return false;
        }
    }

    private static final class SizeLimitedRequest extends HttpServletRequestWrapper {

        private final DataSize limit;
        private ServletInputStream limited;

        SizeLimitedRequest(HttpServletRequest request, DataSize limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (limited == null) {
                limited = new SizeLimitedInputStream(super.getInputStream(), limit);
            }
            return limited;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }

    private static final class SizeLimitedInputStream extends ServletInputStream {

        private final ServletInputStream body;
        private final DataSize limit;
        private long received;

        SizeLimitedInputStream(ServletInputStream body, DataSize limit) {
            this.body = body;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int next = body.read();
            if (next >= 0) {
                count(1);
            }
            return next;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = body.read(buffer, offset, length);
            if (read > 0) {
                count(read);
            }
            return read;
        }

        private void count(int bytes) {
            received += bytes;
            if (received > limit.toBytes()) {
                throw new ContentTooLargeException(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return body.isFinished();
        }

        @Override
        public boolean isReady() {
            return body.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            body.setReadListener(listener);
        }

        @Override
        public void close() throws IOException {
            body.close();
        }
    }
}
