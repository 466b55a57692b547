package de.kontor.service;

import de.kontor.domain.Principal;
import de.kontor.domain.audit.AuditEntry;
import de.kontor.domain.audit.AuditVerification;
import de.kontor.store.AuditStore;
import de.kontor.store.Database;
import java.util.List;

/** Reading and verifying the audit trail; nobody can change it. */
public final class AuditService {
    private final Database db;
    private final AuditStore audit;

    public AuditService(Database db, AuditStore audit) {
        this.db = db;
        this.audit = audit;
    }

    public AuditVerification verify(Principal by) {
        return db.read(audit::verify);
    }

    /** Newest first; {@code personId} null for the whole trail. */
    public List<AuditEntry> log(Principal by, Long personId, int limit) {
        return db.read(tx -> audit.log(tx, personId, limit));
    }
}
