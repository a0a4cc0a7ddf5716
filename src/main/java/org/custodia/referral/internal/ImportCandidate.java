package org.custodia.referral.internal;

import java.util.List;
import java.util.function.Function;
import org.custodia.common.FieldProblem;
import tools.jackson.databind.JsonNode;

/**
 * One referral of a bulk import before it is checked: its body as the API would receive it, where it came from
 * (the CSV lines, or the index in a JSON array), the problems found while reading it, and how to name a field of
 * the body in the caller's terms (a CSV column and line).
 */
record ImportCandidate(List<Integer> lines, Integer index, String externalReference, JsonNode body,
                       List<ImportError> problems, Function<FieldProblem, ImportError> translate) {

    /** A problem of one referral of an import; {@code line} names the CSV line, null for JSON. */
    record ImportError(String field, String code, String message, Integer line) {
    }

    static ImportCandidate json(int index, JsonNode body) {
        JsonNode ref = body == null ? null : body.get("externalReference");
        return new ImportCandidate(null, index, ref != null && ref.isString() ? ref.stringValue() : null, body, List.of(),
                p -> new ImportError(p.field(), p.code(), p.message(), null));
    }
}
