package de.kontor.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.kontor.domain.KontorException;
import de.kontor.security.Argon2Kdf;
import de.kontor.security.DatabaseKey;
import de.kontor.security.KdfParams;
import de.kontor.security.KeySlotStore;
import de.kontor.security.OwnerOnlyFiles;
import de.kontor.security.WrongPasswordException;
import de.kontor.store.DataFolder;
import de.kontor.store.Database;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Encrypted backups: one zip with the encrypted database file (a consistent online copy, see
 * {@link Database#backupTo}), the key-slot file and a manifest. Restoring checks the whole
 * file in a temporary folder first, so a damaged, foreign or differently-keyed backup leaves
 * the current database untouched; afterwards the erasure journal is replayed.
 */
public final class Backups {
    public static final String EXTENSION = ".kbak";
    private static final String MANIFEST = "kontor-backup.json";
    private static final String DB_ENTRY = "kontor.mv.db";
    private static final String SLOTS_ENTRY = "keyslots.json";
    private static final int FORMAT = 1;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private final ObjectMapper json = new ObjectMapper();

    /** Writes a backup of the open workspace to {@code target}. */
    public Path backup(Workspace w, Path target, Instant now) {
        Path tmpDir = null;
        try {
            Path parent = target.toAbsolutePath().getParent();
            OwnerOnlyFiles.createDirectories(parent);
            tmpDir = OwnerOnlyFiles.createTempDirectory(parent, ".kontor-backup");
            Path copy = tmpDir.resolve(DB_ENTRY);
            w.database().backupTo(copy);
            Path partial = tmpDir.resolve("kontor.kbak.part");
            try (ZipOutputStream out = new ZipOutputStream(OwnerOnlyFiles.newOutputStream(partial))) {
                ObjectNode m = json.createObjectNode();
                m.put("format", FORMAT);
                m.put("createdAt", now.toString());
                // the slot id, not the name: the manifest is not encrypted
                m.put("createdBySlot", slotId(w));
                m.put("note", "Kontor backup: encrypted database and key slots; restore with kontor restore.");
                out.putNextEntry(new ZipEntry(MANIFEST));
                out.write(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(m));
                out.closeEntry();
                out.putNextEntry(new ZipEntry(DB_ENTRY));
                Files.copy(copy, out);
                out.closeEntry();
                out.putNextEntry(new ZipEntry(SLOTS_ENTRY));
                Files.copy(w.folder().keySlots(), out);
                out.closeEntry();
            }
            move(partial, target);
            return target;
        } catch (IOException e) {
            throw new KontorException(e, "backup.failed", target.toString(), e.getMessage());
        } finally {
            deleteTree(tmpDir);
        }
    }

    private static String slotId(Workspace w) {
        String id = new KeySlotStore(w.folder().keySlots(), new Argon2Kdf(), new java.security.SecureRandom(),
                KdfParams.DEFAULT).slotId(w.principal().username());
        return id == null ? "" : id;
    }

    /** A dated backup in the data folder's {@code backups} folder, keeping {@code generations}. */
    public Path backupRotating(Workspace w, int generations, Instant now, ZoneId zone) {
        Path dir = OwnerOnlyFiles.ownFolder(backupDir(w.folder()));
        Path target = dir.resolve("kontor-" + STAMP.format(now.atZone(zone)) + EXTENSION);
        backup(w, target, now);
        List<Path> all = list(w.folder());
        for (int i = generations; i < all.size(); i++) {
            try {
                Files.deleteIfExists(all.get(i));
            } catch (IOException e) {
                // an old generation that cannot be removed now is removed next time
                org.slf4j.LoggerFactory.getLogger(Backups.class)
                        .warn("An old backup generation could not be removed: {}", Logs.describe(e));
            }
        }
        return target;
    }

    /** Backups in the data folder, newest first. */
    public List<Path> list(DataFolder folder) {
        Path dir = backupDir(folder);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(EXTENSION))
                    .sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed()).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    public static Path backupDir(DataFolder folder) {
        return folder.dir().resolve("backups");
    }

    /**
     * Replaces the (closed) database in {@code folder} with the backup, after checking that it
     * is a Kontor backup that opens with {@code password}. The current files are kept until the
     * restored database has opened; on any failure they are put back. Returns the workspace on
     * the restored database with the erasure journal replayed (see {@link RestoreResult}).
     */
    public RestoreResult restore(DataFolder folder, Path backup, String user, char[] password, Workspace.Options options,
            List<JournalEntryFacts> currentJournal, java.util.Locale locale) {
        if (!Files.isRegularFile(backup)) {
            throw new KontorException("backup.notFound", backup.toString());
        }
        Path staging = null;
        Path aside = null;
        try {
            OwnerOnlyFiles.ownFolder(folder.dir());
            staging = OwnerOnlyFiles.createTempDirectory(folder.dir(), ".restore");
            unpack(backup, staging);
            DataFolder staged = new DataFolder(staging);
            // Unlock and open the staged copy: wrong password, foreign key or damage fail here.
            KeySlotStore slots = new KeySlotStore(staged.keySlots(), new Argon2Kdf(), options.random(), options.kdf());
            try (DatabaseKey key = slots.unlock(user, password)) {
                Database.open(staged, key, options.encrypted()).close();
            } catch (WrongPasswordException e) {
                throw new KontorException("backup.otherPassword", backup.toString());
            }
            aside = OwnerOnlyFiles.createTempDirectory(folder.dir(), ".before-restore");
            for (String name : new String[] {DB_ENTRY, SLOTS_ENTRY}) {
                Path current = folder.dir().resolve(name);
                if (Files.exists(current)) {
                    move(current, aside.resolve(name));
                }
            }
            try {
                move(staging.resolve(DB_ENTRY), folder.dir().resolve(DB_ENTRY));
                move(staging.resolve(SLOTS_ENTRY), folder.dir().resolve(SLOTS_ENTRY));
                Workspace w = Workspace.open(folder, user, password, options);
                int replayed = w.replayJournal(currentJournal, locale);
                deleteTree(aside);
                aside = null;
                return new RestoreResult(w, replayed);
            } catch (RuntimeException e) {
                for (String name : new String[] {DB_ENTRY, SLOTS_ENTRY}) {
                    if (Files.exists(aside.resolve(name))) {
                        move(aside.resolve(name), folder.dir().resolve(name));
                    }
                }
                throw e;
            }
        } catch (IOException e) {
            throw new KontorException(e, "backup.damaged", backup.toString());
        } finally {
            deleteTree(staging);
            deleteTree(aside);
        }
    }

    /** The restored workspace and how many people were erased again from the journal. */
    public record RestoreResult(Workspace workspace, int reErased) {}

    /** A journal entry of the database being replaced: person id and when, nothing else. */
    public record JournalEntryFacts(long personId, String kind, Instant erasedAt, Long requestId) {}

    private void unpack(Path backup, Path into) throws IOException {
        boolean manifest = false;
        boolean db = false;
        boolean slots = false;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(backup))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                switch (e.getName()) {
                    case MANIFEST -> {
                        JsonNode m = json.readTree(in.readAllBytes());
                        if (m == null || m.path("format").asInt() != FORMAT) {
                            throw new KontorException("backup.foreign", backup.toString());
                        }
                        manifest = true;
                    }
                    case DB_ENTRY -> {
                        try (OutputStream out = OwnerOnlyFiles.newOutputStream(into.resolve(DB_ENTRY))) {
                            in.transferTo(out);
                        }
                        db = true;
                    }
                    case SLOTS_ENTRY -> {
                        OwnerOnlyFiles.write(into.resolve(SLOTS_ENTRY), in.readAllBytes());
                        slots = true;
                    }
                    default -> {
                        // unknown entries are ignored
                    }
                }
            }
        } catch (java.util.zip.ZipException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new KontorException(e, "backup.damaged", backup.toString());
        }
        if (!manifest) {
            throw new KontorException("backup.foreign", backup.toString());
        }
        if (!db || !slots) {
            throw new KontorException("backup.damaged", backup.toString());
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // best effort
                    org.slf4j.LoggerFactory.getLogger(Backups.class)
                            .warn("A temporary restore file could not be removed: {}", Logs.describe(e));
                }
            });
        } catch (IOException e) {
            // best effort
            org.slf4j.LoggerFactory.getLogger(Backups.class)
                    .warn("A temporary restore folder could not be removed: {}", Logs.describe(e));
        }
    }
}
