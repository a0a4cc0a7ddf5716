package org.custodia.common;

import java.util.function.Supplier;
import org.springframework.http.ResponseEntity;

/**
 * Makes a POST safe to retry. The first answer to an {@code Idempotency-Key} is stored in the same transaction
 * as the change it made; a retry with the same key and the same body gets that answer again, and the same key
 * with another body is refused with {@code 422 IDEMPOTENCY_KEY_REUSED}.
 */
public interface Idempotency {

    String HEADER = "Idempotency-Key";

    /**
     * @param operation names the endpoint, so that one key may serve two different operations
     * @param key the client's key; {@code null} runs the action without protection
     * @param request the request body, compared by its canonical JSON
     * @param action the change, run at most once per key; its answer's body is stored as JSON
     */
    ResponseEntity<Object> execute(String operation, String key, Object request, Supplier<ResponseEntity<?>> action);
}
