package org.custodia.referral;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of one eligibility rule for one referral on one day: the rule's code, the outcome, a message code
 * with its arguments (rendered through the MessageSource in the reader's language when read, so that wording can be
 * corrected and languages added without rewriting what is stored) and the facts it rests on.
 *
 * <p>An argument is a string, a number, a {@linkplain #term term} (a message of its own, translated too) or a list
 * of these (rendered joined by commas).
 *
 * @param recordedText the wording stored by versions that kept text instead of a code (language to text); empty
 *                     for findings stored as a code. Rendered when {@code messageCode} is null.
 */
public record Finding(String rule, Outcome outcome, String messageCode, List<Object> arguments,
                      Map<String, Object> evidence, Map<String, String> recordedText) {

    public Finding {
        arguments = arguments == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(arguments));
        evidence = evidence == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(evidence));
        recordedText = recordedText == null ? Map.of() : Map.copyOf(recordedText);
    }

    public static Finding of(String rule, Outcome outcome, String messageCode, List<?> arguments,
                             Map<String, Object> evidence) {
        return new Finding(rule, outcome, messageCode, arguments == null ? null : new ArrayList<>(arguments), evidence,
                Map.of());
    }

    /**
     * Reads both forms: the current one (messageCode, arguments) and the one stored before findings were codes
     * ({@code messageEn}, {@code messageEs}), which keeps its recorded wording.
     */
    @JsonCreator
    static Finding read(@JsonProperty("rule") String rule, @JsonProperty("outcome") Outcome outcome,
                        @JsonProperty("messageCode") String messageCode, @JsonProperty("arguments") List<Object> arguments,
                        @JsonProperty("evidence") Map<String, Object> evidence,
                        @JsonProperty("recordedText") Map<String, String> recordedText,
                        @JsonProperty("messageEn") String messageEn, @JsonProperty("messageEs") String messageEs) {
        Map<String, String> text = new LinkedHashMap<>();
        if (recordedText != null) {
            text.putAll(recordedText);
        }
        if (messageEn != null) {
            text.put("en", messageEn);
        }
        if (messageEs != null) {
            text.put("es", messageEs);
        }
        return new Finding(rule, outcome, messageCode, arguments, evidence, text);
    }

    /** An argument that is itself a message (for example a word to translate), with arguments of its own. */
    public static Map<String, Object> term(String code, Object... arguments) {
        Map<String, Object> term = new LinkedHashMap<>();
        term.put("term", code);
        if (arguments.length > 0) {
            term.put("arguments", new ArrayList<>(java.util.Arrays.asList(arguments)));
        }
        return term;
    }

    public enum Outcome {
        /** the rule is met */
        PASS,
        /** the rule does not bar the referral, but a reviewer should look */
        WARN,
        /** the rule is not met: the referral is ineligible */
        FAIL
    }
}
