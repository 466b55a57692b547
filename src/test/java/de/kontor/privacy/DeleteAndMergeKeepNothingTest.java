package de.kontor.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.kontor.app.Workspace;
import de.kontor.domain.ContactKind;
import de.kontor.domain.EmailAddress;
import de.kontor.domain.NotFoundException;
import de.kontor.domain.Person;
import de.kontor.domain.PersonData;
import de.kontor.domain.PhoneNumber;
import de.kontor.domain.PostalAddress;
import de.kontor.domain.ProvenanceInput;
import de.kontor.domain.StaleDataException;
import de.kontor.domain.audit.AuditAction;
import de.kontor.domain.audit.AuditEntry;
import de.kontor.testing.TestWorkspaces;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decision 0013: a plain delete and the removal of a merged-away person leave none of the
 * person's values readable in the audit trail, and stay audited (who, when, which id).
 * Real encrypted H2 files, as the product writes them.
 */
class DeleteAndMergeKeepNothingTest {
    private static final String MARKER = "Qzvwmarker";

    @TempDir
    Path dir;

    private static PersonData marked(String marker) {
        return new PersonData("Herr", null, marker + "given", marker + "family", LocalDate.of(1975, 4, 5), "de", null,
                null, List.of(EmailAddress.work(marker.toLowerCase(Locale.ROOT) + "@example.de")),
                List.of(PhoneNumber.of(ContactKind.MOBILE, "0171 9876543")),
                List.of(new PostalAddress(ContactKind.PRIVATE, marker + "weg", "7", null, "50667", "Köln", null, "DE")),
                List.of(marker + "tag"), marker + " notes");
    }

    private static PersonData withNotes(PersonData d, String notes) {
        return new PersonData(d.salutation(), d.title(), d.givenName(), d.familyName(), d.birthDate(), d.language(),
                d.organisation(), d.jobTitle(), d.emails(), d.phones(), d.addresses(), d.tags(), notes);
    }

    private static List<AuditEntry> trail(Workspace w) {
        return w.audit().log(w.principal(), null, 10_000);
    }

    private static String values(List<AuditEntry> entries) {
        StringBuilder sb = new StringBuilder();
        for (AuditEntry e : entries) {
            sb.append(e.oldValue()).append('|').append(e.newValue()).append('\n');
        }
        return sb.toString();
    }

    @Test
    void aPlainDeleteLeavesNoValuesInTheAuditTrailButRecordsWhoDeletedWhichId() {
        long id;
        try (Workspace w = TestWorkspaces.create(dir)) {
            Person p = w.contacts().create(w.principal(), marked(MARKER), ProvenanceInput.manual());
            p = w.contacts().update(w.principal(), p.id(), p.version(), withNotes(p.data(), MARKER + " changed notes"));
            id = p.id();
            assertThat(values(trail(w))).contains(MARKER);

            ErasureResult r = w.erasure().delete(w.principal(), id, p.version());

            assertThat(r.kind()).isEqualTo(ErasureService.ERASED);
            assertThatThrownBy(() -> w.contacts().get(w.principal(), id)).isInstanceOf(NotFoundException.class);
            assertThat(w.contacts().search(w.principal(), MARKER, 10).total()).as("gone from the search index").isZero();
            List<AuditEntry> trail = trail(w);
            assertThat(values(trail)).doesNotContain(MARKER);
            assertThat(trail).filteredOn(e -> e.personId() != null && e.personId() == id)
                    .filteredOn(e -> e.action() != AuditAction.DELETE).allMatch(AuditEntry::valuesErased);
            AuditEntry deleted = trail.get(0);
            assertThat(deleted.action()).isEqualTo(AuditAction.DELETE);
            assertThat(deleted.personId()).isEqualTo(id);
            assertThat(deleted.actorName()).isEqualTo(w.principal().username());
            assertThat(deleted.newValue()).isEqualTo(ErasureService.DELETED_BY_USER);
            assertThat(deleted.at()).isNotNull();
            assertThat(w.audit().verify(w.principal()).ok()).isTrue();
            // a plain delete blocks no re-entry: the same person may be entered again
            assertThat(w.contacts().create(w.principal(), marked(MARKER), ProvenanceInput.manual()).id()).isNotEqualTo(id);
        }
        try (Workspace w = TestWorkspaces.open(dir)) {
            assertThat(w.audit().verify(w.principal()).ok()).isTrue();
            assertThat(w.erasure().journal(w.principal())).as("a plain delete is no erasure on request").isEmpty();
        }
    }

    @Test
    void aPlainDeleteRefusesAStaleVersion() {
        try (Workspace w = TestWorkspaces.create(dir)) {
            Person p = w.contacts().create(w.principal(), marked(MARKER), ProvenanceInput.manual());
            w.contacts().update(w.principal(), p.id(), p.version(), withNotes(p.data(), "newer"));
            assertThatThrownBy(() -> w.erasure().delete(w.principal(), p.id(), p.version()))
                    .isInstanceOf(StaleDataException.class);
            assertThat(w.contacts().get(w.principal(), p.id()).data().notes()).isEqualTo("newer");
        }
    }

    @Test
    void aMergeLeavesNoValuesOfTheMergedPersonInTheAuditTrailExceptWhatTheKeptOneTookOver() {
        try (Workspace w = TestWorkspaces.create(dir)) {
            Person keep = w.contacts().create(w.principal(), PersonData.named("Karl", "Behalten")
                    .withEmails(List.of(EmailAddress.work("karl@example.de"))), ProvenanceInput.manual());
            String movedMail = "moved-" + MARKER.toLowerCase(Locale.ROOT) + "@example.de";
            Person merged = w.contacts().create(w.principal(), PersonData.named(MARKER + "given", "Behalten")
                    .withEmails(List.of(EmailAddress.work(movedMail))), ProvenanceInput.manual());
            merged = w.contacts().update(w.principal(), merged.id(), merged.version(),
                    withNotes(merged.data(), MARKER + " old notes"));
            long mergedId = merged.id();

            Person result = w.dedupe().merge(w.principal(), keep.id(), keep.version(), mergedId, merged.version(),
                    Map.of());

            // the kept person took over the e-mail address and the notes; the given name stayed Karl
            assertThat(result.data().givenName()).isEqualTo("Karl");
            assertThat(result.data().emails()).extracting(EmailAddress::address).contains(movedMail);
            List<AuditEntry> trail = trail(w);
            List<AuditEntry> aboutMerged = trail.stream()
                    .filter(e -> e.personId() != null && e.personId() == mergedId).toList();
            assertThat(aboutMerged).filteredOn(e -> e.action() != AuditAction.MERGE).isNotEmpty()
                    .allMatch(AuditEntry::valuesErased);
            assertThat(values(aboutMerged)).doesNotContain(MARKER);
            assertThat(values(trail)).as("the given name that was not taken over").doesNotContain(MARKER + "given");
            assertThat(aboutMerged).filteredOn(e -> e.action() == AuditAction.MERGE).singleElement()
                    .satisfies(e -> {
                        assertThat(e.newValue()).isEqualTo(Long.toString(keep.id()));
                        assertThat(e.actorName()).isEqualTo(w.principal().username());
                    });
            assertThat(w.contacts().get(w.principal(), mergedId).id()).as("the merged id leads to the kept person")
                    .isEqualTo(keep.id());
            assertThat(w.audit().verify(w.principal()).ok()).isTrue();
        }
    }
}
