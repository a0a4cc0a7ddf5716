package org.custodia.referral.internal;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.custodia.referral.Person;

/**
 * The keys by which two referrals are the same person: each identity document (type, number, issuing country) and
 * the biometric reference. Numbers are compared without spaces, dashes and dots, and without regard to case.
 */
final class IdentityKeys {

    private IdentityKeys() {
    }

    static Set<String> of(Person person) {
        Set<String> keys = new LinkedHashSet<>();
        if (person == null) {
            return keys;
        }
        for (Person.IdentityDocument d : person.identityDocuments()) {
            if (d != null && d.type() != null && d.number() != null && d.issuingCountry() != null) {
                keys.add(document(d));
            }
        }
        if (person.biometricReference() != null && !person.biometricReference().isBlank()) {
            keys.add(biometric(person.biometricReference()));
        }
        return keys;
    }

    static String document(Person.IdentityDocument d) {
        return "document:" + d.type().toUpperCase(Locale.ROOT) + ":" + squash(d.number()) + ":"
                + d.issuingCountry().toUpperCase(Locale.ROOT);
    }

    static String biometric(String reference) {
        return "biometric:" + squash(reference);
    }

    /** For evidence: what kind of key matched, readable. */
    static String describe(String key) {
        if (key.startsWith("document:")) {
            String[] parts = key.split(":", 4);
            return parts[1] + " " + parts[2] + " (" + parts[3] + ")";
        }
        return "biometric " + key.substring("biometric:".length());
    }

    private static String squash(String value) {
        return value.replaceAll("[\\s.\\-/]", "").toUpperCase(Locale.ROOT);
    }
}
