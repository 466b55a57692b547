package de.kontor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Import, erase and backup on a nearly full file system (a small tmpfs this test mounts; it
 * needs root and is skipped, saying so, where mounting is not allowed). Each either succeeds or
 * fails fast with a message that says the disk is full; afterwards the database opens, the audit
 * chain verifies, the data is all-before or all-after, an erased person stays erased and no
 * temporary files are left.
 */
class FullDiskTest {
    private static final long MB = 1024 * 1024;
    private static final Duration BOUND = Duration.ofSeconds(120);
    private static Path mount;

    @TempDir
    Path outside;
    Path data;
    CliRunner cli;
    Path filler;

    @BeforeAll
    static void mountSmallDisk() throws Exception {
        mount = Files.createTempDirectory("kontor-fulldisk");
        String problem = run("mount", "-t", "tmpfs", "-o", "size=40m", "tmpfs", mount.toString());
        if (problem != null) {
            Files.deleteIfExists(mount);
            mount = null;
            Assumptions.abort("full-disk tests skipped: this machine does not allow mounting a small tmpfs (" + problem + ")");
        }
    }

    @AfterAll
    static void unmount() throws Exception {
        if (mount != null) {
            // the command line logs into the data folder on the tmpfs: close that file first
            de.kontor.app.Logs.closeFile();
            String problem = run("umount", mount.toString());
            assertThat(problem).as("umount " + mount).isNull();
            Files.deleteIfExists(mount);
        }
    }

    /** Runs a command; null when it worked, else what it said. */
    private static String run(String... command) throws Exception {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "timed out";
            }
            return p.exitValue() == 0 ? null : said;
        } catch (IOException e) {
            return e.getMessage();
        }
    }

    @BeforeEach
    void fill() throws Exception {
        data = mount.resolve("data");
        cli = new CliRunner(data);
        cli.ok("init", "--owner", "Inhaberin");
        cli.ok("demo", "--contacts", "800", "--duplicate-rate", "0");
    }

    @AfterEach
    void clean() throws Exception {
        try (Stream<Path> s = Files.walk(mount)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                if (!p.equals(mount)) {
                    Files.delete(p);
                }
            }
        }
    }

    /** Leaves about {@code free} bytes free on the small disk. */
    private void leaveFree(long free) throws IOException {
        filler = mount.resolve("filler.bin");
        long fill = Files.getFileStore(mount).getUsableSpace() - free;
        byte[] block = new byte[(int) MB];
        try (var out = Files.newOutputStream(filler)) {
            for (long done = 0; done < fill; done += block.length) {
                out.write(block, 0, (int) Math.min(block.length, fill - done));
            }
        }
    }

    private int people() {
        return (int) cli.ok("contacts", "list", "--format", "csv").out().lines().count() - 1;
    }

    private void assertIntactAndClean() throws IOException {
        Files.deleteIfExists(filler); // the next open may need room, as for the user who freed some
        assertThat(cli.ok("audit", "verify").out()).contains("intact");
        List<String> left = new ArrayList<>();
        try (Stream<Path> s = Files.walk(mount)) {
            s.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".tempFile") || n.endsWith(".zip") || n.endsWith(".part")
                            || n.startsWith(".kontor-backup") || n.endsWith(".tmp"))
                    .forEach(left::add);
        }
        assertThat(left).as("temporary files").isEmpty();
    }

    private static void okOrDiskFull(CliRunner.Result r, String what) {
        if (r.exit() != 0) {
            assertThat(r.err()).as(what).containsIgnoringCase("disk").contains("MB")
                    .doesNotContain("Exception").doesNotContain("\tat ");
        }
    }

    @Test
    void importOnAFullDiskFailsFastAndWritesNothing() throws Exception {
        Path cards = outside.resolve("karten.vcf");
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 4000; i++) {
            b.append("BEGIN:VCARD\r\nVERSION:3.0\r\nN:Vollplatte").append(i).append(";Zoe;;;\r\nFN:Zoe Vollplatte")
                    .append(i).append("\r\nEMAIL:zoe").append(i).append("@voll.example\r\nNOTE:")
                    .append("x".repeat(400)).append("\r\nEND:VCARD\r\n");
        }
        Files.writeString(cards, b);
        int before = people();
        leaveFree(3 * MB);
        CliRunner.Result r = assertTimeoutPreemptively(BOUND, () -> cli.run("import", "vcard", cards.toString()));
        okOrDiskFull(r, "import vcard on a full disk");
        assertIntactAndClean();
        assertThat(people()).isIn(before, before + 4000);
    }

    @Test
    void erasureOnAFullDiskStaysErasedAndIsCompactedLater() throws Exception {
        String id = cli.ok("contacts", "add", "--given", "Erna", "--family", "Vollplatte", "--email",
                "erna@voll.example").out().strip();
        leaveFree(MB / 2);
        CliRunner.Result r = assertTimeoutPreemptively(BOUND, () -> cli.run("erase", "--person", id));
        okOrDiskFull(r, "erase on a full disk");
        assertIntactAndClean();
        if (r.exit() == 0 || r.err().contains("erasure is saved")) {
            assertThat(cli.ok("contacts", "list", "--format", "csv").out()).doesNotContain("Vollplatte");
        }
        CliRunner.Result after = cli.ok("contacts", "list", "--format", "csv");
        assertThat(after.err()).as("nothing pending once there is room").doesNotContain("did not finish");
    }

    @Test
    void anErasureWithoutRoomForItsCompactionStaysPendingUntilThereIsRoom() throws Exception {
        String id = cli.ok("contacts", "add", "--given", "Erna", "--family", "Vollplatte", "--email",
                "erna@voll.example").out().strip();
        long file = Files.size(data.resolve("kontor.mv.db"));
        leaveFree(8 * MB + file / 2); // room for the erasure's transaction, not for the copy of the file
        CliRunner.Result r = assertTimeoutPreemptively(BOUND, () -> cli.run("erase", "--person", id));
        CliRunner.refused(r, "The erasure is saved");
        assertThat(r.err()).contains("disk").contains("MB");
        CliRunner.Result still = cli.ok("contacts", "list", "--format", "csv");
        assertThat(still.out()).doesNotContain("Vollplatte");
        assertThat(still.err()).as("the note while it is pending").contains("did not finish yet");
        assertIntactAndClean(); // frees the room: the next open compacts
        CliRunner.Result after = cli.ok("contacts", "list", "--format", "csv");
        assertThat(after.err()).doesNotContain("did not finish yet");
        assertThat(cli.ok("contacts", "list", "--format", "csv").err()).doesNotContain("did not finish yet");
    }

    @Test
    void backupOnAFullDiskFailsFastAndLeavesNoPartialFile() throws Exception {
        leaveFree(MB);
        Path backup = mount.resolve("sicherung.kbak");
        CliRunner.Result r = assertTimeoutPreemptively(BOUND, () -> cli.run("backup", "--out", backup.toString()));
        okOrDiskFull(r, "backup on a full disk");
        if (r.exit() != 0) {
            assertThat(backup).doesNotExist();
        }
        assertIntactAndClean();
    }
}
