package org.custodia.custody.internal;

import static org.custodia.common.ConsoleForm.choice;
import static org.custodia.common.ConsoleForm.date;
import static org.custodia.common.ConsoleForm.integer;
import static org.custodia.common.ConsoleForm.text;
import static org.custodia.common.ConsoleForm.ticked;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.custodia.common.ApiException;
import org.custodia.common.FieldProblem;

/**
 * A Rule 8 entry as the console's form sends it (one form per kind, the fields named as the API names them), turned
 * into the same {@link FileEntry} the API receives, so that the same rules hold.
 */
final class FileEntryForm {

    private FileEntryForm() {
    }

    /** The fields each kind's form shows, besides {@code occurredAt}. */
    static final Map<EntryType, List<String>> FIELDS = Map.of(
            EntryType.CLASSIFICATION, List.of("securityLevel", "reason"),
            EntryType.DISCIPLINE, List.of("offence", "finding", "sanction", "gctForfeitedDays"),
            EntryType.REQUEST, List.of("subject", "text", "familyNotification"),
            EntryType.COMPLAINT, List.of("subject", "text", "allegesIllTreatment"),
            EntryType.INJURY, List.of("circumstances", "cause", "serious"),
            EntryType.MEDICAL_NOTE, List.of("summary", "note", "serious"),
            EntryType.VISIT, List.of("visitType", "visitor", "organisation"),
            EntryType.COURT, List.of("court", "hearingDate", "legalRepresentation", "outcome"));

    static FileEntry entry(EntryType type, Map<String, String> f, Instant occurredAt) {
        if (type == null) {
            throw ApiException.validation(List.of(new FieldProblem("type", "INVALID_VALUE", "Unknown entry type")));
        }
        return switch (type) {
            case CLASSIFICATION -> new FileEntry.Classification(occurredAt,
                    choice(SecurityLevel.class, f.get("securityLevel"), "securityLevel"), text(f.get("reason")));
            case DISCIPLINE -> new FileEntry.Discipline(occurredAt, text(f.get("offence")),
                    choice(FileEntry.Finding.class, f.get("finding"), "finding"), text(f.get("sanction")),
                    integer(f.get("gctForfeitedDays"), "gctForfeitedDays"));
            case REQUEST -> new FileEntry.Request(occurredAt, text(f.get("subject")), text(f.get("text")),
                    choice(FileEntry.FamilyNotification.class, f.get("familyNotification"), "familyNotification"));
            case COMPLAINT -> new FileEntry.Complaint(occurredAt, text(f.get("subject")), text(f.get("text")),
                    ticked(f.get("allegesIllTreatment")));
            case INJURY -> new FileEntry.Injury(occurredAt, text(f.get("circumstances")), text(f.get("cause")),
                    ticked(f.get("serious")));
            case MEDICAL_NOTE -> new FileEntry.MedicalNote(occurredAt, text(f.get("summary")), text(f.get("note")),
                    ticked(f.get("serious")));
            case VISIT -> new FileEntry.Visit(occurredAt, choice(FileEntry.VisitType.class, f.get("visitType"),
                    "visitType"), text(f.get("visitor")), text(f.get("organisation")));
            case COURT -> new FileEntry.Court(occurredAt, text(f.get("court")), date(f.get("hearingDate"), "hearingDate"),
                    text(f.get("legalRepresentation")), text(f.get("outcome")));
        };
    }
}
