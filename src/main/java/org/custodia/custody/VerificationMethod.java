package org.custodia.custody;

/** How a person's identity was verified at the gate (Mandela Rule 7 a). */
public enum VerificationMethod {
    FINGERPRINT, DOCUMENT, PHOTO
}
