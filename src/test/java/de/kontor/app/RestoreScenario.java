package de.kontor.app;

import static org.assertj.core.api.Assertions.assertThat;

import de.kontor.domain.PersonData;
import de.kontor.domain.ProvenanceInput;
import de.kontor.store.DataFolder;
import de.kontor.testing.TestWorkspaces;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A data folder with a backup taken before an erasure: Adler and Bauer are in the backup;
 * afterwards Adler is erased and Conrad added. Whatever happens to a restore, Adler must stay
 * erased and the folder must hold either the state before the restore (Bauer, Conrad) or the
 * restored one (Bauer).
 */
final class RestoreScenario {
    static final String ERASED = "Adlerqz";
    static final String KEPT = "Bauerqz";
    static final String LATER = "Conradqz";

    private RestoreScenario() {}

    /** Builds the folder in {@code data} and writes the backup to {@code backup}. */
    static void prepare(Path data, Path backup) {
        try (Workspace w = TestWorkspaces.create(data)) {
            long adler = w.contacts().create(w.principal(), PersonData.named("Ada", ERASED), ProvenanceInput.manual()).id();
            w.contacts().create(w.principal(), PersonData.named("Bert", KEPT), ProvenanceInput.manual());
            new Backups().backup(w, backup, Instant.parse("2026-03-02T08:00:00Z"));
            w.erasure().erase(w.principal(), adler, false, null, Locale.ENGLISH);
            w.contacts().create(w.principal(), PersonData.named("Cora", LATER), ProvenanceInput.manual());
        }
    }

    static List<Backups.JournalEntryFacts> journal(Path data) {
        try (Workspace w = TestWorkspaces.open(data)) {
            return w.journalFacts();
        }
    }

    static Backups.RestoreResult restore(Backups backups, Path data, Path backup, List<Backups.JournalEntryFacts> journal) {
        return backups.restore(new DataFolder(data), backup, null, TestWorkspaces.PASSWORD.toCharArray(),
                TestWorkspaces.options(), journal, Locale.ENGLISH);
    }

    static void copyFolder(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> s = Files.list(from)) {
            for (Path p : s.toList()) {
                if (Files.isRegularFile(p)) {
                    Files.copy(p, to.resolve(p.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    static boolean has(Workspace w, String familyName) {
        return w.contacts().search(w.principal(), familyName.toLowerCase(Locale.ROOT), 10).total() > 0;
    }

    /**
     * Opens the folder as the next start does and checks it: Adler erased, Bauer there, the
     * audit chain intact, no leftovers. Returns whether it holds the state before the restore.
     */
    static boolean assertConsistent(Path data) throws IOException {
        boolean before;
        try (Workspace w = TestWorkspaces.open(data)) {
            assertThat(has(w, ERASED)).as("the erased person stays erased").isFalse();
            assertThat(has(w, KEPT)).isTrue();
            before = has(w, LATER);
            assertThat(w.contacts().count(w.principal())).isEqualTo(before ? 2 : 1);
            assertThat(w.audit().verify(w.principal()).ok()).isTrue();
        }
        assertNoLeftovers(data);
        return before;
    }

    static void assertNoLeftovers(Path data) throws IOException {
        try (Stream<Path> s = Files.list(data)) {
            assertThat(s.map(p -> p.getFileName().toString()))
                    .noneMatch(n -> n.startsWith(".restore") || n.startsWith(".before-restore") || n.startsWith(".init")
                            || n.equals(PendingRestore.MARKER) || n.endsWith(".tmp"));
        }
    }
}
