package org.custodia.common;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.util.Set;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * The bounds of an upload: at most {@code maxBytes} of body (a declared {@code Content-Length} above it is refused
 * before a byte is read, a longer body without one as soon as it passes the bound) and at most {@code maxRows} rows,
 * checked by the controller once it has parsed them. A module's advice names the controller methods it bounds and the
 * problems it answers with; both refusals come before anything of the upload is checked or stored.
 */
public abstract class BodyLimits extends RequestBodyAdviceAdapter {

    private final Set<String> methods;
    private final long maxBytes;
    private final int maxRows;

    protected BodyLimits(Set<String> methods, DataSize maxBytes, int maxRows) {
        this.methods = Set.copyOf(methods);
        this.maxBytes = maxBytes.toBytes();
        this.maxRows = maxRows;
    }

    /** The problem for a body larger than {@code maxBytes}. */
    protected abstract ApiException tooLarge(long maxBytes, long maxMegabytes);

    /** The problem for {@code rows} rows when at most {@code maxRows} are accepted. */
    protected abstract ApiException tooManyRows(int rows, int maxRows);

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
                            Class<? extends HttpMessageConverter<?>> converterType) {
        return parameter.getMethod() != null && methods.contains(parameter.getMethod().getName());
    }

    @Override
    public HttpInputMessage beforeBodyRead(HttpInputMessage message, MethodParameter parameter, Type targetType,
                                           Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
        if (message.getHeaders().getContentLength() > maxBytes) {
            throw tooLarge();
        }
        InputStream body = new Bounded(message.getBody());
        HttpHeaders headers = message.getHeaders();
        return new HttpInputMessage() {
            @Override
            public InputStream getBody() {
                return body;
            }

            @Override
            public HttpHeaders getHeaders() {
                return headers;
            }
        };
    }

    /** Refuses more rows than allowed. */
    public void checkRows(int rows) {
        if (rows > maxRows) {
            throw tooManyRows(rows, maxRows);
        }
    }

    private ApiException tooLarge() {
        return tooLarge(maxBytes, DataSize.ofBytes(maxBytes).toMegabytes());
    }

    /** Counts what is read and stops at the bound. */
    private final class Bounded extends FilterInputStream {
        private long read;

        Bounded(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > maxBytes) {
                throw tooLarge();
            }
        }
    }
}
