package de.kontor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DedupeCliTest {
    @TempDir
    Path dir;
    @TempDir
    Path files;
    CliRunner cli;
    String a;
    String b;
    String c;

    @BeforeEach
    void init() throws Exception {
        cli = new CliRunner(dir);
        cli.ok("init", "--owner", "Inhaberin");
        a = cli.ok("contacts", "add", "--given", "Jürgen", "--family", "Müller", "--birth-date", "1970-04-12", "--street",
                "Hauptstraße", "--house-number", "5", "--postcode", "50667", "--city", "Köln", "--country", "DE",
                "--email", "j.mueller@example.de").out().strip();
        b = cli.ok("contacts", "add", "--given", "Juergen", "--family", "Mueller", "--birth-date", "1970-04-12", "--street",
                "Hauptstr.", "--house-number", "5a", "--postcode", "50667", "--city", "Koeln", "--country", "DE",
                "--phone", "0221 123456").out().strip();
        c = cli.ok("contacts", "add", "--given", "Thomas", "--family", "Müller", "--birth-date", "1985-09-30",
                "--postcode", "10115", "--city", "Berlin", "--country", "DE").out().strip();
    }

    @Test
    void scanFindsTheNearDuplicateAndExplainsIt() throws Exception {
        CliRunner.Result scan = cli.ok("dedupe", "scan", "--format", "json");
        JsonNode pairs = new ObjectMapper().readTree(scan.out());
        assertThat(pairs).hasSize(1);
        assertThat(pairs.get(0).path("id_a").asText() + "," + pairs.get(0).path("id_b").asText()).isIn(a + "," + b, b + "," + a);
        assertThat(pairs.get(0).path("reasons").toString()).contains("birth date equal").contains("family equal");
        Path out = files.resolve("pairs.csv");
        cli.ok("dedupe", "scan", "--out", out.toString());
        assertThat(Files.readAllLines(out).get(0)).isEqualTo("score,id_a,id_b,source_record_id_a,source_record_id_b,reasons");
        CliRunner.Result check = cli.ok("dedupe", "check", "--given", "Jurgen", "--family", "Muller", "--birth-date",
                "1970-04-12", "--postcode", "50667");
        assertThat(check.out()).contains(a).contains(b).doesNotContain("Thomas");
    }

    @Test
    void mergeUnitesHistoryAndRedirects() throws Exception {
        Path text = files.resolve("nl.txt");
        Files.writeString(text, "Newsletter ja");
        cli.ok("consent-texts", "add", "--purpose", "newsletter", "--version", "1", "--file", text.toString());
        cli.ok("consent", "grant", "--person", b, "--purpose", "newsletter", "--method", "email", "--text-version", "1");
        cli.ok("dedupe", "merge", "--keep", a, "--merge", b, "--prefer", "givenName=" + b);
        JsonNode p = new ObjectMapper().readTree(cli.ok("contacts", "show", a, "--format", "json").out());
        assertThat(p.path("givenName").asText()).isEqualTo("Juergen");
        assertThat(p.path("emails")).hasSize(1);
        assertThat(p.path("phones")).hasSize(1);
        JsonNode redirected = new ObjectMapper().readTree(cli.ok("contacts", "show", b, "--format", "json").out());
        assertThat(redirected.path("id").asText()).isEqualTo(a);
        JsonNode consent = new ObjectMapper().readTree(cli.ok("consent", "show", "--person", a, "--format", "json").out());
        assertThat(consent.path("consents")).hasSize(1);
        assertThat(cli.ok("audit", "log", "--person", a).out()).contains("MERGE").contains(b);
        assertThat(cli.ok("audit", "verify").out()).contains("intact");
        assertThat(cli.ok("dedupe", "scan").out().lines()).hasSize(1);
    }

    @Test
    void distinctPairsAreNotProposedAgainAndBadMergesAreRefused() {
        cli.ok("dedupe", "distinct", a, b);
        assertThat(cli.ok("dedupe", "scan").out().lines()).hasSize(1);
        CliRunner.Result self = cli.run("dedupe", "merge", "--keep", a, "--merge", a);
        assertThat(self.exit()).isEqualTo(1);
        assertThat(self.err()).contains("cannot be merged with or compared to itself");
        cli.ok("restrict", "--person", c, "--reason", "Art. 18");
        CliRunner.Result restricted = cli.run("dedupe", "merge", "--keep", a, "--merge", c);
        assertThat(restricted.exit()).isEqualTo(1);
        assertThat(restricted.err()).contains("is restricted");
        CliRunner.Result prefer = cli.run("dedupe", "merge", "--keep", a, "--merge", b, "--prefer", "givenName=999");
        assertThat(prefer.err()).contains("is not FIELD=ID");
    }
}
