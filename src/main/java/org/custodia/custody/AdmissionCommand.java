package org.custodia.custody;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/**
 * Everything Mandela Rule 7 requires at admission, as the arrival handover hands it over.
 *
 * @param referralId the accepted referral the person arrives under (required)
 * @param agreementCode the agreement, e.g. {@code US-SV-2025}
 * @param legalCustodian the sending party's code, e.g. {@code US}: it keeps legal jurisdiction
 * @param facilityCode the receiving facility, e.g. {@code CECOT}: it takes physical custody
 * @param sentenceRegime the agreement's sentence rules, e.g. {@code US_FEDERAL_FSA}; the agreement's when null
 * @param gctDaysPerYear the agreement's good conduct time per year (54, 42 or 0); the agreement's when null
 * @param securityLevel MINIMUM, MEDIUM, HIGH or MAXIMUM
 * @param admittedAt the day and hour of admission; may lie in the past (records of people already held), never in
 *                   the future
 * @param recordedBy the user name of the officer who admits
 */
public record AdmissionCommand(UUID referralId, String agreementCode, String legalCustodian, String facilityCode,
                               Person person, ReasonsForCommitment reasonsForCommitment, List<Conviction> convictions,
                               String sentenceRegime, Integer gctDaysPerYear, GangAffiliation gangAffiliation,
                               String securityLevel, Instant admittedAt, Handover handover, String recordedBy) {

    /**
     * Rule 7(a): precise identity, respecting the self-perceived gender.
     *
     * @param sex MALE or FEMALE
     * @param selfPerceivedGender optional, free text as the person states it
     * @param nationalities ISO 3166 alpha-2 codes
     */
    public record Person(String givenNames, String familyNames, List<String> aliases, LocalDate dateOfBirth, String sex,
                         String selfPerceivedGender, List<String> nationalities,
                         List<IdentityDocument> identityDocuments, String biometricReference) {
    }

    public record IdentityDocument(String type, String number, String issuingCountry) {
    }

    /** Rule 7(b): the commitment order, the responsible authority and the arrest (optional). */
    public record ReasonsForCommitment(CommitmentOrder commitmentOrder, String responsibleAuthority, Arrest arrest) {
    }

    public record CommitmentOrder(String reference, String issuingAuthority, LocalDate issuedOn) {
    }

    /** @param time optional */
    public record Arrest(LocalDate date, LocalTime time, String place) {
    }

    /** @param relation CONCURRENT or CONSECUTIVE (to the conviction before it); CONCURRENT when null */
    public record Conviction(String court, String caseNumber, List<Offence> offences, Term sentence,
                             LocalDate sentenceStartDate, Integer jailCreditDays, String relation) {
    }

    public record Offence(String code, String description) {
    }

    public record Term(int years, int months, int days, boolean life) {
    }

    /** @param group e.g. MS13, BARRIO_18_SURENOS, BARRIO_18_REVOLUCIONARIOS, TREN_DE_ARAGUA */
    public record GangAffiliation(String group, String source) {
    }

    /**
     * The arrival handover: Rule 7(c) to (g) and Vienna Art. 36. Custody owns these rules (see {@link Admissions}):
     * a verified identity and how; the visible injuries (or "none") and whether the person complains of
     * ill-treatment, with its details; the property; the family; an emergency contact with a name (Rule 7 g; the
     * phone when known); and, for a foreign national only, that the person was told of consular rights and whether
     * they want the consulate notified.
     *
     * @param conditionOnArrival optional (added after the handover body was published)
     * @param illTreatmentDetails required when {@code complaintOfIllTreatment}
     * @param consulateNotifiedAt when the consulate was already told, if it was
     * @param familyNotificationDeclined the person asked that the family not be told (Rules 68, 69)
     */
    public record Handover(boolean identityVerified, VerificationMethod verificationMethod, String conditionOnArrival,
                           String injuriesObserved, Boolean complaintOfIllTreatment, String illTreatmentDetails,
                           List<PropertyItem> property, List<FamilyMember> familyMembers, Contact emergencyContact,
                           Contact nextOfKin, Boolean informedOfConsularRights, Boolean consularNotificationRequested,
                           Instant consulateNotifiedAt, boolean familyNotificationDeclined) {

        public boolean complains() {
            return Boolean.TRUE.equals(complaintOfIllTreatment);
        }

        public boolean wantsConsulNotified() {
            return Boolean.TRUE.equals(consularNotificationRequested);
        }
    }

    public record PropertyItem(String description, int quantity) {
    }

    /** @param age and {@code custodyStatus} for children (Rule 7(f)) */
    public record FamilyMember(String name, String relationship, String location, Integer age, String custodyStatus) {
    }

    public record Contact(String name, String phone, String relationship) {
    }
}
