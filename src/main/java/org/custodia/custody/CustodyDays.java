package org.custodia.custody;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * Prisoner-days of an agreement, counted in SQL over the custody intervals (never day by day): the admission date
 * counts, the release date does not, an admission and a release on the same day count one day, and temporary
 * absences still count (legal custody continues). Dates are local dates in the zone given (the facility's).
 */
public interface CustodyDays {

    /**
     * For every prisoner of the agreement and every window the stay overlaps, the days of the stay inside it.
     *
     * @param windows date ranges (both days inclusive), each optionally limited to one security level
     * @return ordered by prisoner number, then first day
     */
    List<Stay> stays(String agreementCode, ZoneId zone, List<Window> windows);

    /**
     * @param key the caller's name for the window (e.g. the rate that applies in it)
     * @param securityLevel only prisoners of this level; null for every level
     */
    record Window(String key, LocalDate firstDay, LocalDate lastDay, String securityLevel) {
    }

    /**
     * @param releasedOn the local release date, or null while held
     * @param firstDay the first day counted inside the window
     * @param lastDay the last day counted inside the window
     * @param admissionEvent the file's ADMISSION entry the days are counted from
     * @param releaseEvent the file's RELEASE entry, or null
     */
    record Stay(String windowKey, UUID prisonerId, String prisonerNumber, String externalReference, String securityLevel,
                LocalDate admittedOn, LocalDate releasedOn, LocalDate firstDay, LocalDate lastDay, int days,
                UUID admissionEvent, UUID releaseEvent) {
    }
}
