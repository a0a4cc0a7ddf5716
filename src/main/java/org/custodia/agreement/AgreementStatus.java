package org.custodia.agreement;

public enum AgreementStatus {
    DRAFT, ACTIVE, SUSPENDED, TERMINATED
}
