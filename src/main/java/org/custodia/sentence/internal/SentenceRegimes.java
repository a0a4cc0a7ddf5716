package org.custodia.sentence.internal;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** The regimes by code. */
final class SentenceRegimes {

    private final Map<String, SentenceRegime> byCode;

    SentenceRegimes(List<SentenceRegime> regimes) {
        Map<String, SentenceRegime> map = new TreeMap<>();
        for (SentenceRegime regime : regimes) {
            if (map.putIfAbsent(regime.code(), regime) != null) {
                throw new IllegalStateException("Two sentence regimes with the code " + regime.code());
            }
        }
        this.byCode = Collections.unmodifiableMap(map);
    }

    Optional<SentenceRegime> find(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }

    Set<String> codes() {
        return byCode.keySet();
    }
}
