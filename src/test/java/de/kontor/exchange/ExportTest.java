package de.kontor.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.kontor.app.Workspace;
import de.kontor.domain.ActivityData;
import de.kontor.domain.ActivityKind;
import de.kontor.domain.ContactKind;
import de.kontor.domain.EmailAddress;
import de.kontor.domain.Person;
import de.kontor.domain.PersonData;
import de.kontor.domain.PhoneNumber;
import de.kontor.domain.PostalAddress;
import de.kontor.domain.ProvenanceInput;
import de.kontor.domain.ValidationException;
import de.kontor.domain.audit.AuditAction;
import de.kontor.domain.privacy.ConsentMethod;
import de.kontor.domain.request.RequestType;
import de.kontor.domain.request.SubjectRequest;
import de.kontor.privacy.RequestService;
import de.kontor.testing.TestWorkspaces;
import ezvcard.Ezvcard;
import ezvcard.VCard;
import ezvcard.VCardVersion;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportTest {
    @TempDir
    Path dir;
    @TempDir
    Path files;
    Workspace w;
    Person grete;
    Person hidden;

    @BeforeEach
    void setUp() {
        w = TestWorkspaces.create(dir);
        grete = w.contacts().create(w.principal(), new PersonData("Frau", null, "Grete", "Größe-Ölmann",
                LocalDate.of(1985, 2, 28), "de", "Straßenbau Süd AG", "Einkäuferin",
                List.of(EmailAddress.work("grete@strassenbau-sued.de")),
                List.of(PhoneNumber.of(ContactKind.WORK, "0221 123456"), PhoneNumber.of(ContactKind.MOBILE, "0171 7654321")),
                List.of(new PostalAddress(ContactKind.WORK, "Äußere Kanalstraße", "12a", "Hinterhaus", "50823", "Köln", null, "DE")),
                List.of("Messe", "Süd"), "Notiz mit \"Anführungszeichen\", Komma; Semikolon\nund Zeilenumbruch"),
                ProvenanceInput.manual());
        w.purposes().addText(w.principal(), "newsletter", "2026-1", "Ja, Newsletter.");
        w.consents().grant(w.principal(), grete.id(), "newsletter", ConsentMethod.WRITTEN_FORM, "2026-1", null, null, null);
        w.activities().add(w.principal(), grete.id(), new ActivityData(ActivityKind.CALL, Instant.parse("2026-03-01T10:00:00Z"),
                "Angebot", "Rückruf erbeten"));
        w.contacts().create(w.principal(), PersonData.named("Bert", "Bleibt"), ProvenanceInput.manual());
        hidden = w.contacts().create(w.principal(), PersonData.named("Rita", "Restriktiv")
                .withEmails(List.of(EmailAddress.work("rita@example.de"))), ProvenanceInput.manual());
        w.restrictions().restrict(w.principal(), hidden.id(), "Widerspruch geprüft", null);
    }

    @AfterEach
    void tearDown() {
        w.close();
    }

    @Test
    void jsonOfEveryoneValidatesAgainstTheSchemaAndLeavesOutRestrictedPeople() throws Exception {
        Path out = files.resolve("alle.json");
        var r = w.subjectData().export(w.principal(), null, ExportFormat.JSON, ',', null, out);
        assertThat(r.people()).isEqualTo(2);
        byte[] json = Files.readAllBytes(out);
        assertThat(ExportSchema.errors(json)).isEmpty();
        JsonNode root = new ObjectMapper().readTree(json);
        assertThat(root.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(root.get("people")).hasSize(2);
        JsonNode g = root.get("people").get(0);
        assertThat(g.get("familyName").asText()).isEqualTo("Größe-Ölmann");
        assertThat(g.get("addresses").get(0).get("street").asText()).isEqualTo("Äußere Kanalstraße");
        assertThat(g.get("consents").get(0).get("status").asText()).isEqualTo("given");
        assertThat(g.get("activities").get(0).get("body").asText()).isEqualTo("Rückruf erbeten");
        assertThat(new String(json, StandardCharsets.UTF_8)).doesNotContain("Restriktiv");
        assertThat(w.audit().log(w.principal(), null, 5)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo(AuditAction.EXPORT);
            assertThat(e.field()).isEqualTo("exportAll");
            assertThat(e.newValue()).contains("json alle.json").contains("people:2").contains(r.sha256());
        });
    }

    @Test
    void aRestrictedPersonCanStillBeExportedAlone() throws Exception {
        Path out = files.resolve("rita.json");
        w.subjectData().export(w.principal(), hidden.id(), ExportFormat.JSON, ',', null, out);
        byte[] json = Files.readAllBytes(out);
        assertThat(ExportSchema.errors(json)).isEmpty();
        assertThat(new ObjectMapper().readTree(json).get("people").get(0).get("restriction").get("reason").asText())
                .isEqualTo("Widerspruch geprüft");
    }

    @Test
    void csvHasBomSemicolonsAndImportFieldNames() throws Exception {
        Path out = files.resolve("alle.csv");
        w.subjectData().export(w.principal(), null, ExportFormat.CSV, ';', null, out);
        byte[] bytes = Files.readAllBytes(out);
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertThat(text).startsWith("id;salutation;title;givenName;familyName;");
        try (CSVParser p = CSVParser.parse(text, CSVFormat.DEFAULT.builder().setDelimiter(';').setHeader()
                .setSkipHeaderRecord(true).get())) {
            List<CSVRecord> rows = p.getRecords();
            assertThat(rows).hasSize(2);
            CSVRecord g = rows.get(0);
            assertThat(g.get("familyName")).isEqualTo("Größe-Ölmann");
            assertThat(g.get("phone")).isEqualTo("0221 123456; 0171 7654321");
            assertThat(g.get("street")).isEqualTo("Äußere Kanalstraße");
            assertThat(g.get("notes")).isEqualTo("Notiz mit \"Anführungszeichen\", Komma; Semikolon\nund Zeilenumbruch");
        }
        assertThat(text).doesNotContain("Restriktiv");
        assertThatThrownBy(() -> w.subjectData().export(w.principal(), null, ExportFormat.CSV, '|', null,
                files.resolve("x.csv"))).isInstanceOf(ValidationException.class);
    }

    @Test
    void vcard4ParsesBackWithUmlauts() throws Exception {
        Path out = files.resolve("grete.vcf");
        SubjectRequest req = w.requests().register(w.principal(), new RequestService.NewRequest(RequestType.PORTABILITY,
                grete.id(), null, null, "Brief", "Unterschrift verglichen"));
        var r = w.subjectData().export(w.principal(), grete.id(), ExportFormat.VCARD, ',', req.id(), out);
        String text = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(text).startsWith("BEGIN:VCARD\r\nVERSION:4.0");
        List<VCard> cards = Ezvcard.parse(text).all();
        assertThat(cards).hasSize(1);
        VCard c = cards.get(0);
        assertThat(c.getVersion()).isEqualTo(VCardVersion.V4_0);
        assertThat(c.getStructuredName().getFamily()).isEqualTo("Größe-Ölmann");
        assertThat(c.getEmails().get(0).getValue()).isEqualTo("grete@strassenbau-sued.de");
        assertThat(c.getAddresses().get(0).getStreetAddress()).isEqualTo("Äußere Kanalstraße 12a");
        assertThat(c.getTelephoneNumbers()).hasSize(2);
        assertThat(w.requests().get(w.principal(), req.id()).files()).singleElement()
                .satisfies(f -> assertThat(f.sha256()).isEqualTo(r.sha256()));
        assertThat(w.audit().log(w.principal(), grete.id(), 10)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo(AuditAction.EXPORT);
            assertThat(e.newValue()).contains("vcard grete.vcf").contains("request:" + req.id());
        });
    }

    @Test
    void anExistingFileIsReplacedWholeAndAFailedExportLeavesItUntouched() throws Exception {
        Path out = files.resolve("alle.json");
        Files.writeString(out, "old");
        assertThatThrownBy(() -> w.subjectData().export(w.principal(), 4711L, ExportFormat.JSON, ',', null, out))
                .hasMessageContaining("error.notFound");
        assertThat(Files.readString(out)).isEqualTo("old");
        w.subjectData().export(w.principal(), null, ExportFormat.JSON, ',', null, out);
        assertThat(Files.readString(out)).startsWith("{");
        assertThat(files.toFile().list()).containsExactly("alle.json");
    }
}
