package org.custodia.referral.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.util.Set;
import org.custodia.common.ApiException;
import org.custodia.referral.ReferralProblem;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * The bounds of a bulk import ({@code POST /api/v1/referrals/import}): at most {@code custodia.referral.import.max-bytes}
 * of body (a declared {@code Content-Length} above it is refused before a byte is read, a longer body without one as
 * soon as it passes the bound) and at most {@code custodia.referral.import.max-rows} CSV rows or JSON items. Both
 * refusals are {@code 413} problems, given before anything of the import is checked or stored.
 */
@ControllerAdvice(assignableTypes = ReferralController.class)
class ImportLimits extends RequestBodyAdviceAdapter {

    private static final Set<String> IMPORTS = Set.of("importCsv", "importJson");

    private final long maxBytes;
    private final int maxRows;

    ImportLimits(@Value("${custodia.referral.import.max-bytes:32MB}") DataSize maxBytes,
                 @Value("${custodia.referral.import.max-rows:20000}") int maxRows) {
        this.maxBytes = maxBytes.toBytes();
        this.maxRows = maxRows;
    }

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
                            Class<? extends HttpMessageConverter<?>> converterType) {
        return parameter.getMethod() != null && IMPORTS.contains(parameter.getMethod().getName());
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

    /** Refuses an import of more rows (CSV lines, the header not counted) or items (JSON) than allowed. */
    void checkRows(int rows) {
        if (rows > maxRows) {
            throw new ApiException(ReferralProblem.REFERRAL_IMPORT_TOO_MANY_ROWS, "The import has " + rows
                    + " rows; at most " + maxRows + " are accepted in one import: split the file");
        }
    }

    private ApiException tooLarge() {
        return new ApiException(ReferralProblem.REFERRAL_IMPORT_TOO_LARGE, "The import is larger than "
                + maxBytes + " bytes (" + DataSize.ofBytes(maxBytes).toMegabytes() + " MB), the most accepted in one "
                + "import: split the file");
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
