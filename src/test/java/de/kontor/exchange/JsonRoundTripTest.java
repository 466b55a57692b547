package de.kontor.exchange;

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
import de.kontor.domain.SourceKind;
import de.kontor.domain.privacy.ConsentMethod;
import de.kontor.domain.privacy.LawfulBasis;
import de.kontor.store.DataFolder;
import de.kontor.testing.TestWorkspaces;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonRoundTripTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T09:30:00.123456Z"), ZoneId.of("Europe/Berlin"));

    private static final String[] GIVEN = {"Jürgen", "Änne", "Ömer", "Björn", "Søren"};
    private static final String[] FAMILY = {"Groß-Übel", "Weiß", "Öztürk", "Müller", "Straße"};

    @TempDir
    Path first;
    @TempDir
    Path second;
    @TempDir
    Path files;

    private static Workspace create(Path dir) {
        return Workspace.create(new DataFolder(dir), TestWorkspaces.OWNER, TestWorkspaces.PASSWORD.toCharArray(),
                new Workspace.Options(CLOCK, new SecureRandom(), TestWorkspaces.CHEAP));
    }

    @Test
    void exportImportIntoAnEmptyDatabaseAndExportAgainGivesTheSameFile() throws Exception {
        Path a = files.resolve("a.json");
        Path b = files.resolve("b.json");
        try (Workspace w = create(first)) {
            w.purposes().addText(w.principal(), "newsletter", "2026-1", "Ja, ich möchte den Newsletter.");
            for (int i = 0; i < 5; i++) {
                Person p = w.contacts().create(w.principal(), new PersonData(i % 2 == 0 ? "Frau" : null, null,
                        GIVEN[i], FAMILY[i], i == 0 ? LocalDate.of(1990, 1, 2) : null, "de",
                        i < 3 ? "Öko Möbel GmbH" : null, i == 1 ? "Einkauf" : null,
                        List.of(EmailAddress.work("j" + i + "@oeko-moebel.de")),
                        List.of(PhoneNumber.of(ContactKind.MOBILE, "0171 234567" + i)),
                        List.of(new PostalAddress(ContactKind.WORK, "Lindenstraße", "" + i, null, "10969", "Berlin", null, "DE")),
                        List.of("b-tag", "a-tag"), i == 2 ? "Notiz\nzweite Zeile" : null),
                        ProvenanceInput.of(i == 3 ? SourceKind.WEB_FORM : SourceKind.MANUAL, "Quelle " + i));
                w.activities().add(w.principal(), p.id(), new ActivityData(ActivityKind.CALL,
                        Instant.parse("2026-0" + (i + 1) + "-10T08:00:00Z"), "Anruf " + i, "Text äöü " + i));
                if (i % 2 == 0) {
                    w.consents().grant(w.principal(), p.id(), "newsletter", ConsentMethod.WRITTEN_FORM, "2026-1", null,
                            null, null);
                }
                if (i == 2) {
                    w.consents().withdraw(w.principal(), p.id(), "newsletter", "Telefon");
                    w.consents().setBasis(w.principal(), p.id(), "customer-service", LawfulBasis.CONTRACT, null, null,
                            "Auftrag 17", null);
                    w.consents().object(w.principal(), p.id(), "Brief");
                    w.consents().informed(w.principal(), p.id(), "2026-1", "Brief", Instant.parse("2026-02-01T10:00:00Z"));
                }
            }
            w.subjectData().export(w.principal(), null, ExportFormat.JSON, ',', null, a);
        }
        assertThat(ExportSchema.errors(Files.readAllBytes(a))).isEmpty();
        try (Workspace w = create(second)) {
            w.purposes().addText(w.principal(), "newsletter", "2026-1", "Ja, ich möchte den Newsletter.");
            var summary = w.subjectData().importJson(w.principal(), Files.readAllBytes(a), "a.json");
            assertThat(summary.people()).isEqualTo(5);
            assertThat(summary.activities()).isEqualTo(5);
            w.subjectData().export(w.principal(), null, ExportFormat.JSON, ',', null, b);
            assertThat(Files.readString(b, StandardCharsets.UTF_8)).isEqualTo(Files.readString(a, StandardCharsets.UTF_8));
            // the database goes on working after the restore: new ids follow the imported ones
            Person next = w.contacts().create(w.principal(), PersonData.named("Neu", "Nach"), ProvenanceInput.manual());
            assertThat(next.id()).isGreaterThan(5);
            assertThat(w.contacts().search(w.principal(), "Müller", 10).toString()).contains("Müller");
            assertThatThrownBy(() -> w.subjectData().importJson(w.principal(), Files.readAllBytes(a), "a.json"))
                    .isInstanceOf(KontorException.class).extracting("messageKey").isEqualTo("import.json.notEmpty");
            assertThat(w.audit().verify(w.principal()).ok()).isTrue();
        }
    }

    @Test
    void badFilesAreRefusedWithClearMessagesAndNothingIsWritten() throws Exception {
        try (Workspace w = create(first)) {
            String good = "{\"format\":\"kontor-export\",\"schemaVersion\":1,\"exportedAt\":\"2026-11-20T09:30:00Z\",\"people\":[]}";
            assertThat(w.subjectData().importJson(w.principal(), good.getBytes(StandardCharsets.UTF_8), "g.json").people())
                    .isZero();
            assertRefused(w, good.substring(0, 40), "import.json.malformed");
            assertRefused(w, "\u0000\u0001PK binary", "import.json.malformed");
            assertRefused(w, "{\"hello\":1}", "import.json.notKontor");
            assertRefused(w, good.replace("\"schemaVersion\":1", "\"schemaVersion\":2"), "import.json.version");
            String person = "{\"id\":7,\"givenName\":\"A\",\"familyName\":\"B\",\"emails\":[],\"phones\":[],\"addresses\":[],"
                    + "\"tags\":[],\"provenance\":{\"source\":\"manual\",\"capturedAt\":\"2026-01-01T00:00:00Z\","
                    + "\"capturedBy\":\"x\"},\"createdAt\":\"2026-01-01T00:00:00Z\",\"updatedAt\":\"2026-01-01T00:00:00Z\","
                    + "\"version\":1,\"bases\":[],\"consents\":[],\"objections\":[],\"information\":[],\"activities\":[],"
                    + "\"documents\":[]}";
            assertRefused(w, good.replace("[]}", "[" + person + "," + person + "]}"), "import.json.duplicateId");
            assertRefused(w, good.replace("[]}", "[" + person.replace("\"B\"", "null") + "]}"), "import.json.field");
            assertRefused(w, good.replace("[]}", "[" + person.replace("\"consents\":[]",
                    "\"consents\":[{\"purpose\":\"nope\",\"status\":\"given\",\"method\":\"email\",\"textVersion\":\"1\"}]")
                    + "]}"), "import.json.unknownPurpose");
            // the file is written while it is read: a bad person after the first written batch
            // of 1 000 still leaves nothing behind
            StringBuilder many = new StringBuilder();
            for (int i = 1; i <= 1200; i++) {
                many.append(person.replace("\"id\":7", "\"id\":" + i)).append(',');
            }
            assertRefused(w, good.replace("[]}", "[" + many + person.replace("\"id\":7", "\"id\":5000")
                    .replace("\"B\"", "null") + "]}"), "import.json.field");
            assertThat(w.contacts().count(w.principal())).isZero();
            assertThat(w.contacts().search(w.principal(), "", 10).toString()).doesNotContain("id=7");
        }
    }

    private static void assertRefused(Workspace w, String json, String key) {
        assertThatThrownBy(() -> w.subjectData().importJson(w.principal(), json.getBytes(StandardCharsets.UTF_8), "x.json"))
                .isInstanceOf(KontorException.class).extracting("messageKey").isEqualTo(key);
    }
}
