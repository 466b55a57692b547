package de.kontor.exchange;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import de.kontor.app.Workspace;
import de.kontor.domain.KontorException;
import de.kontor.testing.TestWorkspaces;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Imports read their file as a stream, never whole into memory: the readers name lines right
 * far beyond the first buffer, and the preview's "changed since" check hashes while reading.
 */
class ImportStreamingTest {
    @TempDir
    Path dir;

    private Workspace w;

    @BeforeEach
    void open() {
        w = TestWorkspaces.create(dir.resolve("db"));
    }

    @AfterEach
    void close() {
        w.close();
    }

    /** Distinct made-up names ("Bakemi", "Dufora" ...), so that the duplicate check finds nothing. */
    private static String name(int i) {
        String consonants = "bdfgklmnprstvwz";
        String vowels = "aeiou";
        StringBuilder sb = new StringBuilder();
        int n = i + 1000;
        while (n > 0) {
            sb.append(consonants.charAt(n % consonants.length()));
            n /= consonants.length();
            sb.append(vowels.charAt(n % vowels.length()));
            n /= vowels.length();
        }
        return Character.toUpperCase(sb.charAt(0)) + sb.substring(1);
    }

    @Test
    void theImportReadersNeverReadAWholeFile() {
        JavaClasses exchange = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("de.kontor.exchange");
        noClasses().that().haveSimpleNameStartingWith("Import").or().haveSimpleNameEndingWith("Reader")
                .or().haveSimpleName("FileImport").or().haveSimpleName("JsonImport").or().haveSimpleName("PeopleImport")
                .should().callMethod(Files.class, "readAllBytes", Path.class)
                .orShould().callMethod(Files.class, "readString", Path.class)
                .orShould().callMethod(Files.class, "readString", Path.class, java.nio.charset.Charset.class)
                .orShould().callMethod(Files.class, "readAllLines", Path.class)
                .orShould().callMethod(java.io.InputStream.class, "readAllBytes")
                .because("an import of 100 000 contacts must not hold the file (and its decoded text) in memory")
                .check(exchange);
    }

