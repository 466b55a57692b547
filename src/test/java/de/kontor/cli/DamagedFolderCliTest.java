package de.kontor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A missing or damaged data folder gets a clear message, never a stack trace. */
class DamagedFolderCliTest {
    @TempDir
    Path dir;
    CliRunner cli;

    @BeforeEach
    void init() {
        cli = new CliRunner(dir);
        assertThat(cli.run("init", "--owner", "Anna Schmidt").exit()).isZero();
        assertThat(cli.run("contacts", "add", "--family", "Muster").exit()).isZero();
    }

    private void assertClean(CliRunner.Result r, String expected) {
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains(expected).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(r.err().lines().count()).isLessThanOrEqualTo(2);
    }

    @Test
    void damagedKeySlotFile() throws Exception {
        Files.writeString(dir.resolve("keyslots.json"), "{ not json");
        assertClean(cli.run("contacts", "list"), "key-slot file");
    }

    @Test
    void missingKeySlotFile() throws Exception {
        Files.delete(dir.resolve("keyslots.json"));
        assertClean(cli.run("contacts", "list"), "key-slot file is missing");
    }

    @Test
    void missingDatabaseFile() throws Exception {
        Files.delete(dir.resolve("kontor.mv.db"));
        assertClean(cli.run("contacts", "list"), "is missing");
    }

    @Test
    void damagedDatabaseFile() throws Exception {
        Path db = dir.resolve("kontor.mv.db");
        try (RandomAccessFile f = new RandomAccessFile(db.toFile(), "rw")) {
            byte[] junk = new byte[(int) Math.min(f.length(), 64 * 1024)];
            java.util.Arrays.fill(junk, (byte) 0x5A);
            f.seek(0);
            f.write(junk);
        }
        CliRunner.Result r = cli.run("contacts", "list");
        assertClean(r, "is damaged and cannot be opened");
    }

    private void cut(Path file, long length) throws Exception {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(length);
        }
    }

    /** The damaged file is left as it was: never replaced by a new database, never written to. */
    private void assertRefusedAndUntouched(Path file, String expected) throws Exception {
        byte[] damaged = Files.readAllBytes(file);
        for (int i = 0; i < 2; i++) {
            assertClean(cli.run("contacts", "list"), expected);
            assertThat(Files.readAllBytes(file)).as("the damaged file stays as it was").isEqualTo(damaged);
        }
        assertThat(cli.run("init", "--owner", "Neu").exit()).as("init never replaces a damaged database").isEqualTo(1);
        assertThat(Files.readAllBytes(file)).isEqualTo(damaged);
    }

    @Test
    void databaseFileCutToHalfItsLength() throws Exception {
        Path db = dir.resolve("kontor.mv.db");
        cut(db, Files.size(db) / 2);
        assertRefusedAndUntouched(db, "kontor.mv.db");
    }

    @Test
    void databaseFileCutToOneSector() throws Exception {
        Path db = dir.resolve("kontor.mv.db");
        cut(db, 4096);
        assertRefusedAndUntouched(db, "kontor.mv.db");
    }

    @Test
    void zeroLengthDatabaseFile() throws Exception {
        Path db = dir.resolve("kontor.mv.db");
        cut(db, 0);
        assertRefusedAndUntouched(db, "kontor.mv.db");
    }

    @Test
    void zeroLengthKeySlotFile() throws Exception {
        Path slots = dir.resolve("keyslots.json");
        cut(slots, 0);
        assertRefusedAndUntouched(slots, "key-slot file");
    }

    @Test
    void bitFlipsGiveAClearMessageOrTheData() throws Exception {
        Path db = dir.resolve("kontor.mv.db");
        byte[] original = Files.readAllBytes(db);
        java.util.Random random = new java.util.Random(12);
        for (int run = 0; run < 6; run++) {
            byte[] flipped = original.clone();
            for (int i = 0; i < 8; i++) {
                int at = 4096 + random.nextInt(flipped.length - 4096);
                flipped[at] ^= (byte) (1 << random.nextInt(8));
            }
            Files.write(db, flipped);
            for (String[] command : new String[][] {{"contacts", "list"}, {"audit", "verify"}}) {
                CliRunner.Result r = cli.run(command);
                assertThat(r.err() + r.out()).doesNotContain("Exception").doesNotContain("\tat ")
                        .doesNotContainIgnoringCase("select ").doesNotContainIgnoringCase("insert into");
                if (r.exit() != 0) {
                    assertThat(r.err().lines().count()).isLessThanOrEqualTo(2);
                }
            }
            Files.write(db, original);
        }
        assertThat(cli.run("contacts", "list").out()).contains("Muster");
    }

    @Test
    void aStaleLockFileOfAKilledProcess() throws Exception {
        Files.writeString(dir.resolve("kontor.lock.db"), "#FileLock\nid=1\nmethod=file\nserver=127.0.0.1:1\n");
        CliRunner.Result r = cli.run("contacts", "list");
        if (r.exit() == 0) {
            assertThat(r.out()).contains("Muster");
        } else {
            assertClean(r, "kontor");
        }
    }

    @Test
    void leftoversOfAnInterruptedRestoreAreRemovedAtTheNextStart() throws Exception {
        Files.createDirectories(dir.resolve(".restore123"));
        Files.write(dir.resolve(".restore123").resolve("kontor.mv.db"), new byte[4096]);
        Files.createDirectories(dir.resolve(".before-restore456"));
        Files.write(dir.resolve(".before-restore456").resolve("kontor.mv.db"), new byte[4096]);
        Files.createDirectories(dir.resolve(".init789"));
        assertThat(cli.run("contacts", "list").out()).contains("Muster");
        try (var s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".restore")
                    || n.startsWith(".before-restore") || n.startsWith(".init"));
        }
    }

    @Test
    void anEmptyFolderWhoseDatabaseWasMovedAsideByAnOldRestoreGetsItBack() throws Exception {
        Path aside = Files.createDirectories(dir.resolve(".before-restore1"));
        Files.move(dir.resolve("kontor.mv.db"), aside.resolve("kontor.mv.db"));
        Files.move(dir.resolve("keyslots.json"), aside.resolve("keyslots.json"));
        assertThat(cli.run("init", "--owner", "Neu").exit()).isEqualTo(1);
        assertThat(cli.run("contacts", "list").out()).contains("Muster");
    }

    @Test
    void anInitKilledBetweenItsTwoMovesIsFinishedAtTheNextStart() throws Exception {
        Path building = Files.createDirectories(dir.resolve(".init42"));
        Files.move(dir.resolve("keyslots.json"), building.resolve("keyslots.json"));
        assertThat(cli.run("contacts", "list").out()).contains("Muster");
        assertThat(building).doesNotExist();
    }
}
