package de.kontor.app;

import static org.assertj.core.api.Assertions.assertThat;

import de.kontor.domain.EmailAddress;
import de.kontor.domain.PersonData;
import de.kontor.domain.ProvenanceInput;
import de.kontor.domain.SourceKind;
import de.kontor.testing.TestWorkspaces;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * H2's online backup reads the store through the cipher, i.e. decrypted; the backup must
 * still hold only the encrypted file, leave no plaintext behind and restore.
 */
class BackupEncryptionTest {
    private static final String MARKER = "Qyzjvbackup";

    @TempDir
    Path dir;

    @Test
    void theBackupHoldsTheEncryptedFileOnlyAndRestores() throws IOException {
        Path data = dir.resolve("data");
        Path out = dir.resolve("out");
        Path backup = out.resolve("montag.kbak");
        long id;
        try (Workspace w = TestWorkspaces.create(data)) {
            PersonData p = PersonData.named("Anna", MARKER).withEmails(List.of(EmailAddress.work(MARKER.toLowerCase(Locale.ROOT) + "@beispiel.de")));
            id = w.contacts().create(w.principal(), p, ProvenanceInput.of(SourceKind.MANUAL, "Telefon")).id();
            new Backups().backup(w, backup, Instant.parse("2026-03-02T08:00:00Z"));
        }
        Map<String, byte[]> entries = unzip(backup);
        assertThat(entries).containsOnlyKeys("kontor-backup.json", "kontor.mv.db", "keyslots.json");
        String db = new String(entries.get("kontor.mv.db"), StandardCharsets.ISO_8859_1);
        assertThat(db).startsWith("H2encrypt\n").doesNotContain(MARKER).doesNotContain(MARKER.toLowerCase(Locale.ROOT));
        try (Stream<Path> left = Files.list(out)) {
            assertThat(left).containsExactly(backup);
        }

        Backups.RestoreResult restored = new Backups().restore(new de.kontor.store.DataFolder(data), backup, null,
                TestWorkspaces.PASSWORD.toCharArray(), TestWorkspaces.options(), List.of(), Locale.ENGLISH);
        try (Workspace w = restored.workspace()) {
            assertThat(w.contacts().get(w.principal(), id).data().familyName()).isEqualTo(MARKER);
        }
    }

    private static Map<String, byte[]> unzip(Path zip) throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }
}
