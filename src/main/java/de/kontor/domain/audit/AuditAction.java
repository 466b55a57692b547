package de.kontor.domain.audit;

public enum AuditAction {
    CREATE,
    UPDATE,
    DELETE,
    IMPORT,
    EXPORT,
    LOGIN,
    ERASE,
    ANONYMISE,
    RESTRICT,
    MERGE
}
