package org.custodia.billing.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.util.Set;
import org.custodia.common.ApiException;
import org.custodia.billing.BillingProblem;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * The bounds of a reconciliation roster ({@code POST /api/v1/invoices/{number}/reconciliation}): at most
 * {@code custodia.billing.roster.max-bytes} of body (a declared {@code Content-Length} above it is refused before a
 * byte is read, a longer body without one as soon as it passes the bound) and at most
 * {@code custodia.billing.roster.max-rows} lines. Both refusals are {@code 413} problems, given before the roster is
 * compared or stored. The console's upload is bounded by {@code spring.servlet.multipart.*} and the same row count.
 */
@ControllerAdvice(assignableTypes = BillingController.class)
class RosterLimits extends RequestBodyAdviceAdapter {

    private static final Set<String> ROSTERS = Set.of("reconcileCsv", "reconcileJson");

    private final long maxBytes;
    private final int maxRows;

    RosterLimits(@Value("${custodia.billing.roster.max-bytes:8MB}") DataSize maxBytes,
                 @Value("${custodia.billing.roster.max-rows:50000}") int maxRows) {
        this.maxBytes = maxBytes.toBytes();
        this.maxRows = maxRows;
    }

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
                            Class<? extends HttpMessageConverter<?>> converterType) {
        return parameter.getMethod() != null && ROSTERS.contains(parameter.getMethod().getName());
    }

    @Override
    public HttpInputMessage beforeBodyRead(HttpInputMessage message, MethodParameter parameter, Type targetType,
                                           Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
        long declared = message.getHeaders().getContentLength();
        if (declared > maxBytes) {
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

    /** Refuses a roster of more lines (CSV, the header not counted, or JSON) than allowed. */
    void checkRows(int rows) {
        if (rows > maxRows) {
            throw new ApiException(BillingProblem.ROSTER_TOO_MANY_ROWS, "The roster has " + rows
                    + " lines; at most " + maxRows + " are accepted");
        }
    }

    private ApiException tooLarge() {
        return new ApiException(BillingProblem.ROSTER_TOO_LARGE, "The roster is larger than "
                + maxBytes + " bytes (" + DataSize.ofBytes(maxBytes).toMegabytes() + " MB), the most accepted");
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
