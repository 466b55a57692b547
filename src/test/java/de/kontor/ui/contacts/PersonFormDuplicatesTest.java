package de.kontor.ui.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import de.kontor.app.Workspace;
import de.kontor.dedupe.Match;
import de.kontor.domain.ContactKind;
import de.kontor.domain.EmailAddress;
import de.kontor.domain.Person;
import de.kontor.domain.PersonData;
import de.kontor.domain.ProvenanceInput;
import de.kontor.domain.SourceKind;
import de.kontor.testing.TestWorkspaces;
import de.kontor.ui.UiText;
import de.kontor.ui.dedupe.DuplicateHint;
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

/** The live duplicate check of the person form and "merge instead". */
class PersonFormDuplicatesTest {
    @TempDir
    Path dir;
    private Workspace w;
    private PersonFormViewModel vm;
    private Person existing;
    private final List<Person> opened = new ArrayList<>();

    @BeforeEach
    void setUp() {
        w = TestWorkspaces.create(dir);
        existing = w.contacts().create(w.principal(), new PersonData(null, null, "Jürgen", "Müller",
                LocalDate.of(1970, 4, 12), null, null, null,
                List.of(new EmailAddress(ContactKind.WORK, "j.mueller@example.de")), List.of(), List.of(), List.of(),
                null), ProvenanceInput.of(SourceKind.MANUAL, ""));
        vm = new PersonFormViewModel(w.contacts(), w.organisations(), w.suppression(), w.dedupe(), w.principal(),
                new DirectTaskRunner(), new UiText(Locale.GERMAN));
    }

    @AfterEach
    void tearDown() {
        w.close();
    }

    private void typeNearDuplicate() {
        vm.startNew();
        vm.givenNameProperty().set("Juergen");
        vm.familyNameProperty().set("Mueller");
        vm.birthDateProperty().set(LocalDate.of(1970, 4, 12));
        vm.phones().get(0).valueProperty().set("0171 2345678");
    }

    @Test
    void possibleDuplicatesAppearWhileTypingWithScoreAndReasons() {
        vm.startNew();
        assertThat(vm.duplicates()).isEmpty();
        typeNearDuplicate();
        assertThat(vm.duplicates()).hasSize(1);
        DuplicateHint h = vm.duplicates().get(0);
        assertThat(h.personId()).isEqualTo(existing.id());
        assertThat(h.name()).isEqualTo("Jürgen Müller");
        assertThat(h.level()).isEqualTo(Match.Level.CERTAIN);
        assertThat(h.score()).isPositive();
        assertThat(h.reasons()).contains("Geburtsdatum gleich");

        vm.givenNameProperty().set("");
        vm.familyNameProperty().set("");
        vm.birthDateProperty().set(null);
        vm.phones().get(0).valueProperty().set("");
        assertThat(vm.duplicates()).isEmpty();
    }

    @Test
    void thePersonBeingEditedIsNotItsOwnDuplicate() {
        vm.edit(existing);
        vm.checkDuplicates();
        assertThat(vm.duplicates()).isEmpty();
    }

    @Test
    void mergeInsteadAddsTheTypedContactsToTheExistingPersonAndCreatesNobody() {
        typeNearDuplicate();
        vm.emails().get(0).valueProperty().set("juergen@privat.example");

        vm.mergeInto(existing.id(), opened::add);

        assertThat(vm.summaryProperty().get()).isEmpty();
        assertThat(opened).extracting(Person::id).containsExactly(existing.id());
        assertThat(w.contacts().count(w.principal())).isEqualTo(1);
        Person p = w.contacts().get(w.principal(), existing.id());
        assertThat(p.data().givenName()).isEqualTo("Jürgen");
        assertThat(p.data().emails()).extracting(EmailAddress::address)
                .containsExactly("j.mueller@example.de", "juergen@privat.example");
        assertThat(p.data().phones()).extracting(ph -> ph.e164()).containsExactly("+491712345678");
    }

    @Test
    void mergeInsteadIntoARestrictedPersonShowsTheMessage() {
        w.restrictions().restrict(w.principal(), existing.id(), "Widerspruch", null);
        typeNearDuplicate();

        vm.mergeInto(existing.id(), opened::add);

        assertThat(opened).isEmpty();
        assertThat(vm.summaryProperty().get()).isNotEmpty();
        assertThat(vm.busyProperty().get()).isFalse();
    }
}
