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
}
