package org.custodia.custody.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The request bodies of the custody API: plain records, validated in the services so that every failure is listed. */
final class Requests {

    private Requests() {
    }

    /**
     * An entry of the file. {@code type} says which fields apply:
     * CLASSIFICATION {securityLevel, reason}; DISCIPLINE {offence, finding, sanction, gctForfeitedDays};
     * REQUEST {subject, text, familyNotification?: DECLINED|ALLOWED}; COMPLAINT {subject, text, allegesIllTreatment};
     * INJURY {circumstances, cause, serious}; MEDICAL_NOTE {summary, note, serious};
     * VISIT {visitType: LEGAL|CONSULAR|FAMILY, visitor, organisation}; COURT {court, hearingDate, legalRepresentation, outcome}.
     */
    record FileEntry(String type, Instant occurredAt, String securityLevel, String reason, String offence, String finding,
                     String sanction, Integer gctForfeitedDays, String subject, String text, Boolean allegesIllTreatment,
                     String familyNotification, String circumstances, String cause, Boolean serious, String summary,
                     String note, String visitType, String visitor, String organisation, String court,
                     LocalDate hearingDate, String legalRepresentation, String outcome) {
    }

    /** @param direction OUT or IN; @param reason HOSPITAL, COURT or OTHER */
    record Movement(String direction, String reason, String destination, Instant occurredAt) {
    }

    /** @param type RETURN_TO_SENDING_STATE, TRANSFER_TO_THIRD_STATE, SENTENCE_COMPLETED or DEATH */
    record Release(String type, Instant effectiveAt, String receivedBy, String destinationState, String reason,
                   String circumstances, String cause, String remainsDisposition) {
    }

    record Count(List<ModuleCount> modules, Instant countedAt) {
    }

    record ModuleCount(String code, Integer counted) {
    }

    record Resolution(String reason) {
    }
}
