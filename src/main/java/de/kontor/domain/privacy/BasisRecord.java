package de.kontor.domain.privacy;

import java.time.Instant;
import java.time.LocalDate;

/** One entry of the lawful-basis history of a person and purpose; never overwritten. */
public record BasisRecord(
        long id,
        long personId,
        String purposeKey,
        LawfulBasis basis,
        LocalDate validFrom,
        LocalDate validUntil,
        String evidence,
        String balancingNote,
        Instant recordedAt,
        String recordedBy) {

    public boolean validOn(LocalDate day) {
        return !validFrom.isAfter(day) && (validUntil == null || !validUntil.isBefore(day));
    }
}
