package org.custodia.custody.internal;

public enum PrisonerStatus {
    IN_CUSTODY, TEMPORARILY_OUT, RELEASED
}
