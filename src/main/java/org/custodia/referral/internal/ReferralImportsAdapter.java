package org.custodia.referral.internal;

import java.util.ArrayList;
import java.util.List;
import org.custodia.identity.CurrentUser;
import org.custodia.referral.ReferralImports;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** The public face of {@link ReferralImportService} for a JSON array, as the API's JSON import calls it. */
@Component
class ReferralImportsAdapter implements ReferralImports {

    private final ReferralImportService imports;
    private final ImportLimits limits;

    ReferralImportsAdapter(ReferralImportService imports, ImportLimits limits) {
        this.imports = imports;
        this.limits = limits;
    }

    @Override
    public Imported importAll(List<JsonNode> bodies, CurrentUser user) {
        limits.checkRows(bodies.size());
        List<ImportCandidate> candidates = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            candidates.add(ImportCandidate.json(i, bodies.get(i)));
        }
        ReferralImportService.Result result = imports.run(bodies.size(), candidates, user);
        return new Imported(result.importId(), result.stored(), result.ineligible(), result.invalid());
    }
}
