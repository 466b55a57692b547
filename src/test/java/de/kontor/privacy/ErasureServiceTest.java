package de.kontor.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.kontor.app.Workspace;
import de.kontor.domain.ActivityData;
import de.kontor.domain.ActivityKind;
import de.kontor.domain.ContactKind;
import de.kontor.domain.EmailAddress;
import de.kontor.domain.KontorException;
import de.kontor.domain.Person;
import de.kontor.domain.PersonData;
import de.kontor.domain.PhoneNumber;
import de.kontor.domain.PostalAddress;
import de.kontor.domain.ProvenanceInput;
import de.kontor.domain.privacy.ConsentMethod;
import de.kontor.domain.privacy.LawfulBasis;
import de.kontor.store.DataFolder;
import de.kontor.testing.TestWorkspaces;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Erasure on an unencrypted test database, so the file bytes can be searched for the values. */
class ErasureServiceTest {
    private static final String MARKER = "Qzxwvjkpyb"; // no three letters in common with KEEP: LZF could turn them into a back-reference
    private static final String KEEP = "Keepmarkerqz";

    @TempDir
    Path dir;

    /** A fixed day, so the retention periods below do not depend on the year the test runs in. */
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
    private final java.time.Clock clock = TestWorkspaces.fixedAt(TODAY);

    private Workspace create() {
        return Workspace.create(new DataFolder(dir), TestWorkspaces.OWNER, TestWorkspaces.PASSWORD.toCharArray(),
                TestWorkspaces.options(clock).unencrypted());
    }

    private static PersonData marked(String marker) {
        return new PersonData("Frau", null, marker + "given", marker + "family", LocalDate.of(1980, 2, 3), "de",
                "Muster GmbH", null, List.of(EmailAddress.work(marker.toLowerCase(Locale.ROOT) + "@example.de")),
                List.of(PhoneNumber.of(ContactKind.MOBILE, "0171 2345678")),
                List.of(new PostalAddress(ContactKind.PRIVATE, marker + "straße", "1", null, "10115", "Berlin", null, "DE")),
                List.of(marker + "tag"), marker + " notes");
    }

    @Test
    void erasureRemovesTheValuesFromEveryTableTheAuditTrailTheIndexAndTheFileBytes() throws Exception {
        long id;
        ErasureResult result;
        try (Workspace w = create()) {
            Person p = w.contacts().create(w.principal(), marked(MARKER), ProvenanceInput.of(
                    de.kontor.domain.SourceKind.BUSINESS_CARD, MARKER + " fair"));
            id = p.id();
            Person keep = w.contacts().create(w.principal(), PersonData.named("Karl", KEEP)
                    .withPhones(List.of(PhoneNumber.of(ContactKind.WORK, "030 1234567"))), ProvenanceInput.manual());
            w.activities().add(w.principal(), id, new ActivityData(ActivityKind.NOTE, clock.instant(), MARKER + " subject",
                    MARKER + " body"));
            w.purposes().addText(w.principal(), "newsletter", "1", "Newsletter ja");
            w.consents().grant(w.principal(), id, "newsletter", ConsentMethod.WRITTEN_FORM, "1", null,
                    Evidence.of("form.pdf", ("%PDF-1.4 " + MARKER + " signature").getBytes(StandardCharsets.UTF_8)), null);
            w.consents().setBasis(w.principal(), id, "customer-service", LawfulBasis.CONTRACT, null, null,
                    MARKER + " contract", null);
            assertThat(w.contacts().search(w.principal(), MARKER, 10).total()).isEqualTo(1);

            result = w.erasure().erase(w.principal(), id, false, null, Locale.ENGLISH);

            assertThat(result.kind()).isEqualTo(ErasureService.ERASED);
            assertThat(result.retained()).isEmpty();
            assertThat(result.erased()).containsEntry("email", 1).containsEntry("note", 1)
                    .containsEntry("marketing-consent", 1);
            assertThat(w.contacts().search(w.principal(), MARKER, 10).total()).isZero();
            assertThat(w.contacts().search(w.principal(), KEEP, 10).total()).isEqualTo(1);
            var log = w.audit().log(w.principal(), id, 500);
            assertThat(log.get(0).action()).isEqualTo(de.kontor.domain.audit.AuditAction.ERASE);
            assertThat(log.subList(1, log.size())).isNotEmpty().allMatch(e -> e.oldValue() == null && e.newValue() == null);
            assertThat(w.audit().log(w.principal(), null, 5000)).noneMatch(e -> String.valueOf(e.newValue()).contains(MARKER)
                    || String.valueOf(e.oldValue()).contains(MARKER));
            assertThat(w.audit().verify(w.principal()).ok()).isTrue();
            assertThat(w.contactLists().list(w.principal(), "customer-service").people()).isEmpty();
            assertThatThrownBy(() -> w.contacts().get(w.principal(), id)).isInstanceOf(KontorException.class);
            assertThatThrownBy(() -> w.erasure().erase(w.principal(), id, false, null, Locale.ENGLISH))
                    .hasFieldOrPropertyWithValue("messageKey", "erasure.alreadyErased");
            assertThat(keep.id()).isNotEqualTo(id);
        }
        byte[] file = Files.readAllBytes(new DataFolder(dir).databaseFile());
        String bytes = new String(file, StandardCharsets.ISO_8859_1);
        assertThat(bytes).as("the file still holds the other person (the test can see plaintext)").contains(KEEP);
        assertThat(bytes).doesNotContain(MARKER).doesNotContain(MARKER.toLowerCase(Locale.ROOT));

        String certificate = new PDFTextStripper().getText(Loader.loadPDF(result.certificate()));
        assertThat(certificate).contains("Erasure certificate").contains(Long.toString(id)).doesNotContain(MARKER);
    }

