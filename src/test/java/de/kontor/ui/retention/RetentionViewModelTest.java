package de.kontor.ui.retention;

import static org.assertj.core.api.Assertions.assertThat;

import de.kontor.app.Workspace;
import de.kontor.domain.Person;
import de.kontor.domain.PersonData;
import de.kontor.domain.ProvenanceInput;
import de.kontor.domain.retention.ItemType;
import de.kontor.domain.retention.RetentionPeriod;
import de.kontor.privacy.RetentionService;
import de.kontor.testing.TestWorkspaces;
import de.kontor.ui.UiText;
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

/** The deletion concept screen on a real encrypted database. */
class RetentionViewModelTest {
    @TempDir
    Path dir;
    private Workspace w;
    private RetentionViewModel vm;
    private Person prospect;
    private final UiText text = new UiText(Locale.ENGLISH);
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

    @BeforeEach
    void setUp() {
        w = TestWorkspaces.create(dir.resolve("data"), TestWorkspaces.fixedAt(TODAY));
        prospect = w.contacts().create(w.principal(), PersonData.named("Paula", "Probst"), ProvenanceInput.manual());
        vm = new RetentionViewModel(w.retention(), w.contacts(), w.principal(), new DirectTaskRunner(), text,
                w.clock());
        vm.load();
    }

    @AfterEach
    void tearDown() {
        w.close();
    }

    private LocalDate today() {
        return TODAY;
    }

    @Test
    void showsTheRulesAndNothingDueToday() {
        assertThat(vm.categories()).extracting(c -> c.key()).contains("prospect", "customer", "order", "note");
        assertThat(vm.asOfProperty().get()).as("the workspace clock's day").isEqualTo(TODAY);
        assertThat(vm.suggestedPostponeDate()).isEqualTo(LocalDate.of(2026, 9, 15));
        assertThat(vm.rows()).isEmpty();
    }

    @Test
    void aProspectIsDueTwoYearsAheadAndApplyingAfterThePreviewErasesIt() {
        vm.asOfProperty().set(today().plusYears(2));
        assertThat(vm.rows()).hasSize(1);
        RetentionViewModel.DueRow row = vm.rows().get(0);
        assertThat(row.item().type()).isEqualTo(ItemType.PERSON);
        assertThat(row.person()).isEqualTo("Paula Probst");
        assertThat(row.category()).isEqualTo("Prospects without a contract");
        assertThat(row.action()).isEqualTo("delete");
        assertThat(row.due()).isEqualTo(text.date(today().plusYears(1)));

        AtomicReference<RetentionService.ApplyResult> preview = new AtomicReference<>();
        vm.preview(preview::set);
        assertThat(preview.get().dryRun()).isTrue();
        assertThat(vm.summary(preview.get())).contains("would delete 1 people");
        assertThat(w.contacts().count(w.principal())).isEqualTo(1);

        vm.apply();
        assertThat(vm.workingProperty().get()).isFalse();
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.messageProperty().get()).contains("1 people");
        assertThat(vm.rows()).isEmpty();
        assertThat(w.contacts().count(w.principal())).isZero();
    }

    @Test
    void applyingToTheSelectedRowsLeavesTheOthersDue() {
        Person other = w.contacts().create(w.principal(), PersonData.named("Otto", "Offen"), ProvenanceInput.manual());
        vm.asOfProperty().set(today().plusYears(2));
        assertThat(vm.rows()).hasSize(2);
        RetentionViewModel.DueRow paula = vm.rows().stream().filter(r -> r.person().equals("Paula Probst"))
                .findFirst().orElseThrow();

        AtomicReference<RetentionService.ApplyResult> preview = new AtomicReference<>();
        vm.preview(List.of(paula), preview::set);
        assertThat(vm.summary(preview.get())).contains("would delete 1 people");

        vm.apply(List.of(paula));
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.messageProperty().get()).contains("1 people");
        assertThat(vm.rows()).singleElement().satisfies(r -> assertThat(r.item().itemId()).isEqualTo(other.id()));
        assertThat(w.contacts().count(w.principal())).isEqualTo(1);
    }

    @Test
    void lookAheadAndPostponeWithReason() {
        vm.asOfProperty().set(today().plusYears(1).minusDays(30));
        assertThat(vm.rows()).isEmpty();
        vm.dueOnlyProperty().set(false);
        assertThat(vm.rows()).hasSize(1);

        vm.postpone(vm.rows().subList(0, 1), today().plusYears(3), "Rechtsstreit anhängig");
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.messageProperty().get()).contains("1 item(s) postponed");
        assertThat(vm.rows()).isEmpty();
        vm.asOfProperty().set(today().plusYears(3));
        assertThat(vm.rows()).singleElement().satisfies(r -> assertThat(r.postponed()).isEqualTo("Rechtsstreit anhängig"));

        vm.postpone(vm.rows(), today().plusYears(4), " ");
        assertThat(vm.errorProperty().get()).isEqualTo("A postponement needs a documented reason.");
    }

    @Test
    void editsARuleAndPrintsTheConcept() throws Exception {
        vm.selectedProperty().set(vm.categories().stream().filter(c -> c.key().equals("prospect")).findFirst()
                .orElseThrow());
        assertThat(vm.periodProperty().get()).isEqualTo(RetentionPeriod.YEARS_1);
        vm.periodProperty().set(RetentionPeriod.YEARS_3);
        vm.saveRule();
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(w.retention().rules(w.principal())).filteredOn(c -> c.key().equals("prospect"))
                .singleElement().satisfies(c -> assertThat(c.period()).isEqualTo(RetentionPeriod.YEARS_3));
        vm.asOfProperty().set(today().plusYears(2));
        assertThat(vm.rows()).isEmpty();

        Path pdf = dir.resolve("concept.pdf");
        vm.saveConcept(pdf);
        assertThat(new String(Files.readAllBytes(pdf), 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1))
                .isEqualTo("%PDF-");
    }

    @Test
    void dashboardCardCountsDueTodayAndSoon() {
        w.retention().assign(w.principal(), prospect.id(), "prospect", today().minusYears(2));
        Person soon = w.contacts().create(w.principal(), PersonData.named("Sören", "Bald"), ProvenanceInput.manual());
        w.retention().assign(w.principal(), soon.id(), "prospect", today().minusYears(1).plusDays(10));
        DueSummaryViewModel card = new DueSummaryViewModel(w.retention(), w.principal(), new DirectTaskRunner(), text,
                w.clock());
        card.load();
        assertThat(card.dueTodayProperty().get()).isEqualTo(1);
        assertThat(card.dueSoonProperty().get()).isEqualTo(1);
        assertThat(card.summaryProperty().get()).isEqualTo("1 item(s) due today, 1 more within 30 days.");
    }
}
