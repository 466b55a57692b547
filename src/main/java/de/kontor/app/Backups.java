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
import java.nio.file.Files;
import java.nio.file.Path;
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
    /** At most this many entries (a backup has three). */
    static final int MAX_ENTRIES = 16;
    /** The manifest and entries a restore does not use are small. */
    static final long MAX_SMALL_ENTRY = 1L << 20;
    /** Whatever the manifest says, no database entry inflates beyond this. */
    static final long HARD_CAP = 64L << 30;
    /**
     * The database file is encrypted and does not compress: without a size in the manifest
     * (backups of older versions) its entry may inflate to this many times the backup's size.
     */
    static final long MAX_RATIO = 4;
    /** Refusals of the unpacked copy that mean the backup itself is damaged. */
    private static final java.util.Set<String> DAMAGED_STAGING = java.util.Set.of("error.databaseDamaged",
            "error.databaseMissing", "error.databaseOpen", "error.databaseKey", "error.keySlotDamaged",
            "error.keySlotMissing", "error.migration");
    private static final java.time.Duration LOCK_WAIT = java.time.Duration.ofSeconds(60);
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Backups.class);
    private final ObjectMapper json = new ObjectMapper();
    private final FileOps ops;
    private final PendingRestore pending;

    /** Backups on the real file system. */
    public Backups() {
        this(new RealFileOps());
    }

    /** Backups whose file moves and deletes go through {@code ops} (tests make them fail). */
    public Backups(FileOps ops) {
        this.ops = ops;
        this.pending = new PendingRestore(ops);
    }

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
                m.put("databaseBytes", Files.size(copy));
                m.put("keySlotBytes", Files.size(w.folder().keySlots()));
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
            ops.move(partial, target);
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
     * is a Kontor backup that opens with {@code password}. Before the first file moves, a
     * marker with the erasure journal is written; the current files are kept aside until the
     * restored database has opened and the journal is replayed. On any failure they are put
     * back; if even that fails, or the process dies, the next start finishes the restore or puts
     * them back (see {@link PendingRestore}). Returns the workspace on the restored database with
     * the erasure journal replayed (see {@link RestoreResult}).
     */
    public RestoreResult restore(DataFolder folder, Path backup, String user, char[] password, Workspace.Options options,
            List<JournalEntryFacts> currentJournal, java.util.Locale locale) {
        if (!Files.isRegularFile(backup)) {
            throw new KontorException("backup.notFound", backup.toString());
        }
            OwnerOnlyFiles.ownFolder(folder.dir());
        try (FolderLock lock = FolderLock.acquire(folder.dir(), LOCK_WAIT)) {
            if (pending.recover(folder).isPresent()) {
                throw new KontorException("restore.replayPending", folder.dir().toString());
            }
            Path staging = OwnerOnlyFiles.createTempDirectory(folder.dir(), PendingRestore.STAGING_PREFIX);
            try {
                stage(backup, staging, user, password, options);
            } catch (IOException | RuntimeException e) {
                pending.deleteTree(staging);
                throw e;
            }
            Path aside = OwnerOnlyFiles.createTempDirectory(folder.dir(), PendingRestore.ASIDE_PREFIX);
            java.util.Set<String> had = new java.util.LinkedHashSet<>();
            for (String name : PendingRestore.FILES) {
                if (Files.exists(folder.dir().resolve(name))) {
                    had.add(name);
                }
            }
            PendingRestore.State state = new PendingRestore.State(staging.getFileName().toString(),
                    aside.getFileName().toString(), had, locale, currentJournal);
            try {
                pending.write(folder, state);
            } catch (IOException e) {
                LOG.warn("restore marker not written: {}", e.getClass().getSimpleName());
                ops.delete(folder.dir().resolve(PendingRestore.MARKER));
                pending.deleteTree(staging);
                pending.deleteTree(aside);
                throw new KontorException(e, "restore.failed", backup.toString(), e.getMessage());
            }
            return swap(folder, state, backup, user, password, options);
        } catch (IOException e) {
            throw new KontorException(e, "restore.failed", backup.toString(), e.getMessage());
        }
    }

    /** Moves the current files aside and the backup's in, opens, replays; undoes it all on failure. */
    private RestoreResult swap(DataFolder folder, PendingRestore.State state, Path backup, String user, char[] password,
            Workspace.Options options) {
        Path dir = folder.dir();
        Workspace w = null;
        try {
            for (String name : PendingRestore.FILES) {
                if (state.had().contains(name)) {
                    ops.move(dir.resolve(name), dir.resolve(state.aside()).resolve(name));
                }
            }
            for (String name : PendingRestore.FILES) {
                ops.move(dir.resolve(state.staging()).resolve(name), dir.resolve(name));
            }
            w = Workspace.openWithoutRecovery(folder, user, password, options);
            int replayed = w.replayJournal(state.journal(), state.locale());
            LOG.info("backup restored, {} person(s) erased again from the journal", replayed);
            try {
                pending.finish(folder, state);
            } catch (IOException e) {
                // the marker or the old files stayed: the next start removes them (the replay is repeatable)
                LOG.warn("restore finished, clean-up left for the next start: {}", e.getClass().getSimpleName());
            }
            return new RestoreResult(w, replayed);
        } catch (IOException | RuntimeException e) {
            LOG.warn("restore failed at the swap, putting the previous database back: {}", e.getClass().getSimpleName());
            if (w != null) {
                w.close();
            }
            try {
                pending.rollBack(folder, state);
            } catch (IOException | RuntimeException again) {
                LOG.error("previous database not put back yet: {}", again.getClass().getSimpleName());
                throw new KontorException(e, "restore.keptAside", backup.toString(),
                        dir.resolve(state.aside()).toString());
            }
            if (e instanceof KontorException k) {
                throw k;
            }
            throw new KontorException(e, "restore.failed", backup.toString(), e.getMessage());
        }
    }

    /**
     * Finishes or undoes a restore or an init that was interrupted (kill, power cut), and
     * removes the leftovers of interrupted work. Commands that look at the folder before
     * opening it call this first; {@link Workspace#open} and {@link Workspace#create} do too.
     */
    public void recover(DataFolder folder) {
        Workspace.recover(folder, this);
    }

    /** The {@link PendingRestore} of this instance (same file operations). */
    PendingRestore pending() {
        return pending;
    }

    /** Unpacks the backup into {@code staging} and checks that it opens with the password. */
    private void stage(Path backup, Path staging, String user, char[] password, Workspace.Options options)
            throws IOException {
        unpack(backup, staging);
        DataFolder staged = new DataFolder(staging);
        // Unlock and open the staged copy: wrong password, foreign key or damage fail here.
        KeySlotStore slots = new KeySlotStore(staged.keySlots(), new Argon2Kdf(), options.random(), options.kdf());
        try (DatabaseKey key = slots.unlock(user, password)) {
            Database.open(staged, key, options.encrypted()).close();
        } catch (WrongPasswordException e) {
            throw new KontorException("backup.otherPassword", backup.toString());
        } catch (KontorException e) {
            if (!DAMAGED_STAGING.contains(e.messageKey())) {
                throw e;
            }
            LOG.warn("backup does not open: {}", e.messageKey());
            throw new KontorException(e, "backup.damaged", backup.toString());
        }
    }

    /** The restored workspace and how many people were erased again from the journal. */
    public record RestoreResult(Workspace workspace, int reErased) {}

    /** A journal entry of the database being replaced: person id and when, nothing else. */
    public record JournalEntryFacts(long personId, String kind, Instant erasedAt, Long requestId) {}

    /**
     * Unpacks the manifest, database and key slots, counting the bytes as they inflate: the
     * sizes in the zip's headers are not trusted. Limits: {@value #MAX_ENTRIES} entries, small
     * entries up to {@value #MAX_SMALL_ENTRY} bytes, the database exactly the size the manifest
     * gives (older backups: {@value #MAX_RATIO} times the backup's size), never beyond
     * {@link #HARD_CAP}.
     */
    private void unpack(Path backup, Path into) throws IOException {
        boolean manifest = false;
        boolean db = false;
        boolean slots = false;
        long backupSize = Files.size(backup);
        long dbLimit = Math.min(HARD_CAP, Math.max(backupSize, 1L << 20) * MAX_RATIO);
        long dbDeclared = -1;
        long slotsDeclared = -1;
        int entries = 0;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(backup))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                if (++entries > MAX_ENTRIES) {
                    throw tooLarge(backup, "entries", entries);
                }
                switch (e.getName()) {
                    case MANIFEST -> {
                        if (manifest) {
                            throw new KontorException("backup.damaged", backup.toString());
                        }
                        JsonNode m = json.readTree(limited(in, e, MAX_SMALL_ENTRY, backup));
                        if (m == null || m.path("format").asInt() != FORMAT) {
                            throw new KontorException("backup.foreign", backup.toString());
                        }
                        if (m.has("databaseBytes")) {
                            dbDeclared = m.path("databaseBytes").asLong(-1);
                            if (dbDeclared < 0 || dbDeclared > HARD_CAP) {
                                throw tooLarge(backup, DB_ENTRY, dbDeclared);
                            }
                            dbLimit = dbDeclared;
                        }
                        if (m.has("keySlotBytes")) {
                            slotsDeclared = m.path("keySlotBytes").asLong(-1);
                            if (slotsDeclared < 0 || slotsDeclared > MAX_SMALL_ENTRY) {
                                throw tooLarge(backup, SLOTS_ENTRY, slotsDeclared);
                            }
                        }
                        manifest = true;
                    }
                    case DB_ENTRY -> {
                        if (db || !manifest) {
                            throw new KontorException("backup.damaged", backup.toString());
                        }
                        checkHeader(e, dbLimit, backup);
                        ensureSpace(into, e.getSize() >= 0 ? e.getSize() : dbDeclared >= 0 ? dbDeclared : backupSize);
                        long n;
                        try (OutputStream out = OwnerOnlyFiles.newOutputStream(into.resolve(DB_ENTRY))) {
                            n = copyLimited(in, out, dbLimit, backup, DB_ENTRY);
                        }
                        if (dbDeclared >= 0 && n != dbDeclared) {
                            throw new KontorException("backup.damaged", backup.toString());
                        }
                        db = true;
                    }
                    case SLOTS_ENTRY -> {
                        if (slots) {
                            throw new KontorException("backup.damaged", backup.toString());
                        }
                        byte[] bytes = limited(in, e, MAX_SMALL_ENTRY, backup);
                        if (slotsDeclared >= 0 && bytes.length != slotsDeclared) {
                            throw new KontorException("backup.damaged", backup.toString());
                        }
                        OwnerOnlyFiles.write(into.resolve(SLOTS_ENTRY), bytes);
                        slots = true;
                    }
                    default -> {
                        // unknown entries are skipped, but inflated under the same count
                        copyLimited(in, OutputStream.nullOutputStream(), MAX_SMALL_ENTRY, backup, "?");
                    }
                }
            }
        } catch (java.util.zip.ZipException | java.io.EOFException
                | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new KontorException(e, "backup.damaged", backup.toString());
        }
        if (!manifest) {
            throw new KontorException("backup.foreign", backup.toString());
        }
        if (!db || !slots) {
            throw new KontorException("backup.damaged", backup.toString());
        }
    }

    private static KontorException tooLarge(Path backup, String what, long size) {
        LOG.warn("backup refused: entry beyond the limits ({} at {})", what, size);
        return new KontorException("backup.tooLarge", backup.toString());
    }

    private static void checkHeader(ZipEntry e, long limit, Path backup) {
        if (e.getSize() > limit) {
            throw tooLarge(backup, e.getName(), e.getSize());
        }
    }

    private static byte[] limited(ZipInputStream in, ZipEntry e, long limit, Path backup) throws IOException {
        checkHeader(e, limit, backup);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        copyLimited(in, out, limit, backup, e.getName());
        return out.toByteArray();
    }

    /** Copies at most {@code limit} inflated bytes; one more refuses the backup. */
    private static long copyLimited(java.io.InputStream in, OutputStream out, long limit, Path backup, String what)
            throws IOException {
        byte[] buffer = new byte[1 << 16];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            total += n;
            if (total > limit) {
                throw tooLarge(backup, what, total);
            }
            out.write(buffer, 0, n);
        }
        return total;
    }

    /** Refuses before writing when the disk cannot hold the unpacked database. */
    private static void ensureSpace(Path dir, long needed) throws IOException {
        long free = Files.getFileStore(dir).getUsableSpace();
        if (free < needed + (16L << 20)) {
            LOG.warn("restore refused: {} MB free, {} MB needed", free >> 20, needed >> 20);
            throw new KontorException("restore.diskFull", dir.getParent().toString(), (needed >> 20) + 17);
        }
    }

    /** Removes a temporary folder; what cannot go now is removed at the next start or backup. */
    private void deleteTree(Path dir) {
        try {
            pending.deleteTree(dir);
        } catch (IOException e) {
            LOG.warn("temporary folder not removed: {}", e.getClass().getSimpleName());
        }
    }
}
