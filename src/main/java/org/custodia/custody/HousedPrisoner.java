package org.custodia.custody;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What housing needs to know of a prisoner to place them: where they are, and the facts the separation rules read
 * (sex, age, legal status, affiliation, security level).
 *
 * @param status IN_CUSTODY, TEMPORARILY_OUT or RELEASED
 * @param cell the current cell, {@code null} while unhoused
 * @param convicted whether the file holds a conviction (Mandela Rule 11: untried and convicted apart)
 * @param gangGroup e.g. MS13, BARRIO_18_SURENOS, BARRIO_18_REVOLUCIONARIOS, TREN_DE_ARAGUA; {@code null} for none
 */
public record HousedPrisoner(UUID id, String prisonerNumber, UUID referralId, String agreementCode, String facilityCode,
                             String status, String cell, String module, String givenNames, String familyNames,
                             String sex, LocalDate dateOfBirth, boolean convicted, String gangGroup,
                             String securityLevel) {

    public boolean onRoll() {
        return !"RELEASED".equals(status);
    }

    public String name() {
        return givenNames + " " + familyNames;
    }
}
