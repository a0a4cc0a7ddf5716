package org.custodia.custody.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.custodia.custody.AdmissionCommand.Arrest;
import org.custodia.custody.AdmissionCommand.CommitmentOrder;
import org.custodia.custody.AdmissionCommand.Conviction;
import org.custodia.custody.AdmissionCommand.Handover;
import org.custodia.custody.AdmissionCommand.Person;
import org.custodia.identity.CurrentUser;
import org.custodia.sentence.SentenceCalculation;
import org.custodia.sentence.SentenceRequest.Forfeiture;

/**
 * The answers of the custody API, one record per published shape (DESIGN.md's names), with the confidential parts
 * filtered by the reader's role (Rule 9).
 */
final class CustodyViews {

    private CustodyViews() {
    }

    @Schema(name = "Prisoner", description = "A prisoner as read: status, custodians, cell, person, commitment, sentence dates and the "
            + "entries of the file")
    record Prisoner(@Schema(example = "CECOT-2026-000123") String prisonerNumber, UUID id,
                    PrisonerStatus status,
                    @Schema(description = "The sending party, which keeps legal jurisdiction", example = "US") String legalCustodian,
                    @Schema(description = "The facility that holds the person", example = "CECOT") String physicalCustodian,
                    String agreementCode, UUID referralId, String facilityCode,
                    @Schema(description = "The cell, or null while unhoused", example = "M3-C17") String cell,
                    String module, @Schema(example = "MAXIMUM") String securityLevel, GangAffiliation gangAffiliation,
                    @Schema(description = "Rule 7(a): precise identity") Person person,
                    @Schema(description = "Rule 7(b)") ReasonsForCommitment reasonsForCommitment,
                    List<Conviction> convictions, Instant admittedAt, Instant admissionRecordedAt,
                    String admissionRecordedBy, @Schema(description = "Rule 7(c)-(g) as handed over at the gate") Handover handover,
                    boolean familyNotificationDeclined, Sentence sentence,
                    @Schema(description = "Set once released") ReleaseDetails release, Instant releasedAt,
                    @Schema(description = "Every entry of the file, oldest first (Rule 8)") List<Event> events) {

        static Prisoner of(PrisonerRecord p, Sentence sentence, List<FileEvent> events, CurrentUser reader) {
            return new Prisoner(p.number(), p.id(), p.status(), p.legalCustodian(), p.physicalCustodian(),
                    p.agreementCode(), p.referralId(), p.facilityCode(), p.cell(), p.module(), p.securityLevel(),
                    p.gangGroup() == null ? null : new GangAffiliation(p.gangGroup(), p.gangSource()), p.person(),
                    new ReasonsForCommitment(p.commitmentOrder(), p.responsibleAuthority(), p.arrest()), p.convictions(),
                    p.admittedAt(), p.admissionRecordedAt(), p.admissionRecordedBy(), p.handover(),
                    p.familyNotificationDeclined(), sentence, p.release(), p.releasedAt(),
                    events.stream().map(e -> Event.of(e, reader)).toList());
        }
    }

    @Schema(name = "PrisonerFile", description = "The whole prisoner file: the prisoner with the sentence breakdown, and the notifications")
    record PrisonerFile(@JsonUnwrapped Prisoner prisoner,
                        @Schema(description = "Family and consular notifications (Rules 68, 69; Vienna Art. 36)")
                        List<Notification> notifications) {
    }

    @Schema(name = "PrisonerGangAffiliation")
    record GangAffiliation(@Schema(example = "TREN_DE_ARAGUA") String group, String source) {
    }

    @Schema(name = "PrisonerReasonsForCommitment", description = "Rule 7(b)")
    record ReasonsForCommitment(CommitmentOrder commitmentOrder, String responsibleAuthority, Arrest arrest) {
    }

