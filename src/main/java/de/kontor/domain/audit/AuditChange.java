package de.kontor.domain.audit;

import java.util.Objects;

/**
 * One change to record: what a service hands to the audit trail. {@code personId} names the
 * data subject the values belong to (null when none), so an erasure can find them.
 */
public record AuditChange(
        AuditAction action,
        String entityType,
        long entityId,
        Long personId,
        String field,
        String oldValue,
        String newValue) {

    public AuditChange {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(entityType, "entityType");
    }
}
