package de.kontor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import de.kontor.testing.ImportFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kontor import vcard FILE} with the options of the CSV import, and other tools' CSV layouts. */
class ImportVcardCliTest {
    @TempDir
    Path data;
    @TempDir
    Path files;

    private Path sample(String name) throws Exception {
        return ImportFixture.sample(files, (name.endsWith(".csv") ? "csv/" : "vcard/") + name);
    }

    @Test
    void importsReportsIgnoredPropertiesAndDuplicatesAndRefusesBadFiles() throws Exception {
        CliRunner cli = new CliRunner(data);
        cli.ok("init", "--owner", "Anna Schmidt");
        Path apple = sample("apple.vcf");

        CliRunner.Result dry = cli.ok("import", "vcard", apple.toString(), "--dry-run");
        assertThat(dry.out()).startsWith("imported 0, skipped 0").contains("2 people would be imported")
                .contains("Ignored columns (not read, not stored): ").contains("PHOTO");

        CliRunner.Result r = cli.ok("import", "vcard", apple.toString());
        assertThat(r.out()).startsWith("imported 2, skipped 0");
        assertThat(cli.ok("contacts", "list", "--format", "csv").out()).contains("Größmann").contains("Weber");

        CliRunner.Result again = cli.ok("import", "vcard", apple.toString(), "--duplicates", "skip");
        assertThat(again.out()).startsWith("imported 0, skipped 2").contains("Line 1: skipped, duplicate of person");

        Path cut = files.resolve("cut.vcf");
        String text = Files.readString(apple);
        Files.writeString(cut, text.substring(0, text.indexOf("X-SOCIALPROFILE")));
        CliRunner.Result refused = cli.run("import", "vcard", cut.toString());
        CliRunner.refused(refused, "Line 26: The card starting here has no END:VCARD; the file may be cut off.");
        assertThat(refused.err()).contains("Nothing was written.");

        Path jpeg = files.resolve("foto.vcf");
        Files.write(jpeg, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0});
        CliRunner.refused(cli.run("import", "vcard", jpeg.toString()), "foto.vcf is not a vCard file: it holds binary data");
        Path empty = files.resolve("leer.vcf");
        Files.writeString(empty, "");
        CliRunner.refused(cli.run("import", "vcard", empty.toString()), "The file leer.vcf is empty.");
        CliRunner.refused(cli.run("import", "vcard", files.resolve("fehlt.vcf").toString()), "does not exist");
        assertThat(cli.ok("contacts", "list", "--format", "csv").out().lines().count()).isEqualTo(3);
    }

    @Test
    void outlookGermanCsvListsTheIgnoredColumns() throws Exception {
        CliRunner cli = new CliRunner(data);
        cli.ok("init", "--owner", "Anna Schmidt");
        CliRunner.Result r = cli.ok("import", "csv", sample("outlook-de.csv").toString(), "--encoding", "windows-1252");
        assertThat(r.out()).startsWith("imported 2, skipped 0")
                .containsPattern("Ignored columns \\(not read, not stored\\): Abteilung, Straße geschäftlich 3, .*"
                        + "E-Mail-Typ, E-Mail: Angezeigter Name");
        assertThat(cli.ok("contacts", "list", "--format", "csv").out()).contains("Weiß").contains("Öztürk");
    }

    @Test
    void realExportsArriveAndTheReportShowsEveryNoteAndCountsEveryRecord() throws Exception {
        CliRunner cli = new CliRunner(data);
        cli.ok("init", "--owner", "Anna Schmidt");
        Path outlook = ImportFixture.sample(files, "vcard/programs/outlook-2003.vcf");
        Path android = ImportFixture.sample(files, "vcard/programs/android.vcf");

        CliRunner.Result dry = cli.ok("import", "vcard", outlook.toString(), "--dry-run", "--skip-invalid");
        assertThat(dry.out()).startsWith("imported 0, skipped 0").contains("2 people would be imported")
                .contains("Note: Line 1, phone: 'BusinessPhone' left out: a placeholder")
                .contains("Note: Line 1, country: 'HOMECOUNTRY' left out")
                .contains("2 record(s) in the file: 2 would be imported, 0 merged, 0 skipped as duplicates, 0 invalid, "
                        + "0 blocked by the suppression list; 5 note(s).");

        CliRunner.Result r = cli.ok("import", "vcard", android.toString());
        assertThat(r.out()).startsWith("imported 4, skipped 0")
                .contains("4 record(s) in the file: 4 imported, 0 merged, 0 skipped as duplicates, 0 invalid");
        assertThat(cli.ok("contacts", "list", "--format", "csv").out()).contains("Jürgen")
                .contains("Grün & Grün Gartenbau").contains("kontakt@hofladen-meier.example");
    }
}
