package org.custodia.custody.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.custodia.common.ApiException;
import org.custodia.common.Validation;
import org.custodia.common.NotInFuture;
import org.custodia.custody.CustodyProblem;
import org.custodia.identity.CurrentUser;
import org.custodia.identity.Role;

/**
 * An entry of the file (Mandela Rule 8), as the API receives it: one record per kind, told apart by {@code type}.
 * Each kind carries its own fields and Bean Validation, the rules that depend on other fields ({@link #check}), what
 * the file keeps of it ({@link #details}) and its effects on the prisoner ({@link #apply}): its handler.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type", defaultImpl = FileEntry.Unknown.class)
@JsonSubTypes({
        @JsonSubTypes.Type(value = FileEntry.Classification.class, name = "CLASSIFICATION"),
        @JsonSubTypes.Type(value = FileEntry.Discipline.class, name = "DISCIPLINE"),
        @JsonSubTypes.Type(value = FileEntry.Request.class, name = "REQUEST"),
        @JsonSubTypes.Type(value = FileEntry.Complaint.class, name = "COMPLAINT"),
        @JsonSubTypes.Type(value = FileEntry.Injury.class, name = "INJURY"),
        @JsonSubTypes.Type(value = FileEntry.MedicalNote.class, name = "MEDICAL_NOTE"),
        @JsonSubTypes.Type(value = FileEntry.Visit.class, name = "VISIT"),
        @JsonSubTypes.Type(value = FileEntry.Court.class, name = "COURT")})
@Schema(description = "An entry of the file; type says which fields apply", discriminatorProperty = "type",
        oneOf = {FileEntry.Classification.class, FileEntry.Discipline.class, FileEntry.Request.class,
                FileEntry.Complaint.class, FileEntry.Injury.class, FileEntry.MedicalNote.class, FileEntry.Visit.class,
                FileEntry.Court.class})
sealed interface FileEntry {

    /** The kind; {@code null} for a type the API does not know. */
    EntryType type();

    Instant occurredAt();

    /** Rules across fields, beyond the annotations. */
    default void check(Validation v) {
    }

    /** What the file keeps of the entry (the event's {@code details}), in the published field names. */
    Map<String, Object> details(PrisonerRecord p, CurrentUser user);

    /** What only ADMIN and OVERSIGHT may read (Rule 9), if anything. */
    default Map<String, Object> confidential() {
        return null;
    }

    /** A serious injury or illness (Rules 68, 69: the family is told). */
    default boolean grave() {
        return false;
    }

    /** The entry's effect on the prisoner once it is written. */
    default void apply(Effects fx) {
    }

    /** What an entry may change; {@link PrisonerService} provides it for the entry being recorded. */
    interface Effects {
        PrisonerRecord prisoner();

        FileEvent event();

        void securityLevel(SecurityLevel level);

        void familyNotificationDeclined(boolean declined);

        void alertOversight(String kind, String details);

        void notifyFamily(String subject);
    }

    @Schema(description = "CLASSIFICATION: a new security level (CLASSIFICATION_OFFICER)")
    record Classification(@NotNull @NotInFuture Instant occurredAt, @NotNull SecurityLevel securityLevel,
                          @NotBlank String reason) implements FileEntry {
        public EntryType type() {
            return EntryType.CLASSIFICATION;
        }

        public Map<String, Object> details(PrisonerRecord p, CurrentUser user) {
            return fields("previousSecurityLevel", p.securityLevel(), "securityLevel", securityLevel.name(),
                    "reason", reason);
        }

        public void apply(Effects fx) {
            fx.securityLevel(securityLevel);
        }
    }

    enum Finding {
        GUILTY, NOT_GUILTY, DISMISSED
    }

    @Schema(description = "DISCIPLINE: an offence, the finding and the sanction; a finding of guilt may forfeit good "
            + "conduct time, which moves the release date")
    record Discipline(@NotNull @NotInFuture Instant occurredAt, @NotBlank String offence, @NotNull Finding finding,
                      @Schema(description = "Required with GUILTY") String sanction,
                      @Min(0) Integer gctForfeitedDays) implements FileEntry {
        public EntryType type() {
            return EntryType.DISCIPLINE;
        }

        public void check(Validation v) {
            if (finding == Finding.GUILTY) {
                v.notBlank(sanction, "sanction");
            }
            if (forfeits() && finding != Finding.GUILTY) {
                v.add("gctForfeitedDays", "NOT_GUILTY", "Only a finding of guilt may forfeit good conduct time");
            }
        }

        boolean forfeits() {
            return gctForfeitedDays != null && gctForfeitedDays > 0;
        }

        public Map<String, Object> details(PrisonerRecord p, CurrentUser user) {
            return fields("offence", offence, "finding", finding.name(), "sanction", sanction, "gctForfeitedDays",
                    gctForfeitedDays == null ? 0 : gctForfeitedDays);
        }
    }

    enum FamilyNotification {
        DECLINED, ALLOWED
    }

    @Schema(description = "REQUEST: a request of the prisoner; familyNotification records whether the family may be told")
    record Request(@NotNull @NotInFuture Instant occurredAt, @NotBlank String subject, @NotBlank String text,
                   FamilyNotification familyNotification) implements FileEntry {
        public EntryType type() {
            return EntryType.REQUEST;
        }

        public Map<String, Object> details(PrisonerRecord p, CurrentUser user) {
            return fields("subject", subject, "text", text, "familyNotification",
                    familyNotification == null ? null : familyNotification.name());
        }

        public void apply(Effects fx) {
            if (familyNotification != null) {
                fx.familyNotificationDeclined(familyNotification == FamilyNotification.DECLINED);
            }
        }
    }

    @Schema(description = "COMPLAINT: an allegation of ill-treatment alerts oversight")
    record Complaint(@NotNull @NotInFuture Instant occurredAt, @NotBlank String subject, @NotBlank String text,
                     Boolean allegesIllTreatment) implements FileEntry {
        public EntryType type() {
            return EntryType.COMPLAINT;
        }

        public Map<String, Object> details(PrisonerRecord p, CurrentUser user) {
            return fields("subject", subject, "text", text, "allegesIllTreatment", Boolean.TRUE.equals(allegesIllTreatment));
        }

        public void apply(Effects fx) {
            if (Boolean.TRUE.equals(allegesIllTreatment)) {
                fx.alertOversight("ILL_TREATMENT_COMPLAINT", subject + ": " + text);
            }
        }
    }

    @Schema(description = "INJURY: circumstances and cause; a serious one notifies the family")
    record Injury(@NotNull @NotInFuture Instant occurredAt, @NotBlank String circumstances, @NotBlank String cause,
                  Boolean serious) implements FileEntry {
        public EntryType type() {
            return EntryType.INJURY;
        }

        public boolean grave() {
            return Boolean.TRUE.equals(serious);
        }

        public Map<String, Object> details(PrisonerRecord p, CurrentUser user) {
            return fields("circumstances", circumstances, "cause", cause, "serious", grave());
        }

        public void apply(Effects fx) {
            if (grave()) {
                fx.notifyFamily("SERIOUS_ILLNESS_OR_INJURY");
            }
        }
    }

    @Schema(description = "MEDICAL_NOTE: the summary is shown to prison staff, the note to ADMIN and OVERSIGHT only")
    record MedicalNote(@NotNull @NotInFuture Instant occurredAt, @NotBlank String summary, @NotBlank String note,
                       Boolean serious) implements FileEntry {
        public EntryType type() {
            return EntryType.MEDICAL_NOTE;
        }

        public boolean grave() {
            return Boolean.TRUE.equals(serious);
        }

        public Map<String, Object> details(PrisonerRecord p, CurrentUser user) {
            return fields("summary", summary, "serious", grave());
        }

        public Map<String, Object> confidential() {
            return Map.of("note", note);
        }

        public void apply(Effects fx) {
            if (grave()) {
                fx.notifyFamily("SERIOUS_ILLNESS_OR_INJURY");
            }
        }
    }

    enum VisitType {
        LEGAL, CONSULAR, FAMILY
    }

    @Schema(description = "VISIT: a consulate records consular visits to its own nationals")
    record Visit(@NotNull @NotInFuture Instant occurredAt, @NotNull VisitType visitType, @NotBlank String visitor,
                 String organisation) implements FileEntry {
        public EntryType type() {
            return EntryType.VISIT;
        }

        public Map<String, Object> details(PrisonerRecord p, CurrentUser user) {
            if (user.role() == Role.CONSULAR && visitType != null && visitType != VisitType.CONSULAR) {
                throw new ApiException(CustodyProblem.ENTRY_TYPE_NOT_ALLOWED, "A consulate records consular visits only");
            }
            return fields("visitType", visitType.name(), "visitor", visitor, "organisation",
                    user.role() == Role.CONSULAR && organisation == null ? "Consulate of " + user.nationality()
                            : organisation);
        }
    }

    @Schema(description = "COURT: court process information (hearing dates, legal representation)")
    record Court(@NotNull @NotInFuture Instant occurredAt, @NotBlank String court,
                 @Schema(description = "May lie ahead: a hearing is often recorded before it is held")
                 @NotNull LocalDate hearingDate, String legalRepresentation, String outcome) implements FileEntry {
        public EntryType type() {
            return EntryType.COURT;
        }

        public Map<String, Object> details(PrisonerRecord p, CurrentUser user) {
            return fields("court", court, "hearingDate", hearingDate, "legalRepresentation", legalRepresentation,
                    "outcome", outcome);
        }
    }

    /** A {@code type} the API does not know, or none: refused with the list of the kinds. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Unknown(Instant occurredAt) implements FileEntry {
        public EntryType type() {
            return null;
        }

        public Map<String, Object> details(PrisonerRecord p, CurrentUser user) {
            throw new IllegalStateException("An unknown entry is never recorded");
        }
    }

    private static Map<String, Object> fields(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }
}
