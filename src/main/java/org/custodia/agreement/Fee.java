package org.custodia.agreement;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.LocalDate;

/** One effective-dated line of a fee schedule. Money travels as a decimal string. */
public record Fee(FeeKind kind, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount, String currency,
                  LocalDate effectiveFrom, LocalDate effectiveTo) {
}
