package org.custodia.referral;

import java.time.LocalDate;
import java.util.List;

/** The person referred, as identified by the sending state. */
public record Person(String givenNames, String familyNames, List<String> aliases, LocalDate dateOfBirth, Sex sex,
                     List<String> nationalities, List<IdentityDocument> identityDocuments, String biometricReference) {

    public Person {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        nationalities = nationalities == null ? List.of() : List.copyOf(nationalities);
        identityDocuments = identityDocuments == null ? List.of() : List.copyOf(identityDocuments);
    }

    public enum Sex {
        MALE, FEMALE
    }

    /** A travel or identity document; type, number and issuing country together identify it. */
    public record IdentityDocument(String type, String number, String issuingCountry) {
    }
}
