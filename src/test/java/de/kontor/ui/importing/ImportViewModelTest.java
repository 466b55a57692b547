package de.kontor.ui.importing;

import static org.assertj.core.api.Assertions.assertThat;

import de.kontor.app.Workspace;
import de.kontor.dedupe.Match;
import de.kontor.domain.Person;
import de.kontor.exchange.DuplicateDecision;
import de.kontor.exchange.ImportFormat;
import de.kontor.testing.ImportFixture;
import de.kontor.testing.TestWorkspaces;
import de.kontor.ui.UiText;
import de.kontor.ui.task.DirectTaskRunner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The import screen's state without the FX toolkit (work runs at once on the calling thread). */
class ImportViewModelTest {
    private static final String FILE = ImportFixture.FILE;

    @TempDir
    Path dir;
    private Workspace w;
    private ImportViewModel vm;
    private Person jürgen;
    private int refreshed;

    @BeforeEach
    void setUp() {
        w = TestWorkspaces.create(dir.resolve("db"));
        jürgen = ImportFixture.prepare(w);
        vm = new ImportViewModel(w.imports(), w.principal(), new DirectTaskRunner(), new UiText(Locale.ENGLISH),
                () -> refreshed++);
    }

    @AfterEach
    void tearDown() {
        w.close();
    }

    private Path file(String name, String content) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, content, StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void previewThenMergeTheDuplicateAndImportTheRest() throws Exception {
        vm.pathProperty().set(file("kontakte.vcf", FILE).toString());
        assertThat(vm.formatProperty().get()).as("from the extension").isEqualTo(ImportFormat.VCARD);
        vm.formatProperty().set(ImportFormat.CSV);
        vm.preview();

        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.mapping()).contains(new ImportViewModel.MappingRow("E-Mail", "email"));
        assertThat(vm.ignored()).containsExactly("Lieblingsfarbe");
        assertThat(vm.blocked()).singleElement().satisfies(b -> {
            assertThat(b.line()).isEqualTo(3);
            assertThat(b.message()).contains("must not be entered again");
        });
        assertThat(vm.invalid()).singleElement().satisfies(i -> {
            assertThat(i.line()).isEqualTo(5);
            assertThat(i.field()).isEqualTo("email");
            assertThat(i.message()).isEqualTo("'ute@beispiel' is not a valid e-mail address.");
        });
        assertThat(vm.duplicates()).singleElement().satisfies(d -> {
            assertThat(d.line()).isEqualTo(2);
            assertThat(d.name()).isEqualTo("Juergen Mueller");
            assertThat(d.candidate()).isEqualTo("Person " + jürgen.id() + ": Jürgen Müller");
            assertThat(d.level()).isEqualTo(Match.Level.CERTAIN);
            assertThat(d.decisionProperty().get()).isEqualTo(DuplicateDecision.IMPORT);
        });
        assertThat(vm.summaryProperty().get()).isEqualTo("4 row(s): 2 can be imported, 1 invalid, 1 blocked by the "
                + "suppression list, 1 possible duplicate(s), 0 note(s). Nothing has been written yet.");
        assertThat(vm.canImportProperty().get()).as("invalid and blocked rows: only with skip-invalid").isFalse();
        assertThat(w.contacts().count(w.principal())).isEqualTo(1);

        vm.skipInvalidProperty().set(true);
        assertThat(vm.canImportProperty().get()).isTrue();
        vm.duplicates().get(0).decisionProperty().set(DuplicateDecision.MERGE);
        vm.importFile();

        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.resultProperty().get())
                .isEqualTo("Imported 1 people from kontakte.vcf; 2 row(s) skipped, 1 merged into existing people.");
        assertThat(vm.previewProperty().get()).isNull();
        assertThat(vm.canImportProperty().get()).isFalse();
        assertThat(refreshed).isEqualTo(1);
        assertThat(w.contacts().count(w.principal())).isEqualTo(2);
        assertThat(w.contacts().get(w.principal(), jürgen.id()).data().phones()).extracting(p -> p.e164())
                .containsExactly("+49221999888");
    }

    @Test
    void changingTheFileOrItsOptionsDropsThePreview() throws Exception {
        vm.pathProperty().set(file("a.csv", "Vorname,Nachname\nEva,Schäfer\n").toString());
        vm.preview();
        assertThat(vm.canImportProperty().get()).isTrue();
        vm.delimiterProperty().set(";");
        assertThat(vm.previewProperty().get()).isNull();
        assertThat(vm.mapping()).isEmpty();
        assertThat(vm.canImportProperty().get()).isFalse();
    }

    @Test
    void aBadFileShowsOneClearMessageAndItsBadLines() throws Exception {
        Path png = dir.resolve("foto.csv");
        Files.write(png, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 0x0D});
        vm.pathProperty().set(png.toString());
        vm.preview();
        assertThat(vm.errorProperty().get()).isEqualTo("foto.csv is not a CSV file: it holds binary data (an image, "
                + "archive or document?). Nothing was imported.");
        assertThat(vm.previewProperty().get()).isNull();
        assertThat(vm.canImportProperty().get()).isFalse();

        vm.pathProperty().set(file("kaputt.csv", "Vorname,Nachname,Notizen\nEva,Schäfer,\"offen\"x\n").toString());
        vm.preview();
        assertThat(vm.errorProperty().get()).contains("Nothing was written");
        assertThat(vm.invalid()).extracting(ImportViewModel.ProblemRow::line).containsExactly(2L);

        vm.pathProperty().set(file("b.csv", "Vorname,Nachname\nEva,Schäfer\n").toString());
        vm.encodingProperty().set("klingonisch");
        vm.preview();
        assertThat(vm.errorProperty().get()).contains("Unknown encoding 'klingonisch'");
        vm.pathProperty().set(dir.resolve("fehlt.csv").toString());
        vm.encodingProperty().set("UTF-8");
        vm.preview();
        assertThat(vm.errorProperty().get()).contains("does not exist");
    }

    @Test
    void thePreviewShowsTheNotesOnValuesLeftOutOrKeptUnchecked() throws Exception {
        Path f = ImportFixture.sample(dir, "vcard/programs/outlook-2007.vcf");
        vm.pathProperty().set(f.toString());
        vm.preview();

        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.invalid()).isEmpty();
        assertThat(vm.notes()).extracting(ImportViewModel.ProblemRow::line, ImportViewModel.ProblemRow::field,
                ImportViewModel.ProblemRow::message).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1L, "phone", "'(905) 555-1234' kept as written, not checked: "
                                + "foreign or unknown format (read for DE)."),
                        org.assertj.core.groups.Tuple.tuple(1L, "phone", "'+1 (212) 204-34456' kept as written, not "
                                + "checked: foreign or unknown format (read for DE)."));
        vm.importFile();
        assertThat(w.contacts().count(w.principal())).isEqualTo(2); // Jürgen from the fixture and Sabine
    }
}
