package de.kontor.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import de.kontor.app.Workspace;
import de.kontor.domain.EmailAddress;
import de.kontor.domain.Person;
import de.kontor.domain.PersonData;
import de.kontor.domain.ProvenanceInput;
import de.kontor.domain.SourceKind;
import de.kontor.domain.privacy.ConsentMethod;
import de.kontor.domain.privacy.ConsentStatus;
import de.kontor.domain.privacy.LawfulBasis;
import de.kontor.store.DataFolder;
import de.kontor.testing.MutableClock;
import de.kontor.testing.TestWorkspaces;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DashboardServiceTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @TempDir
    Path dir;
    MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"), BERLIN);
    Workspace w;
    Person eva;
    Person otto;
    Person lisa;

    @BeforeEach
    void setUp() {
        w = Workspace.create(new DataFolder(dir), TestWorkspaces.OWNER, TestWorkspaces.PASSWORD.toCharArray(),
                new Workspace.Options(clock, new SecureRandom(), TestWorkspaces.CHEAP));
        eva = w.contacts().create(w.principal(), PersonData.named("Eva", "Zimmermann")
                .withEmails(List.of(EmailAddress.work("eva@example.de"))), ProvenanceInput.manual());
        otto = w.contacts().create(w.principal(), PersonData.named("Otto", "Brückner")
                .withEmails(List.of(EmailAddress.work("otto@example.de"))), ProvenanceInput.of(SourceKind.IMPORT, "liste.csv"));
        lisa = w.contacts().create(w.principal(), PersonData.named("Lisa", "Kaya"),
                ProvenanceInput.of(SourceKind.REFERRAL, "Herr Maier"));
        w.purposes().addText(w.principal(), "newsletter", "2026-1", "Ja, Newsletter.");
        w.purposes().addText(w.principal(), "events", "2026-1", "Ja, Einladungen.");
    }

    @AfterEach
    void tearDown() {
        w.close();
    }

    @Test
    void emptyDatabaseNeedsNoAttentionButTheImportedPeople() {
        Dashboard d = w.dashboard().load(w.principal());
        assertThat(d.consentsEnding()).isEmpty();
        assertThat(d.basesEnding()).isEmpty();
        assertThat(d.pendingOptIns()).isEmpty();
        assertThat(d.informationDue()).extracting(Dashboard.InformationDue::personId).containsExactly(otto.id(), lisa.id());
        assertThat(d.informationDue().get(0).informBy()).isEqualTo(LocalDate.of(2026, 4, 2));
        assertThat(d.informationDue().get(0).source()).isEqualTo(SourceKind.IMPORT);
        assertThat(d.informationDue().get(0).personName()).isEqualTo("Brückner, Otto");
        assertThat(d.statusByPurpose()).containsOnlyKeys("customer-service", "accounting", "newsletter", "events",
                "customer-advertising");
    }

    @Test
    void informedPeopleLeaveTheInformationList() {
        w.consents().informed(w.principal(), otto.id(), "DS-2026-01", "letter", null);
        assertThat(w.dashboard().load(w.principal()).informationDue()).extracting(Dashboard.InformationDue::personId)
                .containsExactly(lisa.id());
    }

    @Test
    void consentsAndBasesEndingWithinThirtyDays() {
        w.consents().grant(w.principal(), eva.id(), "newsletter", ConsentMethod.WRITTEN_FORM, "2026-1", null, null,
                LocalDate.of(2026, 3, 20));
        w.consents().grant(w.principal(), otto.id(), "newsletter", ConsentMethod.WRITTEN_FORM, "2026-1", null, null,
                LocalDate.of(2026, 6, 1));
        w.consents().setBasis(w.principal(), eva.id(), "customer-service", LawfulBasis.CONTRACT,
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31), "Vertrag 17", null);
        w.consents().setBasis(w.principal(), otto.id(), "customer-service", LawfulBasis.CONTRACT,
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), null, null);

        Dashboard d = w.dashboard().load(w.principal());
        assertThat(d.consentsEnding()).singleElement().satisfies(c -> {
            assertThat(c.personId()).isEqualTo(eva.id());
            assertThat(c.expiresOn()).isEqualTo(LocalDate.of(2026, 3, 20));
        });
        assertThat(d.basesEnding()).singleElement().satisfies(b -> {
            assertThat(b.personId()).isEqualTo(eva.id());
            assertThat(b.purposeKey()).isEqualTo("customer-service");
            assertThat(b.validUntil()).isEqualTo(LocalDate.of(2026, 3, 31));
        });
        assertThat(d.statusByPurpose().get("newsletter")).containsEntry(ConsentStatus.GIVEN, 2);
    }

    @Test
    void pendingOptInsShowAgeAndStaleness() {
        w.consents().setStaleDays(w.principal(), 7);
        w.consents().request(w.principal(), eva.id(), "newsletter", ConsentMethod.DOUBLE_OPT_IN, "2026-1");
        clock.advance(Duration.ofDays(8));
        w.consents().request(w.principal(), otto.id(), "events", ConsentMethod.DOUBLE_OPT_IN, "2026-1");
        clock.advance(Duration.ofDays(1));

        Dashboard d = w.dashboard().load(w.principal());
        assertThat(d.pendingOptIns()).extracting(Dashboard.PendingOptIn::personId, Dashboard.PendingOptIn::ageDays,
                Dashboard.PendingOptIn::stale)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(eva.id(), 9L, true),
                        org.assertj.core.groups.Tuple.tuple(otto.id(), 1L, false));
        assertThat(d.statusByPurpose().get("events")).containsEntry(ConsentStatus.PENDING_DOUBLE_OPT_IN, 1);
    }

    @Test
    void staleDaysSettingIsCheckedAndAudited() {
        w.consents().setStaleDays(w.principal(), 14);
        assertThat(w.consents().staleDays()).isEqualTo(14);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> w.consents().setStaleDays(w.principal(), 0))
                .isInstanceOf(de.kontor.domain.ValidationException.class);
        assertThat(w.consents().staleDays()).isEqualTo(14);
        assertThat(w.audit().log(w.principal(), null, 50)).anyMatch(e -> ConsentService.STALE_DAYS_SETTING.equals(e.field())
                && "14".equals(e.newValue()));
    }
}
