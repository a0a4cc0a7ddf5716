package org.custodia.referral;

import java.util.List;
import java.util.UUID;
import org.custodia.identity.CurrentUser;
import tools.jackson.databind.JsonNode;

/**
 * What {@code POST /api/v1/referrals/import} does with a JSON array, for other modules (the demo story): every body
 * parsed and evaluated as a submission is, the readable ones stored SUBMITTED or INELIGIBLE in batches, the import
 * ledgered; joins the caller's transaction. Only a SENDING_AGENCY or an ADMIN imports.
 */
public interface ReferralImports {

    Imported importAll(List<JsonNode> bodies, CurrentUser user);

    /** @param invalid bodies not stored because they could not be read (the API lists their errors) */
    record Imported(UUID importId, int stored, int ineligible, int invalid) {
    }
}
