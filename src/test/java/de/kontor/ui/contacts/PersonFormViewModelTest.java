package de.kontor.ui.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import de.kontor.app.Workspace;
import de.kontor.domain.ContactKind;
import de.kontor.domain.Person;
import de.kontor.domain.PersonData;
import de.kontor.domain.ProvenanceInput;
import de.kontor.domain.SourceKind;
import de.kontor.testing.TestWorkspaces;
import de.kontor.ui.UiText;
import de.kontor.ui.task.DirectTaskRunner;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersonFormViewModelTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
    @TempDir
    Path dir;
    private Workspace w;
    private PersonFormViewModel vm;
    private final List<Person> saved = new ArrayList<>();

    @BeforeEach
    void setUp() {
        w = TestWorkspaces.create(dir, TestWorkspaces.fixedAt(TODAY));
        vm = new PersonFormViewModel(w.contacts(), w.organisations(), w.principal(), new DirectTaskRunner(),
                new UiText(Locale.ENGLISH));
    }

    @AfterEach
    void tearDown() {
        w.close();
    }

    @Test
    void createsAPersonWithRowsTagsAndSource() {
        vm.startNew();
        vm.givenNameProperty().set("Jens");
        vm.familyNameProperty().set("Größmann");
        vm.birthDateProperty().set(LocalDate.of(1980, 5, 17));
        vm.emails().get(0).valueProperty().set("jens@beispiel.de");
        vm.phones().get(0).valueProperty().set("0171 2345678");
        vm.phones().get(0).kindProperty().set(ContactKind.MOBILE);
        vm.addresses().get(0).streetProperty().set("Königsallee");
        vm.addresses().get(0).houseNumberProperty().set("12");
        vm.addresses().get(0).postcodeProperty().set("40212");
        vm.addresses().get(0).cityProperty().set("Düsseldorf");
        vm.tagsProperty().set("Kunde, newsletter, kunde");
        vm.sourceKindProperty().set(SourceKind.BUSINESS_CARD);
        vm.sourceDetailProperty().set("Messe Köln");

        vm.save(saved::add);

        assertThat(vm.summaryProperty().get()).isEmpty();
        assertThat(saved).hasSize(1);
        Person p = w.contacts().get(w.principal(), saved.get(0).id());
        assertThat(p.data().familyName()).isEqualTo("Größmann");
        assertThat(p.data().phones().get(0).e164()).isEqualTo("+491712345678");
        assertThat(p.data().addresses().get(0).city()).isEqualTo("Düsseldorf");
        assertThat(p.data().tags()).containsExactly("Kunde", "newsletter");
        assertThat(p.provenance().kind()).isEqualTo(SourceKind.BUSINESS_CARD);
        assertThat(p.provenance().detail()).isEqualTo("Messe Köln");
        assertThat(vm.isNew()).isFalse();
    }

    @Test
    void validationErrorsAreMappedToTheirFieldAndRow() {
        vm.startNew();
        vm.givenNameProperty().set("Jens");
        vm.emails().get(0).valueProperty().set("jens@beispiel.de");
        vm.addEmail();
        vm.emails().get(1).valueProperty().set("   ");
        vm.addEmail();
        vm.emails().get(2).valueProperty().set("kein-at-zeichen");
        vm.addresses().get(0).postcodeProperty().set("1234");
        vm.addresses().get(0).cityProperty().set("Berlin");
        vm.birthDateProperty().set(TODAY.plusDays(3));

        vm.save(saved::add);

        assertThat(saved).isEmpty();
        // A given name is enough to tell the person apart (address books export such contacts).
        assertThat(vm.errors()).containsOnlyKeys("birthDate");
        assertThat(vm.emails().get(0).errorProperty().get()).isEmpty();
        assertThat(vm.emails().get(1).errorProperty().get()).isEmpty();
        assertThat(vm.emails().get(2).errorProperty().get())
                .isEqualTo("'kein-at-zeichen' is not a valid e-mail address.");
        assertThat(vm.addresses().get(0).errors()).containsOnlyKeys("postcode");
        assertThat(vm.summaryProperty().get()).isEqualTo("3 fields are invalid.");
        assertThat(w.contacts().count(w.principal())).isZero();

        vm.familyNameProperty().set("Größmann");
        vm.emails().get(2).valueProperty().set("jens@example.org");
        vm.addresses().get(0).postcodeProperty().set("10115");
        vm.birthDateProperty().set(null);
        vm.save(saved::add);
        assertThat(saved).hasSize(1);
        assertThat(vm.errors()).isEmpty();
        assertThat(vm.summaryProperty().get()).isEmpty();
        assertThat(saved.get(0).data().emails()).hasSize(2);
    }

    @Test
    void germanMessagesAtTheField() {
        PersonFormViewModel de = new PersonFormViewModel(w.contacts(), w.organisations(), w.principal(),
                new DirectTaskRunner(), new UiText(Locale.GERMAN));
        de.familyNameProperty().set("Müller");
        de.emails().get(0).valueProperty().set("müller@");
        de.save(saved::add);
        assertThat(de.emails().get(0).errorProperty().get()).isEqualTo("„müller@“ ist keine gültige E-Mail-Adresse.");
        assertThat(de.summaryProperty().get()).isEqualTo("Ein Feld ist ungültig.");
    }

    @Test
    void staleSaveShowsTheMessageAndReloadBringsTheStoredVersion() {
        Person p = w.contacts().create(w.principal(), PersonData.named("Maria", "Müller"), ProvenanceInput.manual());
        vm.edit(p);
        w.contacts().update(w.principal(), p.id(), p.version(), p.data().withOrganisation("Neue Firma AG"));

        vm.jobTitleProperty().set("Einkauf");
        vm.save(saved::add);

        assertThat(saved).isEmpty();
        assertThat(vm.staleProperty().get()).isTrue();
        assertThat(vm.summaryProperty().get()).startsWith("Someone else changed this person")
                .contains("Reload it");

        vm.reload();
        assertThat(vm.staleProperty().get()).isFalse();
        assertThat(vm.summaryProperty().get()).isEmpty();
        assertThat(vm.organisationProperty().get()).isEqualTo("Neue Firma AG");
        assertThat(vm.jobTitleProperty().get()).isEmpty();
        vm.jobTitleProperty().set("Einkauf");
        vm.save(saved::add);
        assertThat(saved).singleElement().satisfies(s -> assertThat(s.data().jobTitle()).isEqualTo("Einkauf"));
    }

    @Test
    void suggestsOrganisationsWhileTyping() {
        w.contacts().create(w.principal(),
                PersonData.named("Jens", "Größmann").withOrganisation("Rheinwerk Möbel GmbH"), ProvenanceInput.manual());
        w.contacts().create(w.principal(), PersonData.named("Maria", "Müller").withOrganisation("Kontor AG"),
                ProvenanceInput.manual());
        vm.loadSuggestions();
        assertThat(vm.suggestOrganisations("mobel")).containsExactly("Rheinwerk Möbel GmbH");
        assertThat(vm.suggestOrganisations("AG")).containsExactly("Kontor AG");
        assertThat(vm.suggestOrganisations(" ")).isEmpty();
    }

    @Test
    void editFillsTheFields() {
        Person p = w.contacts().create(w.principal(), PersonData.named("Maria", "Müller")
                .withBirthDate(LocalDate.of(1975, 1, 2)), ProvenanceInput.manual());
        vm.edit(p);
        assertThat(vm.isNew()).isFalse();
        assertThat(vm.givenNameProperty().get()).isEqualTo("Maria");
        assertThat(vm.birthDateProperty().get()).isEqualTo(LocalDate.of(1975, 1, 2));
        assertThat(vm.emails()).hasSize(1);
        assertThat(vm.emails().get(0).valueProperty().get()).isEmpty();
    }
}
