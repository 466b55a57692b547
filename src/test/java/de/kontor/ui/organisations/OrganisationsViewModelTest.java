package de.kontor.ui.organisations;

import static org.assertj.core.api.Assertions.assertThat;

import de.kontor.app.Workspace;
import de.kontor.domain.Organisation;
import de.kontor.domain.PersonData;
import de.kontor.domain.ProvenanceInput;
import de.kontor.testing.TestWorkspaces;
import de.kontor.ui.UiText;
import de.kontor.ui.task.DirectTaskRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrganisationsViewModelTest {
    @TempDir
    Path dir;
    private Workspace w;
    private final UiText text = new UiText(Locale.ENGLISH);

    @BeforeEach
    void setUp() {
        w = TestWorkspaces.create(dir);
    }

    @AfterEach
    void tearDown() {
        w.close();
    }

    @Test
    void listsOrganisationsWithTheirPeople() {
        w.contacts().create(w.principal(), PersonData.named("Jens", "Größmann").withOrganisation("Rheinwerk GmbH"),
                ProvenanceInput.manual());
        w.contacts().create(w.principal(), PersonData.named("Maria", "Müller").withOrganisation("Rheinwerk GmbH"),
                ProvenanceInput.manual());
        OrganisationsViewModel vm = new OrganisationsViewModel(w.organisations(), w.contacts(), w.principal(),
                new DirectTaskRunner(), text);
        vm.refresh();
        assertThat(vm.rows()).singleElement().satisfies(o -> {
            assertThat(o.name()).isEqualTo("Rheinwerk GmbH");
            assertThat(o.peopleCount()).isEqualTo(2);
        });
        vm.select(vm.rows().get(0));
        assertThat(vm.people()).extracting(p -> p.data().familyName()).containsExactlyInAnyOrder("Größmann", "Müller");
    }

    @Test
    void formMapsErrorsAndSaves() {
        OrganisationFormViewModel form = new OrganisationFormViewModel(w.organisations(), w.principal(),
                new DirectTaskRunner(), text);
        form.startNew();
        form.fields().get("postcode").set("123");
        List<Organisation> saved = new ArrayList<>();
        form.save(saved::add);
        assertThat(saved).isEmpty();
        assertThat(form.errors()).containsOnlyKeys("name", "postcode");
        assertThat(form.summaryProperty().get()).isEqualTo("2 fields are invalid.");

        form.nameProperty().set("Kontor Test AG");
        form.fields().get("postcode").set("10115");
        form.save(saved::add);
        assertThat(saved).singleElement().satisfies(o -> assertThat(o.data().country()).isEqualTo("DE"));
        assertThat(form.errors()).isEmpty();
    }
}