    @Test
    void csvLinesAreNamedRightFarBeyondTheFirstBuffer() throws Exception {
        StringBuilder sb = new StringBuilder("Vorname;Nachname;E-Mail;Notizen\r\n");
        int rows = 5000;
        for (int i = 1; i <= rows; i++) {
            sb.append(name(i)).append(';').append(name(i * 7 + 3)).append(";eva").append(i)
                    .append("@beispiel.de;\r\n");
            if (i == 3000) {
                sb.append("\r\n\r\n"); // empty lines 3002 and 3003
            }
        }
        sb.append("Max;Muster;max@beispiel.de;\"zwei\nZeilen\"\r\n"); // line 5004-5005
        sb.append("Ute;Lang;kaputt;\r\n"); // line 5006
        byte[] text = sb.toString().getBytes(StandardCharsets.UTF_8);
        Path f = dir.resolve("gross.csv");
        try (var out = Files.newOutputStream(f)) {
            out.write(text);
            out.write("Bad;".getBytes(StandardCharsets.UTF_8));
            out.write(new byte[] {(byte) 0xC3, (byte) 0x28}); // not UTF-8, line 5007
            out.write(";x@y.de;\r\n".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(Files.size(f)).isGreaterThan(2 * ImportInput.HEAD);

        assertThatThrownBy(() -> w.imports().run(w.principal(), f, ImportFormat.CSV, ImportOptions.defaults(),
                DuplicateMode.REPORT)).isInstanceOfSatisfying(ImportRefusedException.class, e -> assertThat(e.problems())
                        .extracting(LineProblem::line, LineProblem::messageKey).containsExactly(
                                Tuple.tuple(5006L, "validation.email"), Tuple.tuple(5007L, "import.encoding")));

        ImportPreview p = w.imports().preview(w.principal(), f, ImportFormat.CSV, ImportOptions.defaults());
        assertThat(p.rows()).isEqualTo(rows + 3);
        assertThat(p.importable()).isEqualTo(rows + 1);
        assertThat(p.sha256()).isEqualTo(java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f))));
        ImportResult r = w.imports().run(w.principal(), p, true, Map.of());
        assertThat(r.imported()).isEqualTo(rows + 1);
        assertThat(r.skipped()).extracting(LineProblem::line).containsExactly(5006L, 5007L);
    }

    @Test
    void vcardCardsAreNamedByTheirLineFarBeyondTheFirstBuffer() throws Exception {
        StringBuilder sb = new StringBuilder();
        int cards = 2000;
        for (int i = 1; i <= cards; i++) {
            sb.append("BEGIN:VCARD\r\nVERSION:3.0\r\nN:").append(name(i)).append(';').append(name(i * 7 + 3))
                    .append(";;;\r\nEMAIL:eva").append(i)
                    .append("@beispiel.de\r\nNOTE:").append("x".repeat(40)).append("\r\nEND:VCARD\r\n");
        }
        sb.append("BEGIN:VCARD\r\nVERSION:3.0\r\nN:Lang;Ute;;;\r\n"); // cut off, line 6 * 2000 + 1
        Path f = dir.resolve("gross.vcf");
        Files.writeString(f, sb);
        assertThat(Files.size(f)).isGreaterThan(2 * ImportInput.HEAD);

        ImportResult r = w.imports().run(w.principal(), f, ImportFormat.VCARD,
                ImportOptions.defaults().withSkipInvalid(true).withDryRun(true), DuplicateMode.REPORT);
        assertThat(r.imported()).isEqualTo(cards);
        assertThat(r.skipped()).extracting(LineProblem::line, LineProblem::messageKey)
                .containsExactly(Tuple.tuple(6L * cards + 1, "import.vcard.truncated"));
    }

    @Test
    void utf16IsReadAndBadUtf16IsRefused() throws Exception {
        Path f = dir.resolve("utf16.csv");
        Files.writeString(f, "Vorname;Nachname\nJürgen;Weiß\n", StandardCharsets.UTF_16);
        ImportResult r = w.imports().run(w.principal(), f, ImportFormat.CSV,
                ImportOptions.defaults().withEncoding(StandardCharsets.UTF_16), DuplicateMode.REPORT);
        assertThat(r.imported()).isEqualTo(1);

        Path bad = dir.resolve("bad16.csv");
        Files.write(bad, new byte[] {(byte) 0xFE, (byte) 0xFF, 0, 'A', 0, ';', 0, 'B', 0, '\n', (byte) 0xD8, 0, 0, 'x'});
        assertThatThrownBy(() -> w.imports().run(w.principal(), bad, ImportFormat.CSV,
                ImportOptions.defaults().withEncoding(StandardCharsets.UTF_16), DuplicateMode.REPORT))
                .isInstanceOfSatisfying(ImportRefusedException.class, e -> assertThat(e.problems())
                        .extracting(LineProblem::messageKey).containsExactly("import.encoding"));
    }

    @Test
    void aJsonFileChangedSinceThePreviewIsRefusedAndNothingIsRestored() throws Exception {
        w.contacts().create(w.principal(), de.kontor.domain.PersonData.named("Eva", "Schäfer"),
                de.kontor.domain.ProvenanceInput.manual());
        Path json = dir.resolve("alle.json");
        w.subjectData().export(w.principal(), null, ExportFormat.JSON, ',', null, json);
        try (Workspace empty = TestWorkspaces.create(dir.resolve("empty"))) {
            ImportPreview p = empty.imports().preview(empty.principal(), json, ImportFormat.JSON,
                    ImportOptions.defaults());
            assertThat(p.rows()).isEqualTo(1);
            Files.writeString(json, Files.readString(json).replace("Schäfer", "Schäfers"));

            assertThatThrownBy(() -> empty.imports().run(empty.principal(), p, false, Map.of()))
                    .isInstanceOfSatisfying(KontorException.class,
                            e -> assertThat(e.messageKey()).isEqualTo("import.preview.changed"));
            assertThat(empty.contacts().count(empty.principal())).isZero();
        }
    }
}
