package de.kontor.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.kontor.app.Workspace;
import de.kontor.dedupe.Match;
import de.kontor.domain.ContactKind;
import de.kontor.domain.EmailAddress;
import de.kontor.domain.KontorException;
import de.kontor.domain.Person;
import de.kontor.domain.PersonData;
import de.kontor.domain.ProvenanceInput;
import de.kontor.testing.TestWorkspaces;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The import preview (nothing written) and the import with a decision per duplicate row. */
class ImportPreviewTest {
    /**
     * Line 2 duplicates Jürgen Müller in the database; line 3 is invalid; line 4 is Petra, who was
     * erased (blocked); lines 5 and 6 are the same new person; line 7 is new.
     */
    private static final String FILE = "Vorname;Nachname;Geburtsdatum;E-Mail;Telefon;PLZ;Land;Lieblingsfarbe\n"
            + "Juergen;Mueller;12.04.1970;j.mueller@example.de;0221 999888;;;blau\n"
            + "Ute;Lang;31.02.1980;ute@beispiel;;1234;DE;rot\n"
            + "Petra;Schulz;;petra.schulz@example.com;;;;grün\n"
            + "Anna;Schäfer;03.03.1990;anna@example.de;;;;gelb\n"
            + "Anna;Schaefer;03.03.1990;anna@example.de;030 1234567;;;gelb\n"
            + "Tom;Bauer;;tom@example.de;;;;\n";

    @TempDir
    Path dir;
    private Workspace w;
    private Person jürgen;

    @BeforeEach
    void open() {
        w = TestWorkspaces.create(dir.resolve("db"));
        jürgen = create("Jürgen", "Müller", LocalDate.of(1970, 4, 12), "j.mueller@example.de");
        Person petra = create("Petra", "Schulz", null, "petra.schulz@example.com");
        w.erasure().erase(w.principal(), petra.id(), false, null, Locale.GERMAN);
    }

    @AfterEach
    void close() {
        w.close();
    }

    private Person create(String given, String family, LocalDate birth, String email) {
        return w.contacts().create(w.principal(), new PersonData(null, null, given, family, birth, null, null, null,
                List.of(new EmailAddress(ContactKind.WORK, email)), List.of(), List.of(), List.of(), null),
                ProvenanceInput.manual());
    }

