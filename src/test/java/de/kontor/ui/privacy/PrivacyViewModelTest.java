package de.kontor.ui.privacy;

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
import de.kontor.testing.TestWorkspaces;
import de.kontor.ui.UiText;
import de.kontor.ui.task.DirectTaskRunner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivacyViewModelTest {
    @TempDir
    Path dir;
    Workspace w;
    Person eva;
    PrivacyViewModel vm;
    /** Imported on a month end: one month later is February 28th 2026, a Saturday. */
    static final LocalDate TODAY = LocalDate.of(2026, 1, 31);

    @BeforeEach
    void setUp() {
        w = TestWorkspaces.create(dir, TestWorkspaces.fixedAt(TODAY));
        eva = w.contacts().create(w.principal(), PersonData.named("Eva", "Zimmermann")
                .withEmails(List.of(EmailAddress.work("eva@example.de"))), ProvenanceInput.of(SourceKind.IMPORT, "messe.csv"));
        w.purposes().addText(w.principal(), "newsletter", "2026-1", "Ja, Newsletter.");
        w.purposes().addText(w.principal(), "newsletter", "2026-2", "Ja, Newsletter, monatlich.");
        vm = new PrivacyViewModel(w.consents(), w.purposes(), w.principal(), new DirectTaskRunner(),
                new UiText(Locale.ENGLISH), w.clock());
        vm.load(eva.id());
        vm.choose("newsletter");
    }

    @AfterEach
    void tearDown() {
        w.close();
    }

    private PrivacyViewModel.DecisionRow newsletter() {
        return vm.decisions().stream().filter(d -> d.purposeKey().equals("newsletter")).findFirst().orElseThrow();
    }

    @Test
    void showsDecisionsPerActivePurposeAndTheInformByWarning() {
        assertThat(vm.decisions()).extracting(PrivacyViewModel.DecisionRow::purposeKey)
                .containsExactly("customer-service", "accounting", "newsletter", "events", "customer-advertising");
        assertThat(newsletter().allowed()).isFalse();
        assertThat(newsletter().why()).isEqualTo("no lawful basis");
        assertThat(vm.informByProperty().get()).startsWith("Art. 14: inform this person by ")
                .contains(new UiText(Locale.ENGLISH).date(LocalDate.of(2026, 3, 2)));
        assertThat(vm.texts()).extracting(t -> t.version()).containsExactly("2026-1", "2026-2");
        assertThat(vm.textVersionProperty().get().version()).isEqualTo("2026-2");
    }

    @Test
    void grantWithEvidenceAllowsTheNewsletterAndWithdrawEndsIt() {
        vm.methodProperty().set(ConsentMethod.WRITTEN_FORM);
        vm.setEvidence("einwilligung.pdf", "%PDF-1.4 test".getBytes(StandardCharsets.US_ASCII));
        vm.expiresOnProperty().set(TODAY.plusYears(2));
        vm.grant();
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.messageProperty().get()).isEqualTo("Saved.");
        assertThat(newsletter().allowed()).isTrue();
        assertThat(newsletter().why()).startsWith("Consent, Art. 6(1)(a) GDPR, consent of ").endsWith("(text 2026-2)");
        assertThat(vm.consentHistory()).singleElement().satisfies(c -> {
            assertThat(c.status()).isEqualTo(ConsentStatus.GIVEN);
            assertThat(c.evidenceId()).isNotNull();
        });
        assertThat(vm.evidenceNameProperty().get()).isEmpty();

        vm.channelProperty().set("Telefon");
        vm.withdraw();
        assertThat(vm.messageProperty().get()).isEqualTo("1 consent(s) withdrawn.");
        assertThat(newsletter().allowed()).isFalse();
        assertThat(newsletter().why()).isEqualTo("consent withdrawn");
        assertThat(vm.consentHistory().get(0).withdrawalChannel()).isEqualTo("Telefon");
    }

    @Test
    void todayWithoutATimeMeansNowOnTheWorkspaceClock() {
        vm.methodProperty().set(ConsentMethod.WRITTEN_FORM);
        vm.setEvidence("einwilligung.pdf", "%PDF-1.4 test".getBytes(StandardCharsets.US_ASCII));
        vm.givenDateProperty().set(TODAY);
        vm.grant();
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.consentHistory()).singleElement()
                .satisfies(c -> assertThat(c.givenAt()).isEqualTo(w.clock().instant()));
    }

    @Test
    void refusalsAreShownAtTheField() {
        vm.givenDateProperty().set(TODAY.plusDays(3));
        vm.grant();
        assertThat(vm.errors()).containsKey("grant:at");
        assertThat(vm.errorProperty().get()).startsWith("Not saved. The time ");

        vm.givenDateProperty().set(TODAY.minusDays(1));
        vm.givenTimeProperty().set("25:99");
        vm.grant();
        assertThat(vm.errors()).containsEntry("grant:time", "'25:99' is not a time (HH:MM).");

        vm.choose("customer-advertising");
        vm.basisProperty().set(LawfulBasis.LEGITIMATE_INTEREST);
        vm.setBasis();
        assertThat(vm.errors()).containsKey("basis:note");
        vm.basisNoteProperty().set("Bestandskunde, gleichartige Waren, Widerspruch jederzeit möglich (UWG §7(3)).");
        vm.setBasis();
        assertThat(vm.errors()).isEmpty();
        assertThat(vm.basisHistory()).singleElement().satisfies(b -> assertThat(b.basis())
                .isEqualTo(LawfulBasis.LEGITIMATE_INTEREST));

        vm.choose("newsletter");
        vm.withdraw();
        assertThat(vm.errorProperty().get()).contains("has not given consent for 'newsletter'");
        assertThat(vm.consentHistory()).isEmpty();
    }

    @Test
    void doubleOptInShowsTheMailAndConfirmsWithTheCode() {
        vm.requestDoubleOptIn();
        assertThat(vm.requestResultProperty().get()).contains("No SMTP server is configured")
                .contains("Subject: ").contains("Ja, Newsletter, monatlich.");
        String token = vm.messageProperty().get().replace("Request created. Code: ", "");
        vm.tokenProperty().set("FALSCH");
        vm.confirm();
        assertThat(vm.errorProperty().get()).isEqualTo("The confirmation code is wrong.");
        vm.tokenProperty().set(token);
        vm.confirm();
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(newsletter().allowed()).isTrue();
    }

    @Test
    void objectionAndInformationAreRecorded() {
        vm.grant();
        vm.channelProperty().set("Brief");
        vm.object();
        assertThat(vm.messageProperty().get()).isEqualTo("Objection recorded; 1 marketing consent(s) withdrawn.");
        assertThat(vm.objections()).singleElement().satisfies(o -> assertThat(o.channel()).isEqualTo("Brief"));
        assertThat(newsletter().why()).isEqualTo("objected to marketing");

        vm.informed();
        assertThat(vm.errors()).containsKeys("informed:noticeVersion", "informed:how");
        vm.noticeVersionProperty().set("DS-2026-01");
        vm.howProperty().set("Brief");
        vm.informed();
        assertThat(vm.information()).singleElement().satisfies(i -> assertThat(i.noticeVersion()).isEqualTo("DS-2026-01"));
        assertThat(vm.informByProperty().get()).isEmpty();
    }
}
