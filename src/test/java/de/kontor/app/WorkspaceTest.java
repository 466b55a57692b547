package de.kontor.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.kontor.domain.ContactKind;
import de.kontor.domain.EmailAddress;
import de.kontor.domain.Person;
import de.kontor.domain.PersonData;
import de.kontor.domain.PhoneNumber;
import de.kontor.domain.PostalAddress;
import de.kontor.domain.ProvenanceInput;
import de.kontor.domain.SourceKind;
import de.kontor.domain.StaleDataException;
import de.kontor.domain.ValidationException;
import de.kontor.security.WrongPasswordException;
import de.kontor.store.DataFolder;
import de.kontor.testing.TestWorkspaces;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceTest {
    @TempDir
    Path dir;

    private static PersonData jens() {
        return PersonData.named("Jens", "Größmann")
                .withEmails(List.of(EmailAddress.work("jens.groessmann@beispiel.de")))
                .withPhones(List.of(PhoneNumber.of(ContactKind.MOBILE, "0171 2345678")))
                .withAddresses(List.of(new PostalAddress(ContactKind.WORK, "Königsallee", "12", null, "40212",
                        "Düsseldorf", null, "de")))
                .withOrganisation("Rheinwerk Möbel GmbH");
    }

    @Test
    void storesEncryptedAndFindsAgainAfterReopen() throws Exception {
        long id;
        try (Workspace w = TestWorkspaces.create(dir)) {
            Person p = w.contacts().create(w.principal(), jens(), ProvenanceInput.of(SourceKind.BUSINESS_CARD, "Messe"));
            id = p.id();
            assertThat(p.data().phones().get(0).e164()).isEqualTo("+491712345678");
            assertThat(p.data().addresses().get(0).country()).isEqualTo("DE");
        }
        byte[] file = Files.readAllBytes(new DataFolder(dir).databaseFile());
        String latin = new String(file, StandardCharsets.ISO_8859_1);
        String utf8 = new String(file, StandardCharsets.UTF_8);
        for (String secret : List.of("jens.groessmann", "Königsallee", "Rheinwerk", "491712345678", "Jens")) {
            assertThat(latin).doesNotContain(secret);
            assertThat(utf8).doesNotContain(secret);
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(n -> n.endsWith(".trace.db"));
        }
        try (Workspace w = TestWorkspaces.open(dir)) {
            Person p = w.contacts().get(w.principal(), id);
            assertThat(p.data().familyName()).isEqualTo("Größmann");
            assertThat(p.provenance().kind()).isEqualTo(SourceKind.BUSINESS_CARD);
            assertThat(p.provenance().capturedBy()).isEqualTo(TestWorkspaces.OWNER);
            assertThat(w.contacts().search(w.principal(), "gross düssel", 10).rows())
                    .extracting(r -> r.id()).containsExactly(id);
            assertThat(w.contacts().search(w.principal(), "0171 234", 10).total()).isEqualTo(1);
            assertThat(w.contacts().search(w.principal(), "nobody", 10).total()).isZero();
        }
    }

    @Test
    void wrongPasswordIsRefusedAndChangesNoFile() throws Exception {
        try (Workspace w = TestWorkspaces.create(dir)) {
            w.contacts().create(w.principal(), jens(), ProvenanceInput.manual());
        }
        Map<String, byte[]> before = snapshot(dir);
        assertThatThrownBy(() -> Workspace.open(new DataFolder(dir), null, "falsches-Passwort-1".toCharArray(),
                TestWorkspaces.options())).isInstanceOf(WrongPasswordException.class);
        Map<String, byte[]> after = snapshot(dir);
        assertThat(after.keySet()).isEqualTo(before.keySet());
        before.forEach((name, bytes) -> assertThat(after.get(name)).as(name).isEqualTo(bytes));
    }

    @Test
    void staleUpdateIsRefused() {
        try (Workspace w = TestWorkspaces.create(dir)) {
            Person p = w.contacts().create(w.principal(), jens(), ProvenanceInput.manual());
            Person saved = w.contacts().update(w.principal(), p.id(), p.version(),
                    p.data().withOrganisation("Neue Firma AG"));
            assertThat(saved.version()).isEqualTo(p.version() + 1);
            assertThatThrownBy(() -> w.contacts().update(w.principal(), p.id(), p.version(), p.data()))
                    .isInstanceOf(StaleDataException.class);
            assertThat(w.contacts().get(w.principal(), p.id()).data().organisation()).isEqualTo("Neue Firma AG");
        }
    }

    @Test
    void invalidDataIsRefusedByFieldAndNothingIsSaved() {
        try (Workspace w = TestWorkspaces.create(dir)) {
            PersonData bad = jens().withEmails(List.of(EmailAddress.work("kein-at-zeichen")));
            assertThatThrownBy(() -> w.contacts().create(w.principal(), bad, ProvenanceInput.manual()))
                    .isInstanceOfSatisfying(ValidationException.class,
                            e -> assertThat(e.errors()).extracting(f -> f.field()).containsExactly("email"));
            assertThat(w.contacts().count(w.principal())).isZero();
        }
    }

    @Test
    void auditTrailRecordsEveryFieldAndVerifies() {
        try (Workspace w = TestWorkspaces.create(dir)) {
            Person p = w.contacts().create(w.principal(), jens(), ProvenanceInput.manual());
            w.contacts().update(w.principal(), p.id(), p.version(), p.data().withBirthDate(java.time.LocalDate.of(1980, 5, 17)));
            var log = w.audit().log(w.principal(), p.id(), 100);
            assertThat(log.get(0).field()).isEqualTo("birthDate");
            assertThat(log.get(0).newValue()).isEqualTo("1980-05-17");
            assertThat(log.get(0).actorName()).isEqualTo(TestWorkspaces.OWNER);
            assertThat(log).extracting(e -> e.field()).contains("familyName", "email", "phone", "source");
            assertThat(w.audit().verify(w.principal()).ok()).isTrue();
        }
    }

    @Test
    void createRefusesAnExistingDatabase() {
        TestWorkspaces.create(dir).close();
        assertThatThrownBy(() -> TestWorkspaces.create(dir)).hasMessageContaining("error.databaseExists");
    }

    private static Map<String, byte[]> snapshot(Path dir) throws Exception {
        Map<String, byte[]> m = new HashMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                m.put(f.getFileName().toString(), Files.readAllBytes(f));
            }
        }
        return m;
    }
}