    @Test
    void erasedPeopleCannotBeEnteredAgain() {
        try (Workspace w = create()) {
            Person p = w.contacts().create(w.principal(), marked(MARKER), ProvenanceInput.manual());
            w.erasure().erase(w.principal(), p.id(), false, null, Locale.ENGLISH);
            PersonData sameMail = PersonData.named("Neu", "Jemand")
                    .withEmails(List.of(EmailAddress.work(" " + MARKER.toUpperCase(Locale.ROOT) + "@Example.de")));
            assertThatThrownBy(() -> w.contacts().create(w.principal(), sameMail, ProvenanceInput.manual()))
                    .isInstanceOfSatisfying(SuppressionService.BlockedException.class, e -> assertThat(e.kind()).isEqualTo("email"));
            PersonData samePhone = PersonData.named("Neu", "Jemand")
                    .withPhones(List.of(PhoneNumber.of(ContactKind.WORK, "+49 171 234 56 78")));
            assertThatThrownBy(() -> w.contacts().create(w.principal(), samePhone, ProvenanceInput.manual()))
                    .isInstanceOfSatisfying(SuppressionService.BlockedException.class, e -> assertThat(e.kind()).isEqualTo("phone"));
            PersonData sameName = PersonData.named(MARKER + "given", MARKER + "family").withBirthDate(LocalDate.of(1980, 2, 3));
            assertThatThrownBy(() -> w.contacts().create(w.principal(), sameName, ProvenanceInput.manual()))
                    .isInstanceOfSatisfying(SuppressionService.BlockedException.class,
                            e -> assertThat(e.kind()).isEqualTo("name-birth"));
            assertThat(w.contacts().count(w.principal())).isZero();

            w.suppression().lift(w.principal(), "email", MARKER + "@example.de", "new written consent 2026-11-25");
            assertThat(w.contacts().create(w.principal(), sameMail, ProvenanceInput.manual()).id()).isPositive();
        }
    }

