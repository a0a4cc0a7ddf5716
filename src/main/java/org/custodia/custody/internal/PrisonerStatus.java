package org.custodia.custody.internal;

enum PrisonerStatus {
    IN_CUSTODY, TEMPORARILY_OUT, RELEASED
}
