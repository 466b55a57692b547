package de.kontor.ui.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import de.kontor.app.Workspace;
import de.kontor.domain.EmailAddress;
import de.kontor.domain.Person;
import de.kontor.domain.PersonData;
import de.kontor.domain.ProvenanceInput;
import de.kontor.domain.SourceKind;
import de.kontor.domain.privacy.ConsentMethod;
import de.kontor.domain.privacy.ConsentStatus;
import de.kontor.store.DataFolder;
import de.kontor.testing.MutableClock;
import de.kontor.testing.TestWorkspaces;
import de.kontor.ui.UiText;
import de.kontor.ui.task.DirectTaskRunner;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DashboardViewModelTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @TempDir
    Path dir;
    MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"), BERLIN);
    Workspace w;
    Person eva;
    Person otto;
    DashboardViewModel vm;

    @BeforeEach
    void setUp() {
        w = Workspace.create(new DataFolder(dir), TestWorkspaces.OWNER, TestWorkspaces.PASSWORD.toCharArray(),
                new Workspace.Options(clock, new SecureRandom(), TestWorkspaces.CHEAP));
        eva = w.contacts().create(w.principal(), PersonData.named("Eva", "Zimmermann")
                .withEmails(List.of(EmailAddress.work("eva@example.de"))), ProvenanceInput.manual());
        otto = w.contacts().create(w.principal(), PersonData.named("Otto", "Brückner")
                .withEmails(List.of(EmailAddress.work("otto@example.de"))), ProvenanceInput.of(SourceKind.IMPORT, "liste.csv"));
        w.purposes().addText(w.principal(), "newsletter", "2026-1", "Ja, Newsletter.");
        vm = new DashboardViewModel(w.dashboard(), w.purposes(), w.principal(), new DirectTaskRunner(),
                new UiText(new de.kontor.i18n.Messages(Locale.GERMAN), BERLIN));
    }

    @AfterEach
    void tearDown() {
        w.close();
    }

    @Test
    void linesOpenPeopleAndStaleRequestsAreFlagged() {
        w.consents().grant(w.principal(), eva.id(), "newsletter", ConsentMethod.WRITTEN_FORM, "2026-1", null, null,
                LocalDate.of(2026, 3, 20));
        w.consents().request(w.principal(), otto.id(), "newsletter", ConsentMethod.DOUBLE_OPT_IN, "2026-1");
        clock.advance(Duration.ofDays(33));
        vm.load();
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.consentsEnding()).isEmpty(); // 20 March is before the new today (4 April)
        assertThat(vm.pending()).singleElement().satisfies(i -> {
            assertThat(i.personId()).isEqualTo(otto.id());
            assertThat(i.flagged()).isTrue();
            assertThat(i.text()).isEqualTo("Brückner, Otto · Newsletter · vor 33 Tagen angefragt · veraltet");
        });
        assertThat(vm.informationDue()).singleElement().satisfies(i -> {
            assertThat(i.personId()).isEqualTo(otto.id());
            assertThat(i.text()).startsWith("Brückner, Otto · Importdatei · informieren bis ");
            assertThat(i.flagged()).isTrue();
        });
        assertThat(vm.chartPurposes()).hasSize(5).contains("Newsletter");
        assertThat(vm.statusCounts()).extracting(DashboardViewModel.StatusCount::status,
                DashboardViewModel.StatusCount::count)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(ConsentStatus.GIVEN, 1),
                        org.assertj.core.groups.Tuple.tuple(ConsentStatus.PENDING_DOUBLE_OPT_IN, 1));
    }

    @Test
    void consentEndingSoonIsListed() {
        w.consents().grant(w.principal(), eva.id(), "newsletter", ConsentMethod.WRITTEN_FORM, "2026-1", null, null,
                LocalDate.of(2026, 3, 20));
        vm.load();
        assertThat(vm.consentsEnding()).singleElement().satisfies(i -> {
            assertThat(i.personId()).isEqualTo(eva.id());
            assertThat(i.text()).isEqualTo("Zimmermann, Eva · Newsletter · endet am 20.03.2026");
        });
    }
}
