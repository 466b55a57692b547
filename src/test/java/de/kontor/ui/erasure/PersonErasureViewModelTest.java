package de.kontor.ui.erasure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.kontor.app.Workspace;
import de.kontor.domain.ActivityData;
import de.kontor.domain.ActivityKind;
import de.kontor.domain.EmailAddress;
import de.kontor.domain.KontorException;
import de.kontor.domain.Person;
import de.kontor.domain.PersonData;
import de.kontor.domain.ProvenanceInput;
import de.kontor.privacy.ErasureResult;
import de.kontor.privacy.ErasureService;
import de.kontor.testing.TestWorkspaces;
import de.kontor.ui.UiText;
import de.kontor.ui.contacts.ContactListViewModel;
import de.kontor.ui.contacts.PersonFormViewModel;
import de.kontor.ui.contacts.ContactRow;
import de.kontor.ui.settings.SuppressionViewModel;
import de.kontor.ui.task.DirectTaskRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Erase, anonymise, restrict and the re-entry block, on a real encrypted database. */
class PersonErasureViewModelTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
    @TempDir
    Path dir;
    private Workspace w;
    private PersonErasureViewModel vm;
    private Person jens;
    private final UiText text = new UiText(Locale.ENGLISH);
    private final DirectTaskRunner runner = new DirectTaskRunner();

    @BeforeEach
    void setUp() {
        w = TestWorkspaces.create(dir.resolve("data"), TestWorkspaces.fixedAt(TODAY));
        jens = w.contacts().create(w.principal(), PersonData.named("Jens", "Größmann")
                .withEmails(List.of(EmailAddress.work("jens@beispiel.de"))), ProvenanceInput.manual());
        vm = new PersonErasureViewModel(w.erasure(), w.restrictions(), w.retention(), w.principal(), runner, text);
        vm.load(jens.id());
    }

    @AfterEach
    void tearDown() {
        w.close();
    }

    @Test
    void erasesAndShowsTheResultWithACertificate() throws Exception {
        w.activities().add(w.principal(), jens.id(), new ActivityData(ActivityKind.NOTE, w.clock().instant(), "Anruf", null));
        AtomicReference<ErasureResult> done = new AtomicReference<>();
        vm.erase(false, done::set);
        assertThat(vm.workingProperty().get()).isFalse();
        assertThat(done.get().kind()).isEqualTo(ErasureService.ERASED);
        assertThat(vm.messageProperty().get()).isEqualTo("The person was erased completely.");
        assertThat(vm.resultLines(done.get())).contains("Erased: E-mail addresses: 1", "Erased: Notes: 1");
        assertThat(w.contacts().count(w.principal())).isZero();
        Path pdf = dir.resolve("certificate.pdf");
        vm.saveCertificate(pdf);
        assertThat(Files.size(pdf)).isPositive();

        vm.erase(false, r -> { });
        assertThat(vm.errorProperty().get()).startsWith("Person " + jens.id() + " was already erased");
    }

    @Test
    void recordsUnderStatutoryRetentionAreListedWithTheirUntilDate() {
        w.activities().add(w.principal(), jens.id(), new ActivityData(ActivityKind.ORDER, w.clock().instant(), "Auftrag 1",
                null));
        AtomicReference<ErasureResult> done = new AtomicReference<>();
        vm.erase(true, done::set);
        assertThat(done.get().kind()).isEqualTo(ErasureService.RESTRICTED);
        LocalDate until = done.get().retained().get(0).until();
        assertThat(vm.resultLines(done.get())).anyMatch(l -> l.startsWith("Kept: Activity #")
                && l.contains("Orders and invoices") && l.contains(text.date(until)) && l.contains("AO § 147"));
    }

    @Test
    void anonymises() {
        AtomicReference<ErasureResult> done = new AtomicReference<>();
        vm.anonymise(done::set);
        assertThat(done.get().kind()).isEqualTo(ErasureService.ANONYMISED);
        assertThat(w.contacts().get(w.principal(), jens.id()).data().familyName()).isEqualTo("—");
    }

    @Test
    void restrictMakesReadOnlyAndHiddenUnlessTheSwitchIsOn() {
        ContactListViewModel list = new ContactListViewModel(w.contacts(), w.principal(), runner, text);
        vm.restrict("Richtigkeit bestritten", TODAY.plusMonths(2), list::search);
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.restrictedProperty().get()).isTrue();
        assertThat(vm.liftableProperty().get()).isTrue();
        assertThat(vm.restrictionProperty().get()).startsWith("Restricted: Richtigkeit bestritten (since ");
        assertThatThrownBy(() -> w.contacts().update(w.principal(), jens.id(), jens.version(),
                PersonData.named("Jens", "Anders"))).isInstanceOf(KontorException.class);

        assertThat(list.rows()).isEmpty();
        list.includeRestrictedProperty().set(true);
        assertThat(list.rows()).extracting(r -> r.id()).containsExactly(jens.id());
        assertThat(list.restricted()).containsExactly(jens.id());

        PersonFormViewModel form = new PersonFormViewModel(w.contacts(), w.organisations(), w.principal(), runner, text);
        form.edit(w.contacts().get(w.principal(), jens.id()));
        form.familyNameProperty().set("Anders");
        form.save(p -> { });
        assertThat(form.summaryProperty().get()).contains("is restricted");

        vm.lift("Richtigkeit bestätigt", list::search);
        assertThat(vm.restrictedProperty().get()).isFalse();
        assertThat(list.restricted()).isEmpty();
        list.includeRestrictedProperty().set(false);
        assertThat(list.rows()).hasSize(1);

        vm.restrict(" ", null, () -> { });
        assertThat(vm.errorProperty().get()).isEqualTo("Required.");
    }

    @Test
    void categoryAndEndOfRelationship() {
        assertThat(vm.categoryProperty().get().key()).isEqualTo("prospect");
        vm.categoryProperty().set(vm.categories().stream().filter(c -> c.key().equals("customer")).findFirst()
                .orElseThrow());
        vm.relationshipEndedProperty().set(LocalDate.of(2025, 3, 31));
        vm.saveCategory();
        assertThat(vm.messageProperty().get()).isEqualTo("Category Customers saved.");
        vm.load(null);
        vm.load(jens.id());
        assertThat(vm.categoryProperty().get().key()).isEqualTo("customer");
        assertThat(vm.relationshipEndedProperty().get()).isEqualTo(LocalDate.of(2025, 3, 31));
    }

    @Test
    void theEntryFormShowsABlockAtOnceAndTheOwnerCanLiftIt() {
        vm.erase(false, r -> { });
        PersonFormViewModel form = new PersonFormViewModel(w.contacts(), w.organisations(), w.suppression(),
                w.principal(), runner, text);
        form.givenNameProperty().set("Jens");
        form.familyNameProperty().set("Neu");
        assertThat(form.blockedProperty().get()).isEmpty();
        ContactRow email = form.emails().get(0);
        email.valueProperty().set("JENS@beispiel.de ");
        assertThat(form.blockedProperty().get()).startsWith("This person is blocked");
        form.save(p -> { });
        assertThat(form.summaryProperty().get()).contains("must not be entered again");
        email.valueProperty().set("jens.neu@beispiel.de");
        assertThat(form.blockedProperty().get()).isEmpty();
        email.valueProperty().set("jens@beispiel.de");

        SuppressionViewModel lift = new SuppressionViewModel(w.suppression(), w.principal(), runner, text);
        lift.valueProperty().set("jens@beispiel.de");
        lift.reasonProperty().set("");
        lift.lift();
        assertThat(lift.errorProperty().get()).isEqualTo("Required.");
        lift.valueProperty().set("jens@beispiel.de");
        lift.reasonProperty().set("Neue Einwilligung vom 3. März");
        lift.lift();
        assertThat(lift.errorProperty().get()).isEmpty();
        assertThat(lift.messageProperty().get()).startsWith("Block lifted");
        form.checkBlocked();
        assertThat(form.blockedProperty().get()).isEmpty();
        lift.valueProperty().set("jens@beispiel.de");
        lift.reasonProperty().set("nochmal");
        lift.lift();
        assertThat(lift.errorProperty().get()).isEqualTo("This email is not blocked.");
    }
}
