package de.kontor.domain.privacy;

import java.time.Instant;
import java.time.LocalDate;

/** A consent record of the ledger (Art. 7), with the timestamp of each transition. */
public record Consent(
        long id,
        long personId,
        String purposeKey,
        ConsentStatus status,
        ConsentMethod method,
        String textVersion,
        String textSha256,
        Instant requestedAt,
        Instant givenAt,
        Instant withdrawnAt,
        Instant expiredAt,
        LocalDate expiresOn,
        String withdrawalChannel,
        Long evidenceId,
        String recordedBy,
        int version) {

    /** Given and not past its expiry date on {@code day}. */
    public boolean validOn(LocalDate day) {
        return status == ConsentStatus.GIVEN && (expiresOn == null || !expiresOn.isBefore(day));
    }
}
