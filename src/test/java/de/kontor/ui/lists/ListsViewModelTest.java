package de.kontor.ui.lists;

import static org.assertj.core.api.Assertions.assertThat;

import de.kontor.app.Workspace;
import de.kontor.domain.Person;
import de.kontor.domain.PersonData;
import de.kontor.domain.ProvenanceInput;
import de.kontor.domain.audit.AuditAction;
import de.kontor.domain.privacy.ConsentMethod;
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

class ListsViewModelTest {
    @TempDir
    Path dir;
    Workspace w;
    Person eva;
    Person otto;
    ListsViewModel vm;

    @BeforeEach
    void setUp() {
        w = TestWorkspaces.create(dir.resolve("data"));
        eva = w.contacts().create(w.principal(), PersonData.named("Eva", "Zimmermann"), ProvenanceInput.manual());
        otto = w.contacts().create(w.principal(), PersonData.named("Otto", "Brückner"), ProvenanceInput.manual());
        Person ida = w.contacts().create(w.principal(), PersonData.named("Ida", "Öztürk"), ProvenanceInput.manual());
        w.purposes().addText(w.principal(), "newsletter", "2026-1", "Ja, Newsletter.");
        w.consents().grant(w.principal(), eva.id(), "newsletter", ConsentMethod.WRITTEN_FORM, "2026-1", null, null, null);
        w.consents().grant(w.principal(), otto.id(), "newsletter", ConsentMethod.WRITTEN_FORM, "2026-1", null, null, null);
        w.consents().withdraw(w.principal(), otto.id(), "newsletter", "E-Mail");
        vm = new ListsViewModel(w.contactLists(), w.purposes(), w.principal(), new DirectTaskRunner(),
                new UiText(Locale.GERMAN));
        vm.load();
    }

    @AfterEach
    void tearDown() {
        w.close();
    }

    @Test
    void showsTheAllowedPeopleAndExclusionsPerPurpose() {
        assertThat(vm.purposeProperty().get().key()).isEqualTo("customer-service");
        assertThat(vm.people()).isEmpty();
        assertThat(vm.exclusions()).containsExactly("keine Rechtsgrundlage: 3");

        vm.choose("newsletter");
        assertThat(vm.people()).extracting(p -> p.id()).containsExactly(eva.id());
        assertThat(vm.exclusions()).containsExactlyInAnyOrder("keine Rechtsgrundlage: 1", "Einwilligung widerrufen: 1");
        assertThat(vm.summaryProperty().get()).isEqualTo("1 dürfen heute kontaktiert werden, 2 ausgeschlossen.");
    }

    @Test
    void exportsUtf8CsvWithBomAndRecordsTheExport() throws Exception {
        w.consents().grant(w.principal(), otto.id(), "newsletter", ConsentMethod.WRITTEN_FORM, "2026-1", null, null, null);
        vm.choose("newsletter");
        Path file = dir.resolve("newsletter.csv");
        vm.export(file);
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.messageProperty().get()).isEqualTo("2 Personen nach newsletter.csv exportiert.");
        byte[] bytes = Files.readAllBytes(file);
        assertThat(bytes[0]).isEqualTo((byte) 0xEF);
        assertThat(bytes[1]).isEqualTo((byte) 0xBB);
        assertThat(bytes[2]).isEqualTo((byte) 0xBF);
        String csv = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertThat(csv.lines()).hasSize(3);
        assertThat(csv.lines().findFirst().orElseThrow()).isEqualTo("id,Nachname,Vorname,E-Mail,Telefon,Organisation,Ort");
        assertThat(csv).contains("Brückner,Otto").contains("Zimmermann,Eva");
        assertThat(w.audit().log(w.principal(), null, 20)).anyMatch(e -> e.action() == AuditAction.EXPORT
                && "newsletter".equals(e.field()));
    }
}