    @Schema(name = "PrisonerSentence", description = "The dates computed by the sentence module from the convictions and the forfeitures of the file")
    record Sentence(@Schema(example = "US_FEDERAL_FSA") String regime, boolean life, LocalDate sentenceStartDate,
                    LocalDate fullTermDate, int goodConductTimeDays, int gctForfeitedDays,
                    LocalDate projectedReleaseDate, LocalDate releaseDate,
                    @Schema(description = "The numbered steps (file and sentence answers only)")
                    @JsonInclude(JsonInclude.Include.NON_NULL) List<SentenceCalculation.Step> breakdown,
                    @Schema(description = "Good conduct time taken away by disciplinary sanctions (file and sentence answers only)")
                    @JsonInclude(JsonInclude.Include.NON_NULL) List<Forfeiture> forfeitures) {

        static Sentence of(SentenceDates s, boolean withBreakdown) {
            return new Sentence(s.regime(), s.life(), s.sentenceStartDate(), s.fullTermDate(), s.goodConductTimeDays(),
                    s.gctForfeitedDays(), s.projectedReleaseDate(), s.releaseDate(),
                    withBreakdown ? s.breakdown() : null, withBreakdown ? s.forfeitures() : null);
        }
    }

    @Schema(name = "PrisonerSentenceAnswer", description = "A prisoner's sentence dates with their breakdown and forfeitures")
    record SentenceAnswer(String prisonerNumber, @JsonUnwrapped Sentence sentence, int gctDaysPerYear,
                          List<Conviction> convictions) {
    }

    @Schema(name = "FileEvent", description = "One entry of the file")
    record Event(UUID id,
                 @Schema(description = "ADMISSION, CLASSIFICATION, DISCIPLINE, REQUEST, COMPLAINT, INJURY, MEDICAL_NOTE, "
                         + "VISIT, COURT, MOVEMENT_OUT, MOVEMENT_IN, CELL_MOVE or RELEASE") String type,
                 @Schema(description = "When it happened") Instant occurredAt,
                 @Schema(description = "When it was written down") Instant recordedAt,
                 @Schema(description = "The signed-in user who wrote it") String recordedBy, boolean serious,
                 @Schema(description = "The fields of the entry's type, as recorded (see FileEntry); a medical note "
                         + "shows its summary to prison staff and its note to ADMIN and OVERSIGHT only")
                 Map<String, Object> details) {

        /**
         * Rule 9: a medical note's summary is shown to prison staff, its full text to ADMIN and OVERSIGHT only; a
         * sending agency and a consulate see that a confidential note exists, not what it says.
         */
        static Event of(FileEvent e, CurrentUser reader) {
            Map<String, Object> details;
            if (EntryType.MEDICAL_NOTE.name().equals(e.type())) {
                details = new LinkedHashMap<>();
                details.put("confidential", true);
                if (PrisonerScope.readsMedicalSummaries(reader)) {
                    details.putAll(e.details());
                }
                if (PrisonerScope.readsMedicalNotes(reader) && e.confidential() != null) {
                    details.putAll(e.confidential());
                }
            } else {
                details = e.details();
            }
            return new Event(e.id(), e.type(), e.occurredAt(), e.recordedAt(), e.recordedBy(), e.serious(), details);
        }
    }

    @Schema(name = "PrisonerSearchPage", description = "A page of prisoners found")
    record SearchPage(List<Summary> items, int page, int size,
                      @Schema(description = "How many prisoners match; when totalExact is false, a lower bound only: "
                              + "more than this many match") long total,
                      @Schema(description = "Whether total is the exact number of matches. The count stops past a "
                              + "bound (1,000, or the end of the page asked for if further): false means more than "
                              + "total match, and there is a page after this one") boolean totalExact) {
    }

