package org.custodia.custody.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.custodia.custody.AdmissionCommand.Arrest;
import org.custodia.custody.AdmissionCommand.CommitmentOrder;
import org.custodia.custody.AdmissionCommand.Conviction;
import org.custodia.custody.AdmissionCommand.Handover;
import org.custodia.custody.AdmissionCommand.Person;

/** One row of {@code prisoner}, as the services use it. */
public record PrisonerRecord(UUID id, String number, UUID referralId, String agreementCode, String facilityCode,
                      String legalCustodian, String physicalCustodian, PrisonerStatus status, String cell, String module,
                      Person person, CommitmentOrder commitmentOrder, String responsibleAuthority, Arrest arrest,
                      List<Conviction> convictions, String sentenceRegime, int gctDaysPerYear, int gctForfeitedDays,
                      LocalDate fullTermDate, LocalDate releaseDate, String gangGroup, String gangSource,
                      String securityLevel, Instant admittedAt, Instant admissionRecordedAt, String admissionRecordedBy,
                      Handover handover, boolean familyNotificationDeclined, Instant releasedAt, String releaseType,
                      CustodyViews.ReleaseDetails release) {

    public boolean isReleased() {
        return status == PrisonerStatus.RELEASED;
    }

    public String fullName() {
        return person.givenNames() + " " + person.familyNames();
    }

    public List<String> nationalities() {
        return person.nationalities() == null ? List.of() : person.nationalities();
    }
}