    @Test
    void recordsUnderStatutoryRetentionAreRestrictedInsteadOfErased() {
        try (Workspace w = create()) {
            Person p = w.contacts().create(w.principal(), marked(MARKER), ProvenanceInput.manual());
            var order = w.activities().add(w.principal(), p.id(), new ActivityData(ActivityKind.ORDER, clock.instant(),
                    "Rechnung 2026-17", "2 Stühle"));
            ErasureResult r = w.erasure().erase(w.principal(), p.id(), false, null, Locale.GERMAN);
            assertThat(r.kind()).isEqualTo(ErasureService.RESTRICTED);
            assertThat(r.retained()).singleElement().satisfies(x -> {
                assertThat(x.id()).isEqualTo(order.id());
                // an order: ten years from the end of 2026 (AO § 147), kept until January 1st 2037
                assertThat(x.until()).isEqualTo(LocalDate.of(2037, 1, 1));
            });
            Person kept = w.contacts().get(w.principal(), p.id());
            assertThat(kept.data().emails()).isEmpty();
            assertThat(kept.data().notes()).isNull();
            assertThat(w.restrictions().isRestricted(p.id())).isTrue();
            assertThat(w.contacts().search(w.principal(), MARKER, 10).total()).isZero();
            assertThat(w.contacts().search(w.principal(), MARKER, 10, true).total()).isEqualTo(1);
            assertThatThrownBy(() -> w.contacts().update(w.principal(), p.id(), kept.version(), kept.data()))
                    .hasFieldOrPropertyWithValue("messageKey", "restriction.restricted");
            assertThat(w.audit().verify(w.principal()).ok()).isTrue();
        }
    }

    @Test
    void anonymisationKeepsStatisticsOnly() {
        try (Workspace w = create()) {
            Person p = w.contacts().create(w.principal(), marked(MARKER), ProvenanceInput.manual());
            w.activities().add(w.principal(), p.id(), new ActivityData(ActivityKind.CALL, clock.instant(), MARKER, null));
            ErasureResult r = w.erasure().anonymise(w.principal(), p.id(), Locale.ENGLISH);
            assertThat(r.kind()).isEqualTo(ErasureService.ANONYMISED);
            Person a = w.contacts().get(w.principal(), p.id());
            assertThat(a.data().familyName()).isEqualTo("—");
            assertThat(a.data().birthDate()).isEqualTo(LocalDate.of(1980, 1, 1));
            assertThat(a.data().addresses()).singleElement().satisfies(x -> {
                assertThat(x.postcode()).isEqualTo("10");
                assertThat(x.street()).isNull();
                assertThat(x.city()).isNull();
            });
            assertThat(a.data().emails()).isEmpty();
            assertThat(w.activities().ofPerson(w.principal(), p.id())).singleElement()
                    .satisfies(x -> assertThat(x.data().subject()).doesNotContain(MARKER));
            assertThat(w.contacts().search(w.principal(), MARKER, 10, true).total()).isZero();
        }
    }

    @Test
    void restrictionMakesReadOnlyAndHidesFromListsUntilLifted() {
        try (Workspace w = create()) {
            Person p = w.contacts().create(w.principal(), marked(MARKER), ProvenanceInput.manual());
            w.consents().setBasis(w.principal(), p.id(), "customer-service", LawfulBasis.CONTRACT, null, null, "x", null);
            assertThat(w.contactLists().list(w.principal(), "customer-service").people()).hasSize(1);
            w.restrictions().restrict(w.principal(), p.id(), "accuracy contested (Art. 18(1)(a))", TODAY.plusDays(30));
            assertThat(w.contactLists().list(w.principal(), "customer-service").people()).isEmpty();
            assertThat(w.contacts().search(w.principal(), MARKER, 10).total()).isZero();
            assertThatThrownBy(() -> w.erasure().delete(w.principal(), p.id(), p.version()))
                    .hasFieldOrPropertyWithValue("messageKey", "restriction.restricted");
            w.restrictions().unrestrict(w.principal(), p.id(), "accuracy confirmed");
            assertThat(w.contactLists().list(w.principal(), "customer-service").people()).hasSize(1);
        }
    }
}
