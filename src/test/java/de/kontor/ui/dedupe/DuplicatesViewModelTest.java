package de.kontor.ui.dedupe;

import static org.assertj.core.api.Assertions.assertThat;

import de.kontor.app.Workspace;
import de.kontor.dedupe.Match;
import de.kontor.domain.ContactKind;
import de.kontor.domain.EmailAddress;
import de.kontor.domain.Person;
import de.kontor.domain.PersonData;
import de.kontor.domain.PhoneNumber;
import de.kontor.domain.ProvenanceInput;
import de.kontor.domain.SourceKind;
import de.kontor.testing.TestWorkspaces;
import de.kontor.ui.UiText;
import de.kontor.ui.dedupe.DuplicatesViewModel.FieldRow;
import de.kontor.ui.dedupe.DuplicatesViewModel.Side;
import de.kontor.ui.task.DirectTaskRunner;
import de.kontor.ui.task.TaskRunner;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuplicatesViewModelTest {
    @TempDir
    Path dir;
    private Workspace w;
    private DuplicatesViewModel vm;
    private Person a;
    private Person b;

    @BeforeEach
    void setUp() {
        w = TestWorkspaces.create(dir);
        a = add(new PersonData(null, null, "Jürgen", "Müller", LocalDate.of(1970, 4, 12), null, null, null,
                List.of(new EmailAddress(ContactKind.WORK, "j.mueller@example.de")), List.of(), List.of(), List.of(),
                null));
        b = add(new PersonData(null, "Dr.", "Juergen", "Mueller", LocalDate.of(1970, 4, 12), null, null, null,
                List.of(new EmailAddress(ContactKind.WORK, "j.mueller@example.de")),
                List.of(PhoneNumber.of(ContactKind.MOBILE, "0171 2345678")), List.of(), List.of(), null));
        add(PersonData.named("Thomas", "Schulz"));
        vm = new DuplicatesViewModel(w.dedupe(), w.contacts(), w.principal(), new DirectTaskRunner(),
                new UiText(Locale.ENGLISH));
    }

    private Person add(PersonData d) {
        return w.contacts().create(w.principal(), d, ProvenanceInput.of(SourceKind.MANUAL, ""));
    }

    @AfterEach
    void tearDown() {
        w.close();
    }

    @Test
    void scanListsThePairWithLevelAndNamesAndReportsProgress() {
        vm.scan();
        assertThat(vm.scanningProperty().get()).isFalse();
        assertThat(vm.progressProperty().get()).isEqualTo(1.0);
        assertThat(vm.pairs()).hasSize(1);
        DuplicatesViewModel.PairRow p = vm.pairs().get(0);
        assertThat(List.of(p.idA(), p.idB())).containsExactlyInAnyOrder(a.id(), b.id());
        assertThat(p.level()).isEqualTo(Match.Level.CERTAIN);
        assertThat(List.of(p.nameA(), p.nameB())).contains("Jürgen Müller", "Juergen Mueller");
        assertThat(vm.statusProperty().get()).isEqualTo("1 pair(s) to review.");
    }

    @Test
    void aScanCancelledWhileRunningShowsNoPairs() {
        DirectTaskRunner direct = new DirectTaskRunner();
        DuplicatesViewModel[] holder = new DuplicatesViewModel[1];
        TaskRunner pressingCancel = new TaskRunner() {
            @Override
            public <T> void run(String what, Callable<T> work, Consumer<? super T> onSuccess,
                    Consumer<Throwable> onFailure) {
                holder[0].cancel(); // the user presses cancel while the scan runs
                direct.run(what, work, onSuccess, onFailure);
            }

            @Override
            public de.kontor.ui.task.TaskFailures failures() {
                return direct.failures();
            }

            @Override
            public Runnable debounced(Runnable action, java.time.Duration delay) {
                return action;
            }

            @Override
            public javafx.beans.property.ReadOnlyBooleanProperty busyProperty() {
                return direct.busyProperty();
            }
        };
        holder[0] = new DuplicatesViewModel(w.dedupe(), w.contacts(), w.principal(), pressingCancel,
                new UiText(Locale.ENGLISH));
        holder[0].scan();
        assertThat(holder[0].pairs()).isEmpty();
        assertThat(holder[0].scanningProperty().get()).isFalse();
        assertThat(holder[0].statusProperty().get()).isEqualTo("Scan cancelled.");
    }

    @Test
    void reviewShowsBothSidesWithDifferencesAndMergeUsesTheChosenSide() {
        vm.scan();
        vm.select(vm.pairs().get(0));
        DuplicatesViewModel.Review r = vm.reviewProperty().get();
        assertThat(r).isNotNull();
        FieldRow given = r.fields().stream().filter(f -> f.field().equals("givenName")).findFirst().orElseThrow();
        assertThat(given.differs()).isTrue();
        assertThat(given.choosable()).isTrue();
        FieldRow emails = r.fields().stream().filter(f -> f.field().equals("emails")).findFirst().orElseThrow();
        assertThat(emails.differs()).isFalse();
        assertThat(emails.choosable()).isFalse();
        FieldRow title = r.fields().stream().filter(f -> f.field().equals("title")).findFirst().orElseThrow();
        // Only one side has a title: that side is chosen by default.
        assertThat(vm.choices().get("title")).isEqualTo(title.valueA().isEmpty() ? Side.B : Side.A);

        Person bSide = r.b();
        vm.choose("givenName", Side.B);
        vm.merge();

        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.pairs()).isEmpty();
        Person kept = w.contacts().get(w.principal(), r.a().id());
        assertThat(kept.data().givenName()).isEqualTo(bSide.data().givenName());
        assertThat(kept.data().title()).isEqualTo("Dr.");
        assertThat(kept.data().phones()).hasSize(1);
        assertThat(kept.data().emails()).hasSize(1);
        assertThat(w.contacts().count(w.principal())).isEqualTo(2);
    }

    @Test
    void staleMergeShowsTheMessageAndChangesNothing() {
        vm.scan();
        vm.select(vm.pairs().get(0));
        DuplicatesViewModel.Review r = vm.reviewProperty().get();
        Person other = r.b();
        w.contacts().update(w.principal(), other.id(), other.version(), new PersonData(null, null, "Juergen",
                "Mueller", LocalDate.of(1970, 4, 12), "de", null, null, other.data().emails(), other.data().phones(),
                List.of(), List.of(), null));

        vm.merge();

        assertThat(vm.errorProperty().get()).isNotEmpty();
        assertThat(vm.pairs()).hasSize(1);
        assertThat(w.contacts().count(w.principal())).isEqualTo(3);
    }

    @Test
    void restrictedMergeShowsTheMessage() {
        vm.scan();
        vm.select(vm.pairs().get(0));
        w.restrictions().restrict(w.principal(), vm.reviewProperty().get().b().id(), "Widerspruch", null);

        vm.merge();

        assertThat(vm.errorProperty().get()).isNotEmpty();
        assertThat(w.contacts().count(w.principal())).isEqualTo(3);
    }

    @Test
    void notADuplicateIsRememberedAndSkipOnlyMovesOn() {
        vm.scan();
        vm.select(vm.pairs().get(0));
        vm.skip();
        assertThat(vm.pairs()).isEmpty();
        vm.scan();
        assertThat(vm.pairs()).hasSize(1);

        vm.select(vm.pairs().get(0));
        vm.distinct();
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.pairs()).isEmpty();
        vm.scan();
        assertThat(vm.pairs()).isEmpty();
        assertThat(vm.statusProperty().get()).isEqualTo("No possible duplicates found.");
    }
}
