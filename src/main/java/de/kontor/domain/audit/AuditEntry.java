package de.kontor.domain.audit;

import java.time.Instant;

/**
 * A stored audit entry. {@code oldValue}, {@code newValue} and {@code valueSalt} are null after
 * the subject's values were erased; {@code valuesDigest} and the hashes stay.
 */
public record AuditEntry(
        long seq,
        Instant at,
        long actorId,
        String actorName,
        AuditAction action,
        String entityType,
        long entityId,
        Long personId,
        String field,
        String oldValue,
        String newValue,
        String valueSalt,
        String valuesDigest,
        String prevHash,
        String entryHash) {

    public boolean valuesErased() {
        return valueSalt == null;
    }
}
