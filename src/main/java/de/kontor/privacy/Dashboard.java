package de.kontor.privacy;

import de.kontor.domain.SourceKind;
import de.kontor.domain.privacy.ConsentStatus;
import de.kontor.domain.privacy.LawfulBasis;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What needs attention on a day: consents and bases ending soon, pending double opt-ins,
 * Art. 14 information due, and the consent status per purpose (latest record per person).
 */
public record Dashboard(
        LocalDate day,
        List<ConsentEnding> consentsEnding,
        List<BasisEnding> basesEnding,
        List<PendingOptIn> pendingOptIns,
        List<InformationDue> informationDue,
        Map<String, Map<ConsentStatus, Integer>> statusByPurpose) {

    public record ConsentEnding(long personId, String personName, String purposeKey, LocalDate expiresOn) {}

    public record BasisEnding(long personId, String personName, String purposeKey, LawfulBasis basis,
            LocalDate validUntil) {}

    /** An unconfirmed double opt-in; stale once older than the configured number of days. */
    public record PendingOptIn(long personId, String personName, String purposeKey, Instant requestedAt, long ageDays,
            boolean stale) {}

    public record InformationDue(long personId, String personName, SourceKind source, Instant capturedAt,
            LocalDate informBy) {}
}