    @Schema(name = "PrisonerSummary", description = "A prisoner in a list")
    record Summary(String prisonerNumber, String givenNames, String familyNames, List<String> aliases,
                   LocalDate dateOfBirth, List<String> nationalities, PrisonerStatus status, String legalCustodian,
                   String facilityCode, String cell, String module, String securityLevel,
                   @Schema(description = "The gang group, e.g. MS13") String gangAffiliation, Instant admittedAt,
                   LocalDate releaseDate) {

        static Summary of(PrisonerRecord p) {
            return new Summary(p.number(), p.person().givenNames(), p.person().familyNames(), p.person().aliases(),
                    p.person().dateOfBirth(), p.nationalities(), p.status(), p.legalCustodian(), p.facilityCode(),
                    p.cell(), p.module(), p.securityLevel(), p.gangGroup(), p.admittedAt(), p.releaseDate());
        }
    }

    @Schema(description = "Releases due within the window, each counted in its facility's day")
    record UpcomingReleases(LocalDate from, LocalDate until, int days, List<UpcomingRelease> items) {
    }

    @Schema(name = "UpcomingRelease", description = "A release due, counted in its facility's day")
    record UpcomingRelease(String prisonerNumber, String name, String legalCustodian, String facilityCode,
                           PrisonerStatus status, String cell, LocalDate fullTermDate, LocalDate releaseDate,
                           long daysLeft, @Schema(description = "The release date has passed") boolean overdue) {
    }

    @Schema(name = "OversightAlert", description = "A complaint of ill-treatment raised to oversight")
    record Alert(UUID id, String prisonerNumber, String facilityCode,
                 @Schema(example = "ILL_TREATMENT_AT_ADMISSION") String kind, String details, UUID eventId,
                 Instant occurredAt, Instant raisedAt) {
    }

    @Schema(description = "A notification to the family or a consulate: PENDING until sent, SENT when given")
    record Notification(UUID id, @Schema(example = "FAMILY") String recipientKind, String recipient, String address,
                        @Schema(example = "IMPRISONMENT") String subject, String channel, String status,
                        Instant createdAt, Instant sentAt) {
    }

    /** A release as recorded: the death fields only for a death. */
    @Schema(name = "Release", description = "A release and its handover")
    record ReleaseDetails(ReleaseType type, Instant effectiveAt, String receivedBy, String destinationState,
                          String reason,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String circumstances,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String cause,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String remainsDisposition,
                          String recordedBy, Instant recordedAt) {
    }

    @Schema(name = "ReleaseAnswer", description = "The answer to a release")
    record ReleaseAnswer(String prisonerNumber, PrisonerStatus status, @JsonUnwrapped ReleaseDetails release) {
    }

    @Schema(description = "Rule 10: the roll of a facility today, in its own time zone")
    record RollCount(@Schema(example = "CECOT") String facilityCode,
                     @Schema(description = "Today in the facility's zone") LocalDate date,
                     @Schema(description = "The facility's time zone", example = "America/El_Salvador") String zone,
                     @Schema(description = "Everybody on the roll, temporarily out included") int population,
                     int arrivedToday, int temporarilyOut, int releasedToday,
                     @Schema(description = "On dispatched manifests, not yet handed over") int enRoute,
                     @Schema(description = "On the roll without a cell") int unhoused, List<ModuleRoll> modules,
                     List<FormalCount> openDiscrepancies) {
    }

    @Schema(name = "ModuleRoll", description = "A module's beds today")
    record ModuleRoll(String code, int bedsInUse, @Schema(description = "IN_CUSTODY in the module") int present,
                      int workingCapacity, int netVacancies) {
    }

    @Schema(description = "A formal count: CLEAR, DISCREPANCY until resolved, or RESOLVED")
    record FormalCount(UUID id, String facilityCode, Instant countedAt, String countedBy, String status,
                       boolean discrepancy, Instant resolvedAt, String resolvedBy, String resolutionReason,
                       List<ModuleCount> modules) {
    }

    @Schema(name = "ModuleCount", description = "A module counted: expected, counted and their difference")
    record ModuleCount(String code, int expected, int counted, int difference, boolean flagged) {
    }
}
