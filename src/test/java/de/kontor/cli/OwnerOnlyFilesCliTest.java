package de.kontor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import de.kontor.app.Backups;
import de.kontor.app.Workspace;
import de.kontor.security.OwnerOnlyFiles;
import de.kontor.testing.TestWorkspaces;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every file and folder Kontor writes is its owner's only (issue 12, "File modes"), and no
 * user name stands in clear in the key-slot file or a backup's manifest ("No names in clear").
 */
class OwnerOnlyFilesCliTest {
    private static final String OWNER = "Anna Schmidt";

    @TempDir
    Path dir;
    private Path data;
    private Path out;
    private CliRunner cli;

    @BeforeEach
    void posixOnly() throws IOException {
        Assumptions.assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"),
                "no POSIX permissions on this file system");
        data = dir.resolve("daten");
        out = Files.createDirectory(dir.resolve("ausgabe"));
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxr-xr-x"));
        cli = new CliRunner(data);
    }

    @Test
    void everythingWrittenIsOwnerOnly() throws Exception {
        cli.ok("init", "--owner", OWNER);
        String anna = cli.ok("contacts", "add", "--given", "Änne", "--family", "Auskunft", "--email", "aenne@example.de")
                .out().strip();
        String otto = cli.ok("contacts", "add", "--given", "Otto", "--family", "Löschmich").out().strip();
        Path vcf = out.resolve("eingang.vcf");
        Files.writeString(vcf, "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Krause;Ida;;;\r\nFN:Ida Krause\r\n"
                + "EMAIL:ida@example.de\r\nEND:VCARD\r\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(vcf, PosixFilePermissions.fromString("rw-r--r--"));
        cli.ok("import", "vcard", vcf.toString());

        List<Path> written = new ArrayList<>();
        written.add(out.resolve("sicherung.kbak"));
        cli.ok("backup", "--out", written.get(0).toString());
        written.add(out.resolve("neu/tief/sicherung.kbak"));
        cli.ok("backup", "--out", written.get(1).toString());
        written.add(out.resolve("alle.csv"));
        cli.ok("export", "--all", "--format", "csv", "--out", written.get(2).toString());
        written.add(out.resolve("alle.json"));
        cli.ok("export", "--all", "--format", "json", "--out", written.get(3).toString());
        written.add(out.resolve("auskunft.pdf"));
        cli.ok("report", "access", "--person", anna, "--out", written.get(4).toString());
        written.add(out.resolve("vvt.pdf"));
        cli.ok("report", "ropa", "--out", written.get(5).toString());
        written.add(out.resolve("loeschkonzept.pdf"));
        cli.ok("retention", "rules", "--pdf", written.get(6).toString());
        written.add(out.resolve("loeschprotokoll.pdf"));
        cli.ok("erase", "--person", otto, "--certificate", written.get(7).toString());
        try (Workspace w = TestWorkspaces.open(data)) {
            written.add(new Backups().backupRotating(w, 3, Instant.now(), ZoneId.systemDefault()));
        }

        for (Path p : written) {
            assertThat(p).exists();
            assertThat(OwnerOnlyFiles.isOwnerOnly(p)).as(p + " " + mode(p)).isTrue();
        }
        assertThat(OwnerOnlyFiles.isOwnerOnly(out.resolve("neu"))).as("a folder Kontor created").isTrue();
        assertThat(mode(out)).as("a folder the user had is left as it was").isEqualTo("rwxr-xr-x");
        assertThat(mode(vcf)).as("an imported file is not touched").isEqualTo("rw-r--r--");
        assertAllOwnerOnly(data);
        assertThat(Backups.backupDir(new de.kontor.store.DataFolder(data))).isDirectory();
    }

    @Test
    void opensTightenADataFolderLeftOpenByAnEarlierVersion() throws Exception {
        cli.ok("init", "--owner", OWNER);
        try (Workspace w = TestWorkspaces.open(data)) {
            new Backups().backupRotating(w, 3, Instant.now(), ZoneId.systemDefault());
        }
        try (Stream<Path> s = Files.walk(data)) {
            for (Path p : s.toList()) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwxr-xr-x"
                        : "rw-r--r--"));
            }
        }
        cli.ok("contacts", "list");
        assertAllOwnerOnly(data);
    }

    @Test
    void noUserNameInTheKeySlotsOrTheBackupManifest() throws Exception {
        cli.ok("init", "--owner", OWNER);
        Path backup = out.resolve("sicherung.kbak");
        cli.ok("backup", "--out", backup.toString());
        assertNoName(Files.readAllBytes(data.resolve("keyslots.json")), "keyslots.json");
        boolean manifest = false;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(backup))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                byte[] bytes = in.readAllBytes();
                if (!e.getName().endsWith(".mv.db")) {
                    assertNoName(bytes, e.getName());
                }
                manifest |= e.getName().equals("kontor-backup.json");
            }
        }
        assertThat(manifest).isTrue();
        // and the owner still signs in by name, or without one as the only user
        assertThat(cli.ok("contacts", "list").exit()).isZero();
        try (Workspace w = Workspace.open(new de.kontor.store.DataFolder(data), "anna schmidt",
                TestWorkspaces.PASSWORD.toCharArray(), TestWorkspaces.options())) {
            assertThat(w.principal().username()).isEqualTo(OWNER);
        }
    }

    private static void assertNoName(byte[] bytes, String what) {
        String text = new String(bytes, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
        assertThat(text).as(what).doesNotContain("anna").doesNotContain("schmidt");
    }

    private static void assertAllOwnerOnly(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            List<Path> all = s.toList();
            assertThat(all).hasSizeGreaterThan(3);
            for (Path p : all) {
                assertThat(OwnerOnlyFiles.isOwnerOnly(p)).as(root.relativize(p) + " " + mode(p)).isTrue();
            }
        }
    }

    private static String mode(Path p) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
        } catch (IOException e) {
            return e.toString();
        }
    }
}
