package org.custodia.referral.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** The console's form gives the API's body: an empty conviction block is no conviction, as in the API. */
class ReferralFormTest {

    @Test
    void anEmptyConvictionBlockIsNoConvictionSoTheReferralIsStoredAndJudged() {
        ObjectNode body = ReferralForm.body(Map.of("agreementCode", "US-SV-2025", "externalReference", "DHS-1",
                "givenNames", "Ana", "familyNames", "Pérez", "dateOfBirth", "1990-01-01", "sex", "FEMALE",
                "nationalities", "ve", "c0.judgmentFinal", "true", "c0.relation", "CONCURRENT", "consent", "NOT_ASKED"));
        assertThat(body.get("convictions").size()).isZero();
        ReferralParser.Result parsed = ReferralParser.parse(body, LocalDate.of(2026, 11, 28));
        assertThat(parsed.problems()).as("readable: the rules judge what is missing").isEmpty();
        assertThat(parsed.dossier().convictions()).isEmpty();
    }
}
