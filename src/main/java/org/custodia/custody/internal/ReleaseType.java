package org.custodia.custody.internal;

/** How a person leaves custody. */
enum ReleaseType {
    RETURN_TO_SENDING_STATE, TRANSFER_TO_THIRD_STATE, SENTENCE_COMPLETED, DEATH
}
