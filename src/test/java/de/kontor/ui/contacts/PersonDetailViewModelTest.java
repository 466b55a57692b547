package de.kontor.ui.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import de.kontor.app.Workspace;
import de.kontor.domain.ActivityKind;
import de.kontor.domain.Person;
import de.kontor.domain.PersonData;
import de.kontor.domain.ProvenanceInput;
import de.kontor.domain.SourceKind;
import de.kontor.domain.audit.AuditAction;
import de.kontor.testing.TestWorkspaces;
import de.kontor.ui.UiText;
import de.kontor.ui.task.DirectTaskRunner;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersonDetailViewModelTest {
    @TempDir
    Path dir;
    private Workspace w;
    private PersonDetailViewModel vm;
    private Person person;
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

    @BeforeEach
    void setUp() {
        w = TestWorkspaces.create(dir, TestWorkspaces.fixedAt(TODAY));
        person = w.contacts().create(w.principal(), PersonData.named("Jens", "Größmann"),
                ProvenanceInput.of(SourceKind.BUSINESS_CARD, "Messe Köln"));
        vm = new PersonDetailViewModel(w.contacts(), w.activities(), w.audit(), w.erasure(), w.principal(),
                new DirectTaskRunner(), new UiText(Locale.ENGLISH), w.clock());
    }

    @AfterEach
    void tearDown() {
        w.close();
    }

    @Test
    void loadsPersonProvenanceAndHistory() {
        vm.load(person.id());
        assertThat(vm.personProperty().get().provenance().detail()).isEqualTo("Messe Köln");
        assertThat(vm.history()).extracting(e -> e.field()).contains("familyName", "source");
        assertThat(vm.history()).allMatch(e -> e.action() == AuditAction.CREATE);
        assertThat(vm.newDateProperty().get()).as("the workspace clock's day").isEqualTo(TODAY);
    }

    @Test
    void addsAnActivityAndRefusesOneWithoutSubject() {
        vm.load(person.id());
        vm.newKindProperty().set(ActivityKind.MEETING);
        vm.newDateProperty().set(LocalDate.of(2026, 3, 2));
        vm.newSubjectProperty().set("Angebot besprochen");
        vm.newTextProperty().set("Rückruf nächste Woche");
        vm.addActivity();
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.activities()).singleElement().satisfies(a -> {
            assertThat(a.data().kind()).isEqualTo(ActivityKind.MEETING);
            assertThat(a.data().subject()).isEqualTo("Angebot besprochen");
        });
        assertThat(vm.newSubjectProperty().get()).isEmpty();

        vm.addActivity();
        assertThat(vm.errorProperty().get()).isEqualTo("The activity was not saved. Subject: Required.");
        assertThat(vm.activities()).hasSize(1);
    }

    @Test
    void deletesThePerson() {
        vm.load(person.id());
        AtomicBoolean deleted = new AtomicBoolean();
        vm.delete(() -> deleted.set(true));
        assertThat(deleted).isTrue();
        assertThat(vm.personProperty().get()).isNull();
        assertThat(w.contacts().count(w.principal())).isZero();
    }
}
