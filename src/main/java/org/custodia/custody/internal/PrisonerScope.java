package org.custodia.custody.internal;

import java.util.List;
import org.custodia.identity.CurrentUser;
import org.custodia.identity.Role;

/**
 * Who sees which prisoner (Rule 9): a sending agency only those whose legal custodian is its party, a consulate only
 * its own nationals, everybody else (prison staff, oversight, admin) all. Out of scope is "not found".
 */
final class PrisonerScope {

    private PrisonerScope() {
    }

    static boolean canSee(CurrentUser user, PrisonerRecord p) {
        return switch (user.role()) {
            case SENDING_AGENCY -> user.partyCode() != null && user.partyCode().equals(p.legalCustodian());
            case CONSULAR -> user.nationality() != null && p.nationalities().contains(user.nationality());
            default -> true;
        };
    }

    /** The same as an SQL condition on {@code prisoner p}, with its parameters appended to {@code params}. */
    static String sql(CurrentUser user, List<Object> params) {
        if (user.role() == Role.SENDING_AGENCY) {
            params.add(user.partyCode() == null ? "" : user.partyCode());
            return "p.legal_custodian = ?";
        }
        if (user.role() == Role.CONSULAR) {
            params.add(user.nationality() == null ? "" : user.nationality());
            return "p.person -> 'nationalities' @> jsonb_build_array(?::text)";
        }
        return "TRUE";
    }

    /** Rule 9: the full text of a medical note. */
    static boolean readsMedicalNotes(CurrentUser user) {
        return user.role() == Role.ADMIN || user.role() == Role.OVERSIGHT;
    }

    /** Rule 9: the summary of a medical note, for those who need it professionally. */
    static boolean readsMedicalSummaries(CurrentUser user) {
        return user.role().isPrisonStaff() || readsMedicalNotes(user);
    }
}
