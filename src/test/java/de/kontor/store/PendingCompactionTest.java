package de.kontor.store;

import static org.assertj.core.api.Assertions.assertThat;

import de.kontor.domain.Principal;
import de.kontor.domain.Role;
import de.kontor.domain.audit.AuditAction;
import de.kontor.domain.audit.AuditChange;
import de.kontor.security.DatabaseKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An erasure whose compaction did not run (the process was killed right after the commit, or
 * the disk was full) is recorded as pending in the erasure's own transaction; the next open
 * removes the half-written copy of a killed compaction and compacts, so the erased value is gone
 * from the file's bytes. Unencrypted files, so the test can look at the bytes.
 */
class PendingCompactionTest {
    private static final String MARKER = "Vqjxzwkbyf";

    @TempDir
    Path dir;
    final byte[] raw = new byte[32];

    private Database open(boolean create) {
        try (DatabaseKey key = new DatabaseKey(raw)) {
            DataFolder folder = new DataFolder(dir);
            return create ? Database.create(folder, key, false) : Database.open(folder, key, false);
        }
    }

    private boolean markerInFile() throws Exception {
        byte[] bytes = Files.readAllBytes(new DataFolder(dir).databaseFile());
        return new String(bytes, StandardCharsets.ISO_8859_1).contains(MARKER);
    }

    @Test
    void anErasureWithoutItsCompactionIsCompactedAtTheNextOpen() throws Exception {
        new SecureRandom().nextBytes(raw);
        AuditStore audit = new AuditStore(new SecureRandom());
        try (Database db = open(true)) {
            Principal anna = db.inTransaction(tx -> new UserStore().create(tx, "anna", "Anna", Role.OWNER, Instant.now()));
            db.inTransaction(tx -> {
                audit.append(tx, anna, Instant.now(), List.of(
                        new AuditChange(AuditAction.CREATE, "person", 7L, 7L, "familyName", null, MARKER + "family")));
                return null;
            });
            assertThat(db.compactionPending()).isFalse();
        }
        assertThat(markerInFile()).as("precondition: the value is in the file").isTrue();

        try (Database db = open(false)) {
            db.inTransaction(tx -> new ErasureStore().eraseAuditValues(tx, 7L));
            assertThat(db.compactionPending()).as("marked in the erasure's transaction").isTrue();
            // killed here: the erasure is committed, its compaction never ran; a killed
            // compaction also leaves its partial copy behind
        }
        Path temp = dir.resolve(DataFolder.DB_NAME + ".tempFile");
        Files.writeString(temp, "half a copy with " + MARKER, StandardCharsets.ISO_8859_1);
        assertThat(markerInFile()).as("precondition: the erased value is still in the file").isTrue();

        try (Database db = open(false)) {
            assertThat(db.compactionPending()).isFalse();
            assertThat(db.read(audit::verify).ok()).isTrue();
        }
        assertThat(temp).doesNotExist();
        assertThat(markerInFile()).as("the erased value after the next open").isFalse();
    }

    @Test
    void aFinishedCompactionClearsTheMark() {
        new SecureRandom().nextBytes(raw);
        try (Database db = open(true)) {
            db.inTransaction(tx -> new ErasureStore().eraseAuditValues(tx, 1L));
            assertThat(db.compactionPending()).isTrue();
            db.compact();
            assertThat(db.compactionPending()).isFalse();
        }
    }
}
