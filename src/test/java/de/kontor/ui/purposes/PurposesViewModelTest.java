package de.kontor.ui.purposes;

import static org.assertj.core.api.Assertions.assertThat;

import de.kontor.app.Workspace;
import de.kontor.domain.privacy.LawfulBasis;
import de.kontor.testing.TestWorkspaces;
import de.kontor.ui.UiText;
import de.kontor.ui.task.DirectTaskRunner;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PurposesViewModelTest {
    @TempDir
    Path dir;
    Workspace w;
    PurposesViewModel vm;

    @BeforeEach
    void setUp() {
        w = TestWorkspaces.create(dir);
        vm = new PurposesViewModel(w.purposes(), w.principal(), new DirectTaskRunner(), new UiText(Locale.ENGLISH));
        vm.load();
    }

    @AfterEach
    void tearDown() {
        w.close();
    }

    @Test
    void loadsTheCatalogueAndSelectsTheFirst() {
        assertThat(vm.rows()).extracting(p -> p.key())
                .containsExactly("customer-service", "accounting", "newsletter", "events", "customer-advertising");
        assertThat(vm.selectedProperty().get().key()).isEqualTo("customer-service");
    }

    @Test
    void addsAPurposeAndMarksBadFields() {
        vm.keyProperty().set("Messe Einladung");
        vm.addPurpose();
        assertThat(vm.errors()).containsKeys("add:key", "add:name");
        assertThat(vm.rows()).hasSize(5);

        vm.keyProperty().set("trade-fair");
        vm.nameDeProperty().set("Messeeinladungen");
        vm.nameEnProperty().set("Trade fair invitations");
        vm.defaultBasisProperty().set(LawfulBasis.CONSENT);
        vm.marketingProperty().set(true);
        vm.recipientsProperty().set("Druckerei");
        vm.addPurpose();
        assertThat(vm.errors()).isEmpty();
        assertThat(vm.messageProperty().get()).isEqualTo("Saved.");
        assertThat(vm.rows()).hasSize(6);
        assertThat(vm.selectedProperty().get().key()).isEqualTo("trade-fair");
        assertThat(vm.selectedProperty().get().marketing()).isTrue();
        assertThat(vm.keyProperty().get()).isEmpty();
    }

    @Test
    void addsTextVersionsAndRetires() {
        vm.select("newsletter");
        vm.newVersionProperty().set("2026-1");
        vm.newTextProperty().set("Ja, ich möchte den Newsletter erhalten.");
        vm.addText();
        assertThat(vm.texts()).singleElement().satisfies(t -> {
            assertThat(t.version()).isEqualTo("2026-1");
            assertThat(t.sha256()).hasSize(64);
        });
        vm.newVersionProperty().set("2026-1");
        vm.newTextProperty().set("Anders.");
        vm.addText();
        assertThat(vm.errorProperty().get()).contains("2026-1");
        vm.newTextProperty().set("");
        vm.newVersionProperty().set("2026-2");
        vm.addText();
        assertThat(vm.errors()).containsKey("text:text");

        vm.retire();
        assertThat(vm.selectedProperty().get().key()).isEqualTo("newsletter");
        assertThat(vm.selectedProperty().get().retired()).isTrue();
        assertThat(vm.texts()).hasSize(1);
        vm.retire();
        assertThat(vm.errorProperty().get()).isEqualTo("The purpose 'newsletter' is already retired.");
    }
}
