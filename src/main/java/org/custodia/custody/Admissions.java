package org.custodia.custody;

import java.util.List;
import org.custodia.common.FieldProblem;

/**
 * Admits a person into custody (Mandela Rule 7). The transport module calls it at the end of an arrival handover.
 */
public interface Admissions {

    /**
     * Validates the whole command (every failure at once, {@code 400 VALIDATION_FAILED}), creates the prisoner with
     * the next number of the facility and year, writes the admission to the file and the ledger, creates the
     * consular and family notifications, raises an oversight alert on a complaint of ill-treatment, and publishes
     * {@link PrisonerAdmitted}, all in one transaction (joining the caller's, if any).
     *
     * @throws org.custodia.common.ApiException {@code 409 REFERRAL_ALREADY_ADMITTED} when the referral was admitted
     */
    Admission admit(AdmissionCommand command);

    /**
     * What {@link #admit} would refuse in the command, every failure at once, without admitting anybody: the
     * admission record is custody's to validate, so a caller that hands over a body of its own (the arrival
     * handover) lists custody's findings beside its own instead of repeating the rules.
     */
    List<FieldProblem> problems(AdmissionCommand command);

    /**
     * Vienna Art. 36 concerns foreign nationals: a person with the nationality of the receiving state is not one,
     * whatever other nationality they hold. The admission asks for consular rights only of a foreign national; a form
     * of the handover asks for them on the same terms.
     *
     * @param nationalities    the person's nationalities (ISO 3166 alpha-2)
     * @param receivingCountry the country of the agreement's receiving party
     */
    static boolean isForeignNational(List<String> nationalities, String receivingCountry) {
        return nationalities != null && !nationalities.isEmpty() && receivingCountry != null
                && !nationalities.contains(receivingCountry);
    }
}
