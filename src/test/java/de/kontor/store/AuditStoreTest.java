package de.kontor.store;

import static de.kontor.store.jooq.Tables.AUDIT_ENTRY;
import static org.assertj.core.api.Assertions.assertThat;

import de.kontor.domain.Principal;
import de.kontor.domain.Role;
import de.kontor.domain.audit.AuditAction;
import de.kontor.domain.audit.AuditChange;
import de.kontor.domain.audit.AuditVerification;
import de.kontor.security.DatabaseKey;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditStoreTest {
    @TempDir
    Path dir;
    Database db;
    Principal anna;
    final AuditStore audit = new AuditStore(new SecureRandom());

    @BeforeEach
    void open() {
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        try (DatabaseKey key = new DatabaseKey(raw)) {
            db = Database.create(new DataFolder(dir), key);
        }
        anna = db.inTransaction(tx -> new UserStore().create(tx, "anna", "Anna", Role.OWNER, Instant.now()));
        for (int i = 0; i < 3; i++) {
            long id = i;
            db.inTransaction(tx -> {
                audit.append(tx, anna, Instant.now(), List.of(
                        new AuditChange(AuditAction.CREATE, "person", id, id, "familyName", null, "Müller " + id),
                        new AuditChange(AuditAction.CREATE, "person", id, id, "email", null, "m" + id + "@example.de")));
                return null;
            });
        }
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void intactChainVerifies() {
        AuditVerification v = db.read(audit::verify);
        assertThat(v.ok()).isTrue();
        assertThat(v.entriesChecked()).isEqualTo(6);
    }

    @Test
    void alteredValueIsDetected() {
        db.inTransaction(tx -> tx.dsl().update(AUDIT_ENTRY).set(AUDIT_ENTRY.NEW_VALUE, "Meier 1")
                .where(AUDIT_ENTRY.SEQ.eq(3L)).execute());
        AuditVerification v = db.read(audit::verify);
        assertThat(v.ok()).isFalse();
        assertThat(v.brokenSeq()).isEqualTo(3);
        assertThat(v.reasonKey()).isEqualTo("audit.verify.values");
    }

    @Test
    void alteredActorIsDetected() {
        db.inTransaction(tx -> tx.dsl().update(AUDIT_ENTRY).set(AUDIT_ENTRY.ACTOR_NAME, "mallory")
                .where(AUDIT_ENTRY.SEQ.eq(2L)).execute());
        AuditVerification v = db.read(audit::verify);
        assertThat(v.brokenSeq()).isEqualTo(2);
        assertThat(v.reasonKey()).isEqualTo("audit.verify.hash");
    }

    @Test
    void deletedEntriesAreDetected() {
        db.inTransaction(tx -> tx.dsl().deleteFrom(AUDIT_ENTRY).where(AUDIT_ENTRY.SEQ.eq(4L)).execute());
        assertThat(db.read(audit::verify).reasonKey()).isEqualTo("audit.verify.gap");
        db.inTransaction(tx -> tx.dsl().deleteFrom(AUDIT_ENTRY).where(AUDIT_ENTRY.SEQ.ge(4L)).execute());
        assertThat(db.read(audit::verify).reasonKey()).isEqualTo("audit.verify.truncated");
    }

    @Test
    void erasedValuesStillVerify() {
        // What a later erasure does: drop the values and the salt, keep digest and hashes.
        db.inTransaction(tx -> tx.dsl().update(AUDIT_ENTRY).setNull(AUDIT_ENTRY.NEW_VALUE).setNull(AUDIT_ENTRY.VALUE_SALT)
                .where(AUDIT_ENTRY.PERSON_ID.eq(1L)).execute());
        assertThat(db.read(audit::verify).ok()).isTrue();
        List<de.kontor.domain.audit.AuditEntry> erased = db.read(tx -> audit.log(tx, 1L, 10));
        assertThat(erased).hasSize(2).allMatch(e -> e.newValue() == null);
    }
}
