package de.kontor.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.kontor.domain.KontorException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live database survives every failure of a restore, and a restore refuses what is not a sane backup. */
class RestoreSafetyTest {
    @TempDir
    Path dir;
    Path data;
    Path backup;
    List<Backups.JournalEntryFacts> journal;

    @BeforeEach
    void prepare() {
        data = dir.resolve("data");
        backup = dir.resolve("montag.kbak");
        RestoreScenario.prepare(data, backup);
        journal = RestoreScenario.journal(data);
    }

    /** Real file operations, except that a move matching {@code fails} throws as a locked file or a full disk would. */
    static final class FailingOps implements FileOps {
        private final FileOps real = new RealFileOps();
        private final BiPredicate<Path, Path> fails;
        int remainingFailures;

        FailingOps(BiPredicate<Path, Path> fails, int failures) {
            this.fails = fails;
            this.remainingFailures = failures;
        }

        @Override
        public void move(Path from, Path to) throws IOException {
            if (remainingFailures > 0 && fails.test(from, to)) {
                remainingFailures--;
                throw new java.nio.file.FileSystemException(from.toString(), to.toString(), "No space left on device");
            }
            real.move(from, to);
        }

        @Override
        public void delete(Path file) throws IOException {
            real.delete(file);
        }

        @Override
        public void write(Path file, byte[] bytes) throws IOException {
            real.write(file, bytes);
        }
    }

    private static BiPredicate<Path, Path> named(String name, String intoFolderPrefix) {
        return (from, to) -> from.getFileName().toString().equals(name)
                && to.getParent().getFileName().toString().startsWith(intoFolderPrefix);
    }

    private void assertUnchanged() throws IOException {
        assertThat(RestoreScenario.assertConsistent(data)).as("the database before the restore").isTrue();
    }

    @Test
    void keySlotsThatCannotBeMovedAsideLeaveTheDatabaseInPlace() throws IOException {
        FailingOps ops = new FailingOps(named("keyslots.json", ".before-restore"), 1);
        assertThatThrownBy(() -> RestoreScenario.restore(new Backups(ops), data, backup, journal))
                .isInstanceOfSatisfying(KontorException.class, e -> assertThat(e.messageKey()).isEqualTo("restore.failed"));
        assertThat(data.resolve("kontor.mv.db")).isRegularFile();
        assertUnchanged();
    }

    @Test
    void aFailedMoveOfTheBackupsFilesPutsTheCurrentOnesBack() throws IOException {
        FailingOps ops = new FailingOps((from, to) -> from.getFileName().toString().equals("keyslots.json")
                && from.getParent().getFileName().toString().startsWith(".restore"), 1);
        assertThatThrownBy(() -> RestoreScenario.restore(new Backups(ops), data, backup, journal))
                .isInstanceOfSatisfying(KontorException.class, e -> assertThat(e.messageKey()).isEqualTo("restore.failed"));
        assertUnchanged();
    }

    @Test
    void whenEvenPuttingBackFailsTheOldFilesStayAsideAndTheNextStartPutsThemBack() throws IOException {
        // moving the staged key slots in fails, and so does the first move back
        FailingOps ops = new FailingOps((from, to) -> from.getFileName().toString().equals("keyslots.json")
                && from.getParent().getFileName().toString().startsWith("."), 2);
        assertThatThrownBy(() -> RestoreScenario.restore(new Backups(ops), data, backup, journal))
                .isInstanceOfSatisfying(KontorException.class, e -> assertThat(e.messageKey()).isEqualTo("restore.keptAside"));
        try (var s = Files.list(data)) {
            Path aside = s.filter(p -> p.getFileName().toString().startsWith(".before-restore")).findFirst().orElseThrow();
            assertThat(aside.resolve("keyslots.json")).isRegularFile();
        }
        assertThat(data.resolve(PendingRestore.MARKER)).isRegularFile();
        assertUnchanged();
    }

    @Test
    void aCutOffBackupIsRefused() throws IOException {
        byte[] all = Files.readAllBytes(backup);
        Files.write(backup, java.util.Arrays.copyOf(all, all.length / 2));
        assertRefused("backup.damaged");
    }

    @Test
    void aCorruptBackupIsRefused() throws IOException {
        byte[] all = Files.readAllBytes(backup);
        for (int i = all.length / 3; i < all.length / 3 + 4096 && i < all.length; i++) {
            all[i] ^= 0x5A;
        }
        Files.write(backup, all);
        assertRefused("backup.damaged");
    }

    @Test
    void aForeignZipIsRefused() throws IOException {
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(backup))) {
            z.putNextEntry(new ZipEntry("readme.txt"));
            z.write("hallo".getBytes(StandardCharsets.UTF_8));
        }
        assertRefused("backup.foreign");
    }

    @Test
    void aZipBombIsRefusedWhileItInflates() throws IOException {
        // 256 MB of zeros in a file of a few hundred KB, with no size in the manifest (as older backups)
        writeBomb(backup, "{\"format\":1}", 256L << 20);
        assertRefused("backup.tooLarge");
        // a manifest that declares a small database
        writeBomb(backup, "{\"format\":1,\"databaseBytes\":4096}", 8L << 20);
        assertRefused("backup.tooLarge");
        try (var s = Files.list(data)) {
            assertThat(s.mapToLong(p -> p.toFile().length()).sum()).as("nothing inflated into the data folder").isLessThan(64L << 20);
        }
    }

    @Test
    void tooManyEntriesAreRefused() throws IOException {
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(backup))) {
            z.putNextEntry(new ZipEntry("kontor-backup.json"));
            z.write("{\"format\":1}".getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 100; i++) {
                z.putNextEntry(new ZipEntry("x" + i));
                z.write(1);
            }
        }
        assertRefused("backup.tooLarge");
    }

    @Test
    void aRestoreThatWorksLeavesNothingBehindAndErasesAgain() throws IOException {
        Backups.RestoreResult r = RestoreScenario.restore(new Backups(), data, backup, journal);
        r.workspace().close();
        assertThat(r.reErased()).isEqualTo(1);
        assertThat(RestoreScenario.assertConsistent(data)).as("the restored database").isFalse();
    }

    private void assertRefused(String key) throws IOException {
        assertThatThrownBy(() -> RestoreScenario.restore(new Backups(), data, backup, journal))
                .isInstanceOfSatisfying(KontorException.class, e -> assertThat(e.messageKey()).isEqualTo(key));
        assertUnchanged();
    }

    /** A manifest, then a database entry of {@code size} zero bytes (deflated to a thousandth of that). */
    static void writeBomb(Path file, String manifest, long size) throws IOException {
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(file))) {
            z.putNextEntry(new ZipEntry("kontor-backup.json"));
            z.write(manifest.getBytes(StandardCharsets.UTF_8));
            z.putNextEntry(new ZipEntry("kontor.mv.db"));
            byte[] zeros = new byte[1 << 20];
            for (long n = 0; n < size; n += zeros.length) {
                z.write(zeros);
            }
            z.putNextEntry(new ZipEntry("keyslots.json"));
            z.write("{}".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(Files.size(file)).isLessThan(size / 100);
    }
}
