package de.kontor.ui.audit;

import static org.assertj.core.api.Assertions.assertThat;

import de.kontor.app.Workspace;
import de.kontor.domain.PersonData;
import de.kontor.domain.ProvenanceInput;
import de.kontor.testing.TestWorkspaces;
import de.kontor.ui.UiText;
import de.kontor.ui.task.DirectTaskRunner;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditViewModelTest {
    @TempDir
    Path dir;

    @Test
    void verifiesAndListsTheLatestEntries() {
        try (Workspace w = TestWorkspaces.create(dir)) {
            w.contacts().create(w.principal(), PersonData.named("Jens", "Größmann"), ProvenanceInput.manual());
            AuditViewModel vm = new AuditViewModel(w.audit(), w.principal(), new DirectTaskRunner(),
                    new UiText(Locale.GERMAN));
            vm.verify();
            assertThat(vm.okProperty().get()).isTrue();
            assertThat(vm.resultProperty().get()).startsWith("Prüfprotokoll unversehrt:");
            assertThat(vm.entries()).isNotEmpty();
            assertThat(vm.entries()).extracting(e -> e.field()).contains("familyName");
        }
    }
}
