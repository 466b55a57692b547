package de.kontor.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.kontor.domain.KontorException;
import de.kontor.store.DataFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The marker of a restore that swaps the database files: written (durably) before the first
 * file moves, removed when the restore is complete (the erasure journal replayed) or the old
 * files are back. At the next start {@link #recover} reads it: when every file of the backup
 * is in place the restore is finished (the caller replays the journal it holds), otherwise
 * the old files are put back. Without a marker, leftover folders of interrupted work are
 * removed. Always called under the {@link FolderLock}.
 */
final class PendingRestore {
    static final String MARKER = "restore-pending.json";
    static final List<String> FILES = List.of("kontor.mv.db", "keyslots.json");
    static final String STAGING_PREFIX = ".restore";
    static final String ASIDE_PREFIX = ".before-restore";
    static final String INIT_PREFIX = ".init";
    private static final Logger LOG = LoggerFactory.getLogger(PendingRestore.class);
    private final FileOps ops;
    private final ObjectMapper json = new ObjectMapper();

    PendingRestore(FileOps ops) {
        this.ops = ops;
    }

    /** What a swap needs to be finished or undone; folder names relative to the data folder. */
    record State(String staging, String aside, Set<String> had, Locale locale, List<Backups.JournalEntryFacts> journal) {}

    static boolean present(DataFolder folder) {
        return Files.exists(folder.dir().resolve(MARKER));
    }

    /** Whether there is anything to recover or clean up (cheap; no lock needed to ask). */
    static boolean needed(DataFolder folder) {
        if (!Files.isDirectory(folder.dir())) {
            return false;
        }
        if (present(folder)) {
            return true;
        }
        try (Stream<Path> s = Files.list(folder.dir())) {
            return s.anyMatch(p -> leftover(p.getFileName().toString()));
        } catch (IOException e) {
            LOG.warn("data folder not listed: {}", e.getClass().getSimpleName());
            return false;
        }
    }

    private static boolean leftover(String name) {
        return name.startsWith(STAGING_PREFIX) || name.startsWith(ASIDE_PREFIX) || name.startsWith(INIT_PREFIX);
    }

    void write(DataFolder folder, State s) throws IOException {
        ObjectNode m = json.createObjectNode();
        m.put("format", 1);
        m.put("staging", s.staging());
        m.put("aside", s.aside());
        ArrayNode had = m.putArray("had");
        s.had().forEach(had::add);
        m.put("locale", s.locale().toLanguageTag());
        ArrayNode journal = m.putArray("journal");
        for (Backups.JournalEntryFacts f : s.journal()) {
            ObjectNode e = journal.addObject();
            e.put("personId", f.personId());
            e.put("kind", f.kind());
            e.put("erasedAt", f.erasedAt().toString());
            if (f.requestId() != null) {
                e.put("requestId", f.requestId());
            }
        }
        ops.write(folder.dir().resolve(MARKER), json.writeValueAsBytes(m));
    }

    State read(DataFolder folder) {
        Path marker = folder.dir().resolve(MARKER);
        try {
            JsonNode m = json.readTree(Files.readAllBytes(marker));
            Set<String> had = new LinkedHashSet<>();
            m.path("had").forEach(n -> had.add(n.asText()));
            List<Backups.JournalEntryFacts> journal = new ArrayList<>();
            for (JsonNode e : m.path("journal")) {
                journal.add(new Backups.JournalEntryFacts(e.path("personId").asLong(), e.path("kind").asText(),
                        Instant.parse(e.path("erasedAt").asText()),
                        e.hasNonNull("requestId") ? e.path("requestId").asLong() : null));
            }
            String staging = m.path("staging").asText();
            String aside = m.path("aside").asText();
            if (!staging.startsWith(STAGING_PREFIX) || !aside.startsWith(ASIDE_PREFIX) || staging.contains("/")
                    || aside.contains("/") || staging.contains("\\") || aside.contains("\\")) {
                throw new IOException("unexpected folder names in the restore marker");
            }
            return new State(staging, aside, had, Locale.forLanguageTag(m.path("locale").asText("de")), journal);
        } catch (IOException | RuntimeException e) {
            LOG.error("restore marker unreadable: {}", e.getClass().getSimpleName());
            throw new KontorException(e, "restore.markerDamaged", marker.toString());
        }
    }

    /** Whether every file of the backup has reached the data folder. */
    static boolean swapped(DataFolder folder, State s) {
        Path staging = folder.dir().resolve(s.staging());
        for (String name : FILES) {
            if (Files.exists(staging.resolve(name)) || !Files.exists(folder.dir().resolve(name))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Finishes or undoes interrupted work. Returns the state of a restore whose files are all
     * in place but whose journal may not have been replayed: the caller opens the database,
     * replays and then calls {@link #finish}.
     */
    Optional<State> recover(DataFolder folder) throws IOException {
        if (present(folder)) {
            State s = read(folder);
            if (swapped(folder, s)) {
                LOG.info("interrupted restore found: files in place, {} journal entries to replay", s.journal().size());
                return Optional.of(s);
            }
            LOG.info("interrupted restore found: putting the previous database back");
            rollBack(folder, s);
            return Optional.empty();
        }
        cleanLeftovers(folder);
        return Optional.empty();
    }

    /** Puts the previous files back (only those it moved aside), removes what came from the backup, then the marker. */
    void rollBack(DataFolder folder, State s) throws IOException {
        Path dir = folder.dir();
        Path aside = dir.resolve(s.aside());
        for (String name : FILES) {
            Path kept = aside.resolve(name);
            Path live = dir.resolve(name);
            if (Files.exists(kept)) {
                ops.move(kept, live);
            } else if (!s.had().contains(name) && Files.exists(live)) {
                ops.delete(live);
            }
        }
        ops.delete(dir.resolve(MARKER));
        deleteTree(dir.resolve(s.staging()));
        deleteTree(aside);
    }

    /** The restore is complete: the marker goes first (the commit), then the old files. */
    void finish(DataFolder folder, State s) throws IOException {
        ops.delete(folder.dir().resolve(MARKER));
        deleteTree(folder.dir().resolve(s.staging()));
        deleteTree(folder.dir().resolve(s.aside()));
    }

    /**
     * Without a marker: copies of a backup ({@code .restore*}) and half-built databases of
     * {@code init} ({@code .init*}) are removed; an init that died between moving its database
     * file and its key slots in gets the last one moved. A {@code .before-restore*} folder is the
     * remainder of a finished restore, except when the data folder lacks its database and
     * the folder holds one (an interrupted restore of an older version): then it is put back.
     */
    private void cleanLeftovers(DataFolder folder) throws IOException {
        List<Path> found;
        try (Stream<Path> s = Files.list(folder.dir())) {
            found = s.filter(p -> leftover(p.getFileName().toString())).sorted().toList();
        }
        for (Path p : found) {
            String name = p.getFileName().toString();
            if (name.startsWith(INIT_PREFIX) && folder.hasDatabase()
                    && FILES.stream().allMatch(f -> Files.exists(p.resolve(f)) != Files.exists(folder.dir().resolve(f)))) {
                // init died between its two moves (it moves only a complete database): finish them
                LOG.info("interrupted init found: moving its last file in");
                for (String f : FILES) {
                    if (Files.exists(p.resolve(f))) {
                        ops.move(p.resolve(f), folder.dir().resolve(f));
                    }
                }
            }
            if (name.startsWith(ASIDE_PREFIX) && !folder.hasDatabase()
                    && FILES.stream().allMatch(f -> Files.exists(p.resolve(f)))) {
                LOG.info("previous database found beside an empty data folder: putting it back");
                for (String f : FILES) {
                    ops.move(p.resolve(f), folder.dir().resolve(f));
                }
            }
            deleteTree(p);
        }
        if (!found.isEmpty()) {
            LOG.info("{} leftover folder(s) of interrupted work removed", found.size());
        }
    }

    void deleteTree(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        List<Path> all;
        try (Stream<Path> s = Files.walk(dir)) {
            all = s.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path p : all) {
            ops.delete(p);
        }
    }
}
