package org.custodia.agreement;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One effective-dated line of a fee schedule. Money travels as a decimal string.
 *
 * @param effectiveTo the last day it applies (inclusive), or null while in force
 * @param securityLevel for a {@code CUSTODY_DAY} fee: the security level it applies to (MINIMUM, MEDIUM, HIGH,
 *                      MAXIMUM); null for the flat rate, which applies to every level without a rate of its own
 */
public record Fee(FeeKind kind, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount, String currency,
                  LocalDate effectiveFrom, LocalDate effectiveTo, String securityLevel) {

    public Fee(FeeKind kind, BigDecimal amount, String currency, LocalDate effectiveFrom, LocalDate effectiveTo) {
        this(kind, amount, currency, effectiveFrom, effectiveTo, null);
    }

    /** Whether the fee is in force on this day. */
    public boolean appliesOn(LocalDate day) {
        return !day.isBefore(effectiveFrom) && (effectiveTo == null || !day.isAfter(effectiveTo));
    }
}
