package de.kontor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import de.kontor.testing.TestWorkspaces;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ErasureCliTest {
    /** Dates below are counted from this day, the command line's clock. */
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

    @TempDir
    Path dir;
    @TempDir
    Path files;
    CliRunner cli;
    String anna;
    String bert;

    @BeforeEach
    void init() {
        cli = new CliRunner(dir, TestWorkspaces.fixedAt(TODAY));
        cli.ok("init", "--owner", "Inhaberin");
        anna = cli.ok("contacts", "add", "--given", "Anna", "--family", "Löschmich", "--email", "anna@example.de",
                "--phone", "0171 9876543").out().strip();
        bert = cli.ok("contacts", "add", "--given", "Bert", "--family", "Bleibt", "--email", "bert@example.de").out().strip();
    }

    @Test
    void eraseBlocksReEntryByCommandAndCanBeLifted() throws Exception {
        Path pdf = files.resolve("loeschprotokoll.pdf");
        CliRunner.Result r = cli.ok("erase", "--person", anna, "--certificate", pdf.toString());
        assertThat(r.out()).contains("Person " + anna + " erased").contains("E-mail addresses: 1");
        assertThat(Files.readAllBytes(pdf)).startsWith("%PDF".getBytes());
        CliRunner.refused(cli.run("erase", "--person", anna), "was already erased");
        CliRunner.refused(cli.run("erase", "--person", "4711"), "There is no person with id 4711");
        CliRunner.refused(cli.run("contacts", "add", "--given", "Anna", "--family", "Neu", "--email", "ANNA@example.de"),
                "must not be entered again");
        CliRunner.refused(cli.run("contacts", "add", "--family", "Neu", "--phone", "+49 171 987 65 43"), "must not be entered again");
        assertThat(cli.ok("contacts", "list", "--format", "csv").out()).doesNotContain("Löschmich");
        assertThat(cli.ok("audit", "verify").out()).contains("intact");
        cli.ok("suppression", "lift", "--email", "anna@example.de", "--reason", "new written consent");
        cli.ok("contacts", "add", "--given", "Anna", "--family", "Neu", "--email", "anna@example.de");
    }

    @Test
    void restrictHidesFromListsAndRefusesEdits() {
        cli.ok("restrict", "--person", bert, "--reason", "Art. 18(1)(a) accuracy contested", "--until",
                TODAY.plusDays(20).toString());
        assertThat(cli.ok("contacts", "list", "--format", "csv").out()).doesNotContain("Bleibt");
        CliRunner.refused(cli.run("contacts", "edit", bert, "--city", "Köln"), "is restricted");
        cli.ok("unrestrict", "--person", bert, "--reason", "confirmed");
        assertThat(cli.ok("contacts", "list", "--format", "csv").out()).contains("Bleibt");
        CliRunner.refused(cli.run("unrestrict", "--person", bert), "is not restricted");
    }

    @Test
    void retentionRulesDueAndApply() throws Exception {
        assertThat(cli.ok("retention", "rules").out()).contains("prospect").contains("order").contains("AO § 147");
        String inTwoYears = TODAY.plusYears(2).toString();
        CliRunner.Result due = cli.ok("retention", "due", "--as-of", inTwoYears, "--format", "csv");
        assertThat(due.out()).contains("person," + anna + "," + anna + ",prospect").contains("person," + bert);
        assertThat(cli.ok("retention", "due").out().lines()).hasSize(1);
        CliRunner.Result dry = cli.ok("retention", "apply", "--as-of", inTwoYears, "--dry-run");
        assertThat(dry.out()).contains("would delete 2 people");
        assertThat(cli.ok("contacts", "list", "--format", "csv").out().lines()).hasSize(3);
        CliRunner.refused(cli.run("retention", "apply", "--as-of", inTwoYears, "--item", "person:x"), "TYPE:ID");
        CliRunner.refused(cli.run("retention", "apply", "--as-of", inTwoYears, "--item", "kunde:1"), "Unknown value");
        CliRunner.Result one = cli.ok("retention", "apply", "--as-of", inTwoYears, "--item", "person:" + bert);
        assertThat(one.out()).contains("1 people");
        assertThat(cli.ok("contacts", "list", "--format", "csv").out()).contains("Anna").doesNotContain("Bleibt");
        CliRunner.Result applied = cli.ok("retention", "apply", "--as-of", inTwoYears);
        assertThat(applied.out()).contains("1 people");
        assertThat(cli.ok("contacts", "list", "--format", "csv").out().lines()).hasSize(1);
        // Deleting by the deletion concept does not block re-entry: nobody asked to be erased.
        cli.ok("contacts", "add", "--given", "Anna", "--family", "Löschmich", "--email", "anna@example.de");
        CliRunner.refused(cli.run("retention", "due", "--as-of", "morgen"), "is not a date");
    }

    @Test
    void restoreReplaysTheErasureJournalAndRefusesBadFiles() throws Exception {
        Path backup = files.resolve("montag.kbak");
        cli.ok("backup", "--out", backup.toString());
        cli.ok("erase", "--person", anna);
        CliRunner.refused(cli.run("restore", backup.toString()), "add --force");
        CliRunner.Result r = cli.ok("restore", backup.toString(), "--force");
        assertThat(r.out()).contains("1 person(s) erased again").contains("1 people in the database");
        String list = cli.ok("contacts", "list", "--format", "csv").out();
        assertThat(list).contains("Bleibt").doesNotContain("Löschmich");
        assertThat(cli.ok("audit", "verify").out()).contains("intact");
        // A second restore of the same old backup still keeps Anna out: the journal was carried over.
        assertThat(cli.ok("restore", backup.toString(), "--force").out()).contains("1 person(s) erased again");

        Path damaged = files.resolve("kaputt.kbak");
        Files.write(damaged, new byte[] {1, 2, 3, 4});
        CliRunner.refused(cli.run("restore", damaged.toString(), "--force"), "The current database is unchanged");
        Path foreign = files.resolve("fremd.kbak");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(foreign))) {
            z.putNextEntry(new ZipEntry("readme.txt"));
            z.write("hello".getBytes());
            z.closeEntry();
        }
        CliRunner.refused(cli.run("restore", foreign.toString(), "--force"), "is not a Kontor backup");
        CliRunner.refused(cli.env("KONTOR_PASSWORD", "ein-ganz-anderes-Passwort-7").run("restore", backup.toString(), "--force"),
                "Wrong password");
        cli.env("KONTOR_PASSWORD", de.kontor.testing.TestWorkspaces.PASSWORD);
        assertThat(cli.ok("contacts", "list", "--format", "csv").out()).contains("Bleibt");
    }
}
