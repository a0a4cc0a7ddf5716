package org.custodia.referral.internal;

import java.util.List;
import java.util.Locale;
import org.custodia.referral.Eligibility;
import org.custodia.referral.Finding;
import org.custodia.referral.ReferralSnapshot;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The JSON the API answers with: the dossier at the top level, as it was submitted, with id, status and findings. */
final class ReferralViews {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private ReferralViews() {
    }

    /** {@code es} when the Accept-Language header prefers Spanish to English, else {@code en}. */
    static String language(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return "en";
        }
        try {
            List<String> matching = Locale.filterTags(Locale.LanguageRange.parse(acceptLanguage), List.of("en", "es"));
            return matching.isEmpty() ? "en" : matching.get(0);
        } catch (IllegalArgumentException e) {
            return "en";
        }
    }

    static ObjectNode detail(ReferralSnapshot r, String language) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", r.id().toString());
        node.put("status", r.status().name());
        node.setAll((ObjectNode) JSON.valueToTree(r.dossier()));
        node.put("sendingParty", r.sendingParty());
        node.set("eligibility", eligibility(r.eligibility(), language, true));
        node.put("submittedBy", r.submittedBy());
        node.put("submittedAt", r.submittedAt().toString());
        node.set("decision", r.decision() == null ? null : JSON.valueToTree(r.decision()));
        node.set("withdrawal", r.withdrawal() == null ? null : JSON.valueToTree(r.withdrawal()));
        node.put("manifestId", r.manifestId() == null ? null : r.manifestId().toString());
        node.put("prisonerNumber", r.prisonerNumber());
        node.put("handoverRefusedReason", r.handoverRefusedReason());
        node.put("releasedAt", r.releasedAt() == null ? null : r.releasedAt().toString());
        node.put("updatedAt", r.updatedAt().toString());
        return node;
    }

    static ObjectNode eligibility(Eligibility e, String language, boolean withEvidence) {
        ObjectNode node = JSON.createObjectNode();
        node.put("eligible", e.eligible());
        node.put("evaluatedOn", e.evaluatedOn().toString());
        ArrayNode findings = node.putArray("findings");
        for (Finding f : e.findings()) {
            ObjectNode finding = findings.addObject();
            finding.put("rule", f.rule());
            finding.put("outcome", f.outcome().name());
            finding.put("message", f.message(language));
            if (withEvidence) {
                ObjectNode messages = finding.putObject("messages");
                messages.put("en", f.messageEn());
                messages.put("es", f.messageEs());
                finding.set("evidence", JSON.valueToTree(f.evidence()));
            }
        }
        return node;
    }

    static ObjectNode summary(ReferralRepository.Summary s) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", s.id().toString());
        node.put("status", s.status().name());
        node.put("agreementCode", s.agreementCode());
        node.put("externalReference", s.externalReference());
        node.put("givenNames", s.givenNames());
        node.put("familyNames", s.familyNames());
        ArrayNode nationalities = node.putArray("nationalities");
        s.nationalities().forEach(nationalities::add);
        node.put("affiliation", s.affiliation());
        node.put("eligible", s.eligible());
        node.put("submittedAt", s.submittedAt().toString());
        return node;
    }

    static ObjectNode importResult(ReferralImportService.Result result, String language) {
        ObjectNode node = JSON.createObjectNode();
        node.put("importId", result.importId().toString());
        node.put("rows", result.rows());
        node.put("referrals", result.referrals());
        node.put("stored", result.stored());
        node.put("ineligible", result.ineligible());
        node.put("invalid", result.invalid());
        ArrayNode results = node.putArray("results");
        for (ReferralImportService.Outcome o : result.outcomes()) {
            ObjectNode item = results.addObject();
            if (o.candidate().lines() != null) {
                ArrayNode rows = item.putArray("rows");
                o.candidate().lines().forEach(rows::add);
            } else {
                item.put("index", o.candidate().index());
            }
            item.put("externalReference", o.candidate().externalReference());
            if (o.stored() != null) {
                item.put("status", o.stored().status().name());
                item.put("id", o.stored().id().toString());
                item.set("eligibility", eligibility(o.stored().eligibility(), language, false));
            } else {
                item.put("status", "INVALID");
                ArrayNode errors = item.putArray("errors");
                for (ImportCandidate.ImportError e : o.errors()) {
                    ObjectNode error = errors.addObject();
                    error.put("field", e.field());
                    error.put("code", e.code());
                    error.put("message", e.message());
                    if (e.line() != null) {
                        error.put("row", e.line());
                    }
                }
            }
        }
        return node;
    }
}
