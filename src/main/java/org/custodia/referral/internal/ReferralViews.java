package org.custodia.referral.internal;

import org.custodia.identity.LanguageResolver;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.custodia.referral.Dossier;
import org.custodia.referral.Eligibility;
import org.custodia.referral.Finding;
import org.custodia.referral.ReferralSnapshot;
import org.springframework.stereotype.Component;

/** Turns referrals, evaluations and import results into the published records, findings in the reader's language. */
@Component
class ReferralViews {

    private final FindingMessages messages;

    ReferralViews(FindingMessages messages) {
        this.messages = messages;
    }

    /** Spanish when the Accept-Language header prefers it to English, else English (the API's default). */
    static Locale locale(String acceptLanguage) {
        return LanguageResolver.forApi(acceptLanguage);
    }

    ReferralResponse detail(ReferralSnapshot r, Locale locale) {
        Dossier d = r.dossier();
        ReferralSnapshot.Decision decision = r.decision();
        ReferralSnapshot.Withdrawal withdrawal = r.withdrawal();
        return new ReferralResponse(r.id(), r.status(), d.agreementCode(), d.externalReference(), d.person(),
                d.convictions(), d.commitmentOrder(), d.legalBasis(), d.gangAffiliation(), d.proposedSecurityLevel(),
                d.medical(), d.keepApart(), d.consent(), d.consularNotificationRequested(), r.sendingParty(),
                eligibility(r.eligibility(), locale, true), r.submittedBy(), r.submittedAt(),
                decision == null ? null : new DecisionView(DecisionRequest.Decision.valueOf(decision.decision()),
                        decision.reason(), decision.decidedBy(), decision.decidedAt()),
                withdrawal == null ? null : new WithdrawalView(withdrawal.reason(), withdrawal.withdrawnBy(),
                        withdrawal.withdrawnAt()),
                r.manifestId(), r.prisonerNumber(), r.handoverRefusedReason(), r.releasedAt(), r.updatedAt());
    }

    /** @param full with the message in every language and the evidence (the import answers without them) */
    EligibilityView eligibility(Eligibility e, Locale locale, boolean full) {
        return new EligibilityView(e.eligible(), e.evaluatedOn(), e.findings().stream().map(f -> finding(f, locale, full))
                .toList());
    }

    FindingView finding(Finding f, Locale locale, boolean full) {
        Map<String, String> all = null;
        if (full) {
            all = new LinkedHashMap<>();
            for (Locale language : FindingMessages.LANGUAGES) {
                all.put(language.getLanguage(), messages.render(f, language));
            }
        }
        return new FindingView(f.rule(), f.outcome(), messages.render(f, locale), f.messageCode(), f.arguments(), all,
                full ? f.evidence() : null);
    }

    ImportResult importResult(ReferralImportService.Result result, Locale locale) {
        List<ImportResult.Row> rows = result.outcomes().stream().map(o -> {
            ImportCandidate c = o.candidate();
            List<Integer> lines = c.lines();
            Integer index = lines == null ? c.index() : null;
            if (o.stored() != null) {
                return new ImportResult.Row(lines, index, c.externalReference(), o.stored().status().name(),
                        o.stored().id(), eligibility(o.stored().eligibility(), locale, false), null);
            }
            return new ImportResult.Row(lines, index, c.externalReference(), "INVALID", null, null, o.errors().stream()
                    .map(e -> new ImportResult.Error(e.field(), e.code(), e.message(), e.line())).toList());
        }).toList();
        return new ImportResult(result.importId(), result.rows(), result.referrals(), result.stored(),
                result.ineligible(), result.invalid(), rows);
    }
}
