package org.custodia.housing.internal.rules;

import java.util.List;

/**
 * One hard rule broken by one placement: the rule's code, the arguments of its message (rendered through the
 * MessageSource as {@code housing.rule.CODE}) and the people involved (prisoner numbers).
 */
public record Breach(String rule, List<String> args, List<String> people) {

    public Breach {
        args = List.copyOf(args);
        people = List.copyOf(people);
    }
}
