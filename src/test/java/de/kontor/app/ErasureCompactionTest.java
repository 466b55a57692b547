package de.kontor.app;

import static org.assertj.core.api.Assertions.assertThat;

import de.kontor.demo.DemoData;
import de.kontor.domain.ActivityData;
import de.kontor.domain.ActivityKind;
import de.kontor.domain.ContactKind;
import de.kontor.domain.EmailAddress;
import de.kontor.domain.Person;
import de.kontor.domain.PersonData;
import de.kontor.domain.PhoneNumber;
import de.kontor.domain.PostalAddress;
import de.kontor.domain.ProvenanceInput;
import de.kontor.domain.privacy.ConsentMethod;
import de.kontor.privacy.Evidence;
import de.kontor.store.DataFolder;
import de.kontor.testing.TestWorkspaces;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compaction after an erasure, on an unencrypted file with thousands of other people (so the
 * erased values are spread over many chunks, live and dead): every version of the values is gone
 * from the bytes, including a consent's evidence document, the database opens again and its audit
 * chain verifies. {@code SHUTDOWN COMPACT} writes LZF-compressed pages even into this unencrypted
 * file, so a value is visible only where LZF kept it literal: the markers share no three letters
 * with other data, and the kept person must stay visible.
 */
class ErasureCompactionTest {
    private static final String MARKER = "Vqjxzwkbyf"; // no three letters in common with KEEP: LZF could turn them into a back-reference
    private static final String KEEP = "Keepmarkerzz";

    @TempDir
    Path dir;

    private static PersonData marked(String marker) {
        return new PersonData("Frau", null, marker + "given", marker + "family", LocalDate.of(1980, 2, 3), "de",
                "Muster GmbH", null, List.of(EmailAddress.work(marker.toLowerCase(Locale.ROOT) + "@example.de")),
                List.of(PhoneNumber.of(ContactKind.MOBILE, "0171 2345678")),
                List.of(new PostalAddress(ContactKind.PRIVATE, marker + "straße", "1", null, "10115", "Berlin", null, "DE")),
                List.of(marker + "tag"), marker + " notes");
    }

    @Test
    void aMarkerUpdatedSeveralTimesAmongManyRowsIsGoneFromTheBytesAfterTheErasure() throws Exception {
        DataFolder folder = new DataFolder(dir);
        Workspace.Options options = TestWorkspaces.options().unencrypted();
        try (Workspace w = Workspace.create(folder, TestWorkspaces.OWNER, TestWorkspaces.PASSWORD.toCharArray(),
                options)) {
            DemoData demo = new DemoData(7, 0.0);
            demo.write(w.contacts(), w.activities(), w.principal(), 1500, 500, n -> { });
            Person p = w.contacts().create(w.principal(), marked(MARKER + "a"), ProvenanceInput.manual());
            w.contacts().create(w.principal(), PersonData.named("Karl", KEEP), ProvenanceInput.manual());
            for (String version : List.of("b", "c", "d")) {
                new DemoData(version.charAt(0), 0.0).write(w.contacts(), w.activities(), w.principal(), 500, 250,
                        n -> { });
                p = w.contacts().update(w.principal(), p.id(), p.version(), marked(MARKER + version));
                w.activities().add(w.principal(), p.id(), new ActivityData(ActivityKind.NOTE, Instant.now(),
                        MARKER + version + " subject", MARKER + version + " body"));
            }
            w.purposes().addText(w.principal(), "newsletter", "1", "Newsletter ja");
            w.consents().grant(w.principal(), p.id(), "newsletter", ConsentMethod.WRITTEN_FORM, "1", null,
                    Evidence.of("form.pdf", ("%PDF-1.4 " + MARKER + " signature").getBytes(StandardCharsets.UTF_8)), null);
            w.database().compact(); // a first compaction, then more changes on top of it
            new DemoData(11, 0.0).write(w.contacts(), w.activities(), w.principal(), 300, 300, n -> { });

            w.erasure().erase(w.principal(), p.id(), false, null, Locale.ENGLISH);

            String bytes = new String(Files.readAllBytes(folder.databaseFile()), StandardCharsets.ISO_8859_1);
            assertThat(bytes).as("plaintext is visible to the test").contains(KEEP);
            assertThat(bytes).doesNotContain(MARKER).doesNotContain(MARKER.toLowerCase(Locale.ROOT));
            assertThat(w.contacts().search(w.principal(), KEEP, 10).total()).isEqualTo(1);
        }
        try (Workspace w = Workspace.open(folder, null, TestWorkspaces.PASSWORD.toCharArray(), options)) {
            assertThat(w.audit().verify(w.principal()).ok()).isTrue();
            assertThat(w.contacts().count(w.principal())).isGreaterThan(2800);
            assertThat(w.contacts().search(w.principal(), KEEP, 10).total()).isEqualTo(1);
        }
    }
}
