#!/usr/bin/env python3
"""Writes N CSV rows of referrals (docs/referral-import.md) for the import benchmark: one or two convictions a
referral, every 50th person carrying the passport of the one before (a duplicate inside the file)."""
import csv
import datetime
import sys

rows, agreement, run, path = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
today = datetime.date.today()
ago = lambda **kw: (today - datetime.timedelta(**kw)).isoformat()
columns = ["externalReference", "agreementCode", "givenNames", "familyNames", "dateOfBirth", "sex", "nationalities",
           "identityDocuments", "biometricReference", "court", "convictionCountry", "caseNumber", "offences",
           "convictionDate", "judgmentFinal", "finalSince", "sentenceYears", "sentenceStartDate", "jailCreditDays",
           "commitmentOrderReference", "commitmentOrderAuthority", "commitmentOrderIssuedOn", "gangGroup",
           "fitToTravel", "consent", "consularNotificationRequested"]
with open(path, "w", newline="", encoding="utf-8") as out:
    writer = csv.DictWriter(out, fieldnames=columns)
    writer.writeheader()
    written, i = 0, 0
    while written < rows:
        passport = i - 1 if i % 50 == 49 else i
        line = {"externalReference": f"BENCH-{run}-{i}", "agreementCode": agreement, "givenNames": f"Persona {i}",
                "familyNames": "Prueba", "dateOfBirth": ago(days=365 * (20 + i % 40) + i % 365), "sex": "MALE",
                "nationalities": "VE" if i % 3 == 0 else "VE|CO", "identityDocuments": f"PASSPORT:{run}{passport}:VE",
                "biometricReference": f"FBI-{run}-{i}", "court": f"U.S. District Court, District {i % 94}",
                "convictionCountry": "US", "caseNumber": f"CR-{i}",
                "offences": "21 USC 841:Possession with intent to distribute", "convictionDate": ago(days=730),
                "judgmentFinal": "false" if i % 10 == 0 else "true", "finalSince": ago(days=365),
                "sentenceYears": str(1 + i % 15), "sentenceStartDate": ago(days=730), "jailCreditDays": "60",
                "commitmentOrderReference": f"CO-{run}-{i}", "commitmentOrderAuthority": "U.S. District Court",
                "commitmentOrderIssuedOn": ago(days=30), "gangGroup": "MS13" if i % 4 == 0 else "NONE",
                "fitToTravel": "true", "consent": "NOT_ASKED", "consularNotificationRequested": "true"}
        writer.writerow(line)
        written += 1
        if i % 4 == 1 and written < rows:
            writer.writerow({"externalReference": f"BENCH-{run}-{i}", "court": "State court", "convictionCountry": "US",
                             "caseNumber": f"ST-{i}", "offences": "TX PC 29.02:Robbery", "convictionDate": ago(days=900),
                             "judgmentFinal": "true", "finalSince": ago(days=800), "sentenceYears": "3",
                             "sentenceStartDate": ago(days=900), "jailCreditDays": "0"})
            written += 1
        i += 1
