package org.custodia.referral.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;
import org.custodia.referral.Finding;

/** One finding as published: the rule, its outcome and its message in the reader's language. */
@Schema(name = "Finding", description = "The outcome of one eligibility rule, with its message in the reader's language")
record FindingView(
        @Schema(description = "The rule's code, e.g. FINAL_CONVICTION_REQUIRED") String rule,
        @Schema(description = "PASS, WARN (a reviewer should look; it does not bar) or FAIL (the referral is ineligible)")
        Finding.Outcome outcome,
        @Schema(description = "The message in the language of Accept-Language (English by default)") String message,
        @Schema(description = "The message's code in the message bundle; null for a finding recorded as text by an "
                + "earlier version") String messageCode,
        @Schema(description = "The message's arguments, as stored (strings, numbers, terms {term, arguments}, lists)")
        List<Object> arguments,
        @Schema(description = "The message in every published language (en, es)")
        @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, String> messages,
        @Schema(description = "The facts the finding rests on")
        @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Object> evidence) {
}
