package org.custodia.referral;

import java.util.List;

/** What the sending state declares of the person's health. */
public record Medical(Boolean fitToTravel, List<String> conditions, List<String> medication) {

    public Medical {
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
        medication = medication == null ? List.of() : List.copyOf(medication);
    }
}
