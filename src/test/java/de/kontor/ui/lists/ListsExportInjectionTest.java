package de.kontor.ui.lists;

import static org.assertj.core.api.Assertions.assertThat;

import de.kontor.app.Workspace;
import de.kontor.domain.ContactKind;
import de.kontor.domain.Person;
import de.kontor.domain.PersonData;
import de.kontor.domain.PhoneNumber;
import de.kontor.domain.ProvenanceInput;
import de.kontor.domain.privacy.ConsentMethod;
import de.kontor.testing.CsvSafety;
import de.kontor.testing.TestWorkspaces;
import de.kontor.ui.UiText;
import de.kontor.ui.task.DirectTaskRunner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window's list export neutralises formula cells like every other CSV (OWASP). */
class ListsExportInjectionTest {
    @TempDir
    Path dir;

    @Test
    void formulaValuesAreWrittenAsText() throws Exception {
        try (Workspace w = TestWorkspaces.create(dir.resolve("data"))) {
            Person p = w.contacts().create(w.principal(), PersonData.named("@SUM(1+1)", "=HYPERLINK(\"http://x\",\"y\")")
                    .withOrganisation("+cmd|' /C calc'!A0")
                    .withPhones(List.of(PhoneNumber.of(ContactKind.WORK, "+49 30 1234567"))), ProvenanceInput.manual());
            w.purposes().addText(w.principal(), "newsletter", "2026-1", "Ja, Newsletter.");
            w.consents().grant(w.principal(), p.id(), "newsletter", ConsentMethod.WRITTEN_FORM, "2026-1", null, null, null);
            ListsViewModel vm = new ListsViewModel(w.contactLists(), w.purposes(), w.principal(), new DirectTaskRunner(),
                    new UiText(Locale.GERMAN));
            vm.load();
            vm.choose("newsletter");
            Path file = dir.resolve("newsletter.csv");
            vm.export(file);
            assertThat(vm.errorProperty().get()).isEmpty();
            String csv = Files.readString(file, StandardCharsets.UTF_8).substring(1);
            CsvSafety.assertNoFormulaCells(csv);
            assertThat(csv).contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",'@SUM(1+1)")
                    .contains("'+49 30 1234567,'+cmd|' /C calc'!A0");
        }
    }
}
