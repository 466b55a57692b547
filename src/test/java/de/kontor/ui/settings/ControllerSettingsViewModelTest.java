package de.kontor.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import de.kontor.app.Workspace;
import de.kontor.domain.request.ControllerDetails;
import de.kontor.testing.TestWorkspaces;
import de.kontor.ui.UiText;
import de.kontor.ui.task.DirectTaskRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Controller details and the Art. 30 register from the settings screen, on a real database. */
class ControllerSettingsViewModelTest {
    @TempDir
    Path dir;
    Workspace w;
    ControllerSettingsViewModel vm;

    @BeforeEach
    void setUp() {
        w = TestWorkspaces.create(dir.resolve("data"));
        vm = new ControllerSettingsViewModel(w.subjectData(), w.principal(), new DirectTaskRunner(),
                new UiText(Locale.ENGLISH));
        vm.load();
    }

    @AfterEach
    void tearDown() {
        w.close();
    }

    @Test
    void savesTheDetailsClearsAnEmptiedOneAndRefusesTooLongValuesAtTheField() {
        assertThat(vm.nameProperty().get()).isEmpty();
        vm.nameProperty().set("Bäckerei Schmidt GmbH");
        vm.addressProperty().set("Hauptstraße 1\n50667 Köln");
        vm.emailProperty().set("info@baeckerei-schmidt.de");
        vm.dpoProperty().set("datenschutz@baeckerei-schmidt.de");
        vm.authorityProperty().set("LDI NRW");
        vm.save();
        assertThat(vm.messageProperty().get()).isEqualTo("Controller details saved.");
        assertThat(w.subjectData().controller(w.principal())).isEqualTo(new ControllerDetails("Bäckerei Schmidt GmbH",
                "Hauptstraße 1\n50667 Köln", "info@baeckerei-schmidt.de", "datenschutz@baeckerei-schmidt.de",
                "LDI NRW"));

        vm.dpoProperty().set("");
        vm.authorityProperty().set("x".repeat(1001));
        vm.save();
        assertThat(vm.errors()).containsKey("controller:authority");
        assertThat(vm.errorProperty().get()).isNotEmpty();
        vm.authorityProperty().set("LDI NRW");
        vm.save();
        assertThat(w.subjectData().controller(w.principal()).dpo()).isNull();

        ControllerSettingsViewModel again = new ControllerSettingsViewModel(w.subjectData(), w.principal(),
                new DirectTaskRunner(), new UiText(Locale.ENGLISH));
        again.load();
        assertThat(again.nameProperty().get()).isEqualTo("Bäckerei Schmidt GmbH");
        assertThat(again.dpoProperty().get()).isEmpty();
    }

    @Test
    void writesTheArt30RegisterWithTheControllerAndRefusesAMissingFolder() throws Exception {
        vm.nameProperty().set("Bäckerei Schmidt GmbH");
        vm.save();
        Path pdf = dir.resolve("register.pdf");
        vm.saveRegister(pdf);
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.messageProperty().get()).startsWith("Register of processing activities saved to " + pdf);
        try (PDDocument doc = Loader.loadPDF(Files.readAllBytes(pdf))) {
            assertThat(new PDFTextStripper().getText(doc)).contains("Bäckerei Schmidt GmbH");
        }

        vm.saveRegister(dir.resolve("nowhere").resolve("register.pdf"));
        assertThat(vm.errorProperty().get()).contains("nowhere");
        assertThat(vm.messageProperty().get()).isEmpty();
    }
}
