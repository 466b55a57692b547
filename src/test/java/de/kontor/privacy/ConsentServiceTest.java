package de.kontor.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import de.kontor.app.Workspace;
import de.kontor.domain.EmailAddress;
import de.kontor.domain.KontorException;
import de.kontor.domain.Person;
import de.kontor.domain.PersonData;
import de.kontor.domain.ProvenanceInput;
import de.kontor.domain.SourceKind;
import de.kontor.domain.ValidationException;
import de.kontor.domain.audit.AuditAction;
import de.kontor.domain.privacy.ConsentMethod;
import de.kontor.domain.privacy.ConsentStatus;
import de.kontor.domain.privacy.Exclusion;
import de.kontor.domain.privacy.LawfulBasis;
import de.kontor.domain.privacy.ProcessingDecision;
import de.kontor.testing.TestWorkspaces;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class ConsentServiceTest {
    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;
    Workspace w;
    Person eva;
    Person otto;

    /** A month end ahead: one month later is February 28th 2026, a Saturday. */
    static final LocalDate TODAY = LocalDate.of(2026, 1, 31);
    final java.time.Clock clock = TestWorkspaces.fixedAt(TODAY);

    @BeforeEach
    void setUp() {
        w = TestWorkspaces.create(dir, clock);
        eva = w.contacts().create(w.principal(), PersonData.named("Eva", "Zimmermann")
                .withEmails(List.of(EmailAddress.work("eva@example.de"))), ProvenanceInput.manual());
        otto = w.contacts().create(w.principal(), PersonData.named("Otto", "Brückner")
                .withEmails(List.of(EmailAddress.work("otto@example.de"))), ProvenanceInput.of(SourceKind.IMPORT, "liste.csv"));
        w.purposes().addText(w.principal(), "newsletter", "2026-1", "Ja, ich möchte den Newsletter per E-Mail erhalten. "
                + "Abmeldung jederzeit.");
    }

    @AfterEach
    void tearDown() {
        w.close();
    }

    private ProcessingDecision decision(Person p, String purpose) {
        return w.consents().overview(w.principal(), p.id()).decisions().stream()
                .filter(d -> d.purposeKey().equals(purpose)).findFirst().orElseThrow();
    }

    @Test
    void defaultPurposesArePresent() {
        assertThat(w.purposes().all(w.principal())).extracting(p -> p.key())
                .containsExactly("customer-service", "accounting", "newsletter", "events", "customer-advertising");
        assertThat(w.purposes().get(w.principal(), "newsletter").marketing()).isTrue();
        assertThat(w.purposes().get(w.principal(), "accounting").data().defaultBasis()).isEqualTo(LawfulBasis.LEGAL_OBLIGATION);
    }

    @Test
    void doubleOptInEndToEndOverRealSmtp() throws Exception {
        w.confirmationMail().configure(w.principal(), new SmtpSettings("127.0.0.1", smtp.getSmtp().getPort(), "info@kontor.example",
                null, null, SmtpSecurity.NONE_LOCAL_RELAY));
        ConsentService.Request r = w.consents().request(w.principal(), eva.id(), "newsletter", ConsentMethod.DOUBLE_OPT_IN,
                "2026-1");
        assertThat(r.mailSent()).isTrue();
        assertThat(r.consent().status()).isEqualTo(ConsentStatus.PENDING_DOUBLE_OPT_IN);
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("eva@example.de");
        String body = GreenMailUtil.getBody(received[0]);
        assertThat(received[0].getSubject()).contains("Newsletter");
        assertThat(r.mailBody()).contains(r.token()).contains("Abmeldung jederzeit");
        assertThat(decision(eva, "newsletter").allowed()).isFalse();

        assertThatThrownBy(() -> w.consents().confirm(w.principal(), eva.id(), "newsletter", "FALSCH"))
                .isInstanceOfSatisfying(KontorException.class, e -> assertThat(e.messageKey()).isEqualTo("consent.tokenInvalid"));
        w.consents().confirm(w.principal(), eva.id(), "newsletter", r.token().toLowerCase());
        assertThat(decision(eva, "newsletter").allowed()).isTrue();
        assertThat(w.contactLists().list(w.principal(), "newsletter").people()).extracting(s -> s.id()).containsExactly(eva.id());
        assertThat(body).isNotBlank();
    }

    @Test
    void withoutSmtpTheMailIsPreparedButNotSent() {
        ConsentService.Request r = w.consents().request(w.principal(), eva.id(), "newsletter", ConsentMethod.DOUBLE_OPT_IN,
                "2026-1");
        assertThat(r.mailSent()).isFalse();
        assertThat(r.mailBody()).contains(r.token());
        assertThat(smtp.getReceivedMessages()).isEmpty();
        w.consents().confirmByReply(w.principal(), eva.id(), "newsletter");
        assertThat(decision(eva, "newsletter").allowed()).isTrue();
    }

    @Test
    void withdrawTakesEffectAtOnceAndIsAudited() {
        w.consents().grant(w.principal(), eva.id(), "newsletter", ConsentMethod.WRITTEN_FORM, "2026-1", null,
                Evidence.of("formular.pdf", "%PDF-1.7 test".getBytes()), null);
        assertThat(w.contactLists().list(w.principal(), "newsletter").people()).hasSize(1);
        w.consents().withdraw(w.principal(), eva.id(), "newsletter", "phone");
        var list = w.contactLists().list(w.principal(), "newsletter");
        assertThat(list.people()).isEmpty();
        assertThat(list.excluded()).containsEntry(Exclusion.CONSENT_WITHDRAWN, 1).containsEntry(Exclusion.NO_BASIS, 1);
        var log = w.audit().log(w.principal(), eva.id(), 50);
        assertThat(log).anyMatch(e -> e.entityType().equals("consent") && e.newValue().startsWith("withdrawn via phone"));
        assertThat(w.audit().verify(w.principal()).ok()).isTrue();
        assertThatThrownBy(() -> w.consents().withdraw(w.principal(), eva.id(), "newsletter", null))
                .isInstanceOfSatisfying(KontorException.class, e -> assertThat(e.messageKey()).isEqualTo("consent.notGiven"));
    }

    @Test
    void objectionWithdrawsMarketingAndBlocksUntilNewConsent() {
        w.consents().grant(w.principal(), eva.id(), "newsletter", ConsentMethod.EMAIL, "2026-1", null, null, null);
        w.consents().setBasis(w.principal(), eva.id(), "customer-service", LawfulBasis.CONTRACT, null, null, "Auftrag 4711", null);
        assertThat(w.consents().object(w.principal(), eva.id(), "letter")).isEqualTo(1);
        assertThat(decision(eva, "newsletter").exclusion()).isEqualTo(Exclusion.OBJECTED);
        assertThat(decision(eva, "customer-service").allowed()).isTrue();
        w.consents().grant(w.principal(), eva.id(), "newsletter", ConsentMethod.EMAIL, "2026-1",
                clock.instant().plusSeconds(1), null, null);
        assertThat(decision(eva, "newsletter").allowed()).isTrue();
    }

    @Test
    void badInputIsRefusedAndNothingIsWritten() {
        long before = w.audit().verify(w.principal()).entriesChecked();
        assertThatThrownBy(() -> w.consents().grant(w.principal(), eva.id(), "newsletter", ConsentMethod.EMAIL, "9", null,
                null, null)).hasFieldOrPropertyWithValue("messageKey", "consent.unknownText");
        assertThatThrownBy(() -> w.consents().grant(w.principal(), eva.id(), "newsletter", ConsentMethod.EMAIL, "2026-1",
                clock.instant().plusSeconds(86400), null, null)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> w.consents().grant(w.principal(), eva.id(), "nope", ConsentMethod.EMAIL, "2026-1", null,
                null, null)).hasFieldOrPropertyWithValue("messageKey", "purpose.unknown");
        assertThatThrownBy(() -> w.consents().setBasis(w.principal(), eva.id(), "customer-advertising",
                LawfulBasis.LEGITIMATE_INTEREST, null, null, null, null)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> w.consents().grant(w.principal(), eva.id(), "newsletter", ConsentMethod.EMAIL, "2026-1",
                null, Evidence.of("virus.exe", new byte[] {1}), null)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> w.consents().confirm(w.principal(), eva.id(), "newsletter", "ABC"))
                .hasFieldOrPropertyWithValue("messageKey", "consent.noOpenRequest");
        assertThat(w.audit().verify(w.principal()).entriesChecked()).isEqualTo(before);
    }

    @Test
    void basisHistoryIsAppendOnly() {
        w.consents().setBasis(w.principal(), eva.id(), "customer-service", LawfulBasis.CONTRACT,
                TODAY.minusYears(1), TODAY.minusDays(1), "Vertrag 2025", null);
        assertThat(decision(eva, "customer-service").exclusion()).isEqualTo(Exclusion.NO_BASIS);
        w.consents().setBasis(w.principal(), eva.id(), "customer-service", LawfulBasis.CONTRACT, null, null, "Vertrag 2026", null);
        assertThat(decision(eva, "customer-service").basis().evidence()).isEqualTo("Vertrag 2026");
        assertThat(w.consents().overview(w.principal(), eva.id()).bases()).hasSize(2);
    }

    @Test
    void thirdPartyDataMustBeInformedWithinAMonth() {
        var o = w.consents().overview(w.principal(), otto.id());
        // Art. 14(3)(a): one month, counted as Regulation 1182/71 says: Feb 28th is a Saturday
        assertThat(o.informBy()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(w.consents().overview(w.principal(), eva.id()).informBy()).isNull();
        w.consents().informed(w.principal(), otto.id(), "DS-2026-03", "letter", null);
        assertThat(w.consents().overview(w.principal(), otto.id()).informBy()).isNull();
    }

    @Test
    void exportedListIsAudited() {
        w.consents().grant(w.principal(), otto.id(), "newsletter", ConsentMethod.EMAIL, "2026-1", null, null, null);
        ContactList list = w.contactLists().export(w.principal(), "newsletter", "csv");
        assertThat(list.people()).extracting(s -> s.id()).containsExactly(otto.id());
        assertThat(w.audit().log(w.principal(), null, 5)).anyMatch(e -> e.action() == AuditAction.EXPORT
                && e.field().equals("newsletter") && e.newValue().startsWith("1 people as csv"));
    }
}
