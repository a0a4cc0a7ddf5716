package org.custodia.referral;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Writes import CSV the way a spreadsheet would: a header line, then one line per conviction, quoted where needed. */
public final class ReferralCsv {

    public static final List<String> COLUMNS = List.of("externalReference", "agreementCode", "givenNames", "familyNames",
            "aliases", "dateOfBirth", "sex", "nationalities", "identityDocuments", "biometricReference", "court",
            "convictionCountry", "caseNumber", "offences", "convictionDate", "judgmentFinal", "finalSince", "sentenceYears",
            "sentenceMonths", "sentenceDays", "lifeSentence", "relation", "sentenceStartDate", "jailCreditDays",
            "commitmentOrderReference", "commitmentOrderAuthority", "commitmentOrderIssuedOn", "gangGroup", "gangSource",
            "fitToTravel", "consent", "consularNotificationRequested");

    private final StringBuilder text = new StringBuilder();

    public ReferralCsv() {
        text.append(String.join(",", COLUMNS)).append("\r\n");
    }

    public ReferralCsv row(Map<String, String> values) {
        List<String> cells = new ArrayList<>();
        for (String column : COLUMNS) {
            cells.add(escape(values.getOrDefault(column, "")));
        }
        text.append(String.join(",", cells)).append("\r\n");
        return this;
    }

    @Override
    public String toString() {
        return text.toString();
    }

    static String escape(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
