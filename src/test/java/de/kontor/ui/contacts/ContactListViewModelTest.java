package de.kontor.ui.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import de.kontor.app.Workspace;
import de.kontor.domain.EmailAddress;
import de.kontor.domain.PersonData;
import de.kontor.domain.PersonSummary;
import de.kontor.domain.ProvenanceInput;
import de.kontor.testing.TestWorkspaces;
import de.kontor.ui.UiText;
import de.kontor.ui.task.DirectTaskRunner;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContactListViewModelTest {
    @TempDir
    Path dir;
    private Workspace w;
    private ContactListViewModel vm;

    @BeforeEach
    void setUp() {
        w = TestWorkspaces.create(dir);
        add("Jens", "Größmann", "jens@beispiel.de", "Rheinwerk GmbH");
        add("Maria", "Müller", "maria@example.org", null);
        add("Peter", "Strauß", null, "Rheinwerk GmbH");
        vm = new ContactListViewModel(w.contacts(), w.principal(), new DirectTaskRunner(), new UiText(Locale.ENGLISH));
    }

    @AfterEach
    void tearDown() {
        w.close();
    }

    private void add(String given, String family, String email, String org) {
        PersonData d = PersonData.named(given, family).withOrganisation(org);
        if (email != null) {
            d = d.withEmails(List.of(EmailAddress.work(email)));
        }
        w.contacts().create(w.principal(), d, ProvenanceInput.manual());
    }

    @Test
    void listsEveryoneAtFirst() {
        vm.search();
        assertThat(vm.rows()).hasSize(3);
        assertThat(vm.statusProperty().get()).isEqualTo("3 of 3");
    }

    @Test
    void typingFiltersTheRowsAndCounts() {
        vm.queryProperty().set("rheinwerk");
        assertThat(vm.rows()).extracting(PersonSummary::familyName).containsExactlyInAnyOrder("Größmann", "Strauß");
        assertThat(vm.foundProperty().get()).isEqualTo(2);
        assertThat(vm.totalProperty().get()).isEqualTo(3);
        assertThat(vm.statusProperty().get()).isEqualTo("2 of 3");

        vm.queryProperty().set("muller");
        assertThat(vm.rows()).extracting(PersonSummary::givenName).containsExactly("Maria");
        assertThat(vm.statusProperty().get()).isEqualTo("1 of 3");

        vm.queryProperty().set("nobody at all");
        assertThat(vm.rows()).isEmpty();
        assertThat(vm.statusProperty().get()).isEqualTo("0 of 3");
    }

    @Test
    void germanCountText() {
        ContactListViewModel de = new ContactListViewModel(w.contacts(), w.principal(), new DirectTaskRunner(),
                new UiText(Locale.GERMAN));
        de.queryProperty().set("strauss");
        assertThat(de.statusProperty().get()).isEqualTo("1 von 3");
    }
}