    private Path file(String name, String content) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, content, StandardCharsets.UTF_8);
        return f;
    }

    private ImportPreview preview(Path f, ImportFormat format) {
        return w.imports().preview(w.principal(), f, format, ImportOptions.defaults());
    }

    private int count() {
        return w.contacts().count(w.principal());
    }

    @Test
    void csvPreviewShowsMappingIgnoredInvalidBlockedAndDuplicatesAndWritesNothing() throws Exception {
        long auditBefore = w.audit().log(w.principal(), null, 1000).size();
        ImportPreview p = preview(file("kontakte.csv", FILE), ImportFormat.CSV);

        assertThat(p.format()).isEqualTo(ImportFormat.CSV);
        assertThat(p.rows()).isEqualTo(6);
        assertThat(p.columnFields()).containsEntry("Vorname", "givenName").containsEntry("E-Mail", "email")
                .containsEntry("Geburtsdatum", "birthDate");
        assertThat(p.ignored()).containsExactly("Lieblingsfarbe");
        assertThat(p.invalid()).extracting(LineProblem::line, LineProblem::field, LineProblem::messageKey)
                .containsExactly(Tuple.tuple(3L, "birthDate", "import.date"));
        assertThat(p.blocked()).extracting(LineProblem::line, LineProblem::messageKey)
                .containsExactly(Tuple.tuple(4L, "suppression.blocked"));
        assertThat(p.duplicates()).extracting(ImportPreview.Duplicate::line, ImportPreview.Duplicate::personId,
                ImportPreview.Duplicate::otherLine, ImportPreview.Duplicate::level).containsExactly(
                Tuple.tuple(2L, jürgen.id(), null, Match.Level.CERTAIN), Tuple.tuple(6L, null, 5L, Match.Level.CERTAIN));
        assertThat(p.duplicates().get(0).name()).isEqualTo("Juergen Mueller");
        assertThat(p.duplicates().get(0).otherName()).isEqualTo("Jürgen Müller");
        assertThat(p.duplicates().get(0).score()).isPositive();
        assertThat(p.duplicates().get(1).otherName()).isEqualTo("Anna Schäfer");
        assertThat(p.importable()).isEqualTo(4);
        assertThat(p.valid()).isFalse();
        assertThat(p.decidable()).isTrue();

        assertThat(count()).isEqualTo(1);
        assertThat(w.audit().log(w.principal(), null, 1000)).hasSize((int) auditBefore);
        // Without skip-invalid the import refuses, as the command line does.
        assertThatThrownBy(() -> w.imports().run(w.principal(), p, false, Map.of()))
                .isInstanceOf(ImportRefusedException.class);
        assertThat(count()).isEqualTo(1);
    }

    @Test
    void perRowDecisionsMergeSkipAndImportAnyway() throws Exception {
        ImportPreview p = preview(file("kontakte.csv", FILE), ImportFormat.CSV);

        ImportResult r = w.imports().run(w.principal(), p, true,
                Map.of(2L, DuplicateDecision.MERGE, 6L, DuplicateDecision.MERGE));

        assertThat(r.imported()).as("Anna once (line 6 merged into line 5) and Tom").isEqualTo(2);
        assertThat(r.skippedLines()).isEqualTo(2);
        assertThat(r.duplicatesMerged()).isEqualTo(2);
        assertThat(count()).isEqualTo(3);
        Person merged = w.contacts().get(w.principal(), jürgen.id());
        assertThat(merged.data().phones()).extracting(ph -> ph.e164()).containsExactly("+49221999888");
        PersonData anna = w.contacts().search(w.principal(), "Schäfer", 10).rows().stream()
                .map(s -> w.contacts().get(w.principal(), s.id()).data()).findFirst().orElseThrow();
        assertThat(anna.phones()).as("line 6's phone went to line 5").extracting(ph -> ph.e164())
                .containsExactly("+49301234567");
    }

    @Test
    void skipAndImportAnywayPerRow() throws Exception {
        ImportPreview p = preview(file("kontakte.csv", FILE), ImportFormat.CSV);

        ImportResult r = w.imports().run(w.principal(), p, true,
                Map.of(2L, DuplicateDecision.SKIP, 6L, DuplicateDecision.IMPORT));

        assertThat(r.imported()).isEqualTo(3);
        assertThat(r.duplicatesSkipped()).isEqualTo(1);
        assertThat(count()).isEqualTo(4);
        assertThat(w.contacts().get(w.principal(), jürgen.id()).version()).isEqualTo(jürgen.version());
    }

    @Test
    void mergingIntoASkippedRowImportsTheRowInstead() throws Exception {
        Path f = file("a.csv", "Vorname;Nachname;Geburtsdatum;E-Mail\nAnna;Schäfer;03.03.1990;anna@example.de\n"
                + "Anna;Schaefer;03.03.1990;anna@example.de\n");
        ImportPreview p = preview(f, ImportFormat.CSV);
        assertThat(p.valid()).isTrue();
        assertThat(p.duplicates()).hasSize(1);

        ImportResult r = w.imports().run(w.principal(), p, false,
                Map.of(2L, DuplicateDecision.SKIP, 3L, DuplicateDecision.MERGE));
        assertThat(r.imported()).isEqualTo(1);
        assertThat(count()).isEqualTo(2);
    }

    @Test
    void aFileOrDatabaseThatChangedSinceThePreviewIsRefused() throws Exception {
        Path f = file("kontakte.csv", FILE);
        ImportPreview p = preview(f, ImportFormat.CSV);

        Files.writeString(f, FILE + "Eva;Koch;;eva@example.de;;;;\n");
        assertThatThrownBy(() -> w.imports().run(w.principal(), p, true, Map.of()))
                .isInstanceOfSatisfying(KontorException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("import.preview.changed"));

        Files.writeString(f, FILE);
        create("Tom", "Bauer", null, "tom@example.de");
        assertThatThrownBy(() -> w.imports().run(w.principal(), p, true, Map.of(2L, DuplicateDecision.MERGE)))
                .isInstanceOfSatisfying(KontorException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("import.preview.stale"));
        assertThat(count()).isEqualTo(2);
        assertThat(w.contacts().get(w.principal(), jürgen.id()).data().phones()).isEmpty();
    }

    @Test
    void vcardPreview() throws Exception {
        Path f = VcardImportTest.sample(dir, "apple.vcf");
        ImportPreview p = preview(f, ImportFormat.VCARD);

        assertThat(p.detail()).isEqualTo("vCard 3.0");
        assertThat(p.rows()).isEqualTo(2);
        assertThat(p.columnFields()).containsEntry("ADR", "street, houseNumber, addressLine2, postcode, city, region, "
                + "country").containsEntry("UID", "sourceRecordId");
        assertThat(p.ignored()).contains("PHOTO", "BDAY (--MM-DD)");
        assertThat(p.valid()).isTrue();
        assertThat(p.duplicates()).isEmpty();
        assertThat(count()).isEqualTo(1);

        ImportResult r = w.imports().run(w.principal(), p, false, Map.of());
        assertThat(r.imported()).isEqualTo(2);
        ImportPreview again = preview(f, ImportFormat.VCARD);
        assertThat(again.duplicates()).extracting(ImportPreview.Duplicate::line, ImportPreview.Duplicate::level)
                .containsExactly(Tuple.tuple(1L, Match.Level.CERTAIN), Tuple.tuple(26L, Match.Level.CERTAIN));
    }

    @Test
    void jsonPreviewListsWhatARestoreTakes() throws Exception {
        Path json = dir.resolve("alle.json");
        w.subjectData().export(w.principal(), null, ExportFormat.JSON, ',', null, json);
        try (Workspace empty = TestWorkspaces.create(dir.resolve("empty"))) {
            ImportPreview p = empty.imports().preview(empty.principal(), json, ImportFormat.JSON,
                    ImportOptions.defaults());
            assertThat(p.format()).isEqualTo(ImportFormat.JSON);
            assertThat(p.decidable()).isFalse();
            assertThat(p.rows()).isEqualTo(1);
            assertThat(p.columnFields()).containsEntry("emails", "email").containsEntry("consents", "consents");
            assertThat(p.duplicates()).isEmpty();
            assertThat(p.valid()).isTrue();
            assertThat(p.invalid()).isEmpty();
            assertThat(empty.contacts().count(empty.principal())).isZero();

            ImportResult r = empty.imports().run(empty.principal(), p, false, Map.of());
            assertThat(r.imported()).isEqualTo(1);
            assertThat(empty.contacts().get(empty.principal(), jürgen.id()).data().familyName()).isEqualTo("Müller");
        }
        // Into a database with people a restore is refused already by the preview.
        assertThatThrownBy(() -> preview(json, ImportFormat.JSON)).isInstanceOfSatisfying(KontorException.class,
                e -> assertThat(e.messageKey()).isEqualTo("import.json.notEmpty"));
    }
}
