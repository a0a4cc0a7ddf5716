package org.custodia.agreement;

public enum FeeKind {
    /** per prisoner and calendar day in custody */
    CUSTODY_DAY,
    /** once per admission */
    INTAKE_FEE
}
