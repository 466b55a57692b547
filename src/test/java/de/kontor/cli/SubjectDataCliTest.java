package de.kontor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubjectDataCliTest {
    @TempDir
    Path dir;
    @TempDir
    Path files;
    CliRunner cli;
    String anna;

    @BeforeEach
    void init() {
        cli = new CliRunner(dir);
        cli.ok("init", "--owner", "Inhaberin");
        anna = cli.ok("contacts", "add", "--given", "Änne", "--family", "Auskunft", "--email", "aenne@example.de").out().strip();
    }

    @Test
    void accessReportAnswersARequestWithTheFileHash() throws Exception {
        cli.ok("settings", "controller", "--name", "Sonnenschein GmbH", "--address", "Marktplatz 1, 50667 Köln",
                "--email", "info@sonnenschein.de", "--dpo", "datenschutz@sonnenschein.de", "--authority", "LDI NRW");
        String req = cli.ok("requests", "add", "--type", "access", "--person", anna, "--channel", "e-mail").out().strip();
        Path pdf = files.resolve("auskunft.pdf");
        CliRunner.Result r = cli.ok("report", "access", "--person", anna, "--out", pdf.toString(), "--language", "de",
                "--request", req);
        assertThat(Files.readAllBytes(pdf)).startsWith("%PDF".getBytes());
        assertThat(r.out()).contains("Recorded as sent on request " + req);
        JsonNode list = new ObjectMapper().readTree(cli.ok("requests", "list", "--format", "json").out());
        String hash = list.get(0).get("files").get(0).get("sha256").asText();
        assertThat(r.out()).contains(hash);
        assertThat(cli.ok("requests", "close", req).out()).contains("closed");
        assertThat(cli.ok("audit", "verify").out()).contains("intact");
    }

    @Test
    void exportsInEveryFormat() throws Exception {
        Path json = files.resolve("alle.json");
        assertThat(cli.ok("export", "--all", "--format", "json", "--out", json.toString()).out()).contains("1 people exported");
        assertThat(Files.readString(json)).contains("\"schemaVersion\" : 1").contains("Änne");
        Path csv = files.resolve("anne.csv");
        cli.ok("export", "--person", anna, "--format", "csv", "--delimiter", "semicolon", "--out", csv.toString());
        assertThat(Files.readString(csv)).startsWith("\uFEFFid;salutation");
        Path vcf = files.resolve("anne.vcf");
        cli.ok("export", "--person", anna, "--format", "vcard", "--out", vcf.toString());
        assertThat(Files.readString(vcf)).contains("VERSION:4.0").contains("Änne");
    }

    @Test
    void badInputGivesClearMessagesAndWritesNothing() {
        CliRunner.refused(cli.run("report", "access", "--person", "4711", "--out", files.resolve("x.pdf").toString()),
                "There is no person with id 4711");
        CliRunner.refused(cli.run("report", "access", "--person", anna, "--out", files.resolve("nope/x.pdf").toString()),
                "does not exist");
        CliRunner.refused(cli.run("report", "access", "--person", anna, "--out", files.resolve("x.pdf").toString(), "--language",
                "fr"), "Unknown value 'fr'");
        CliRunner.refused(cli.run("report", "access", "--person", anna, "--out", files.resolve("x.pdf").toString(), "--request",
                "99"), "There is no request with id 99");
        CliRunner.refused(cli.run("export", "--all", "--format", "xml", "--out", files.resolve("x.xml").toString()),
                "Unknown value 'xml'");
        CliRunner.refused(cli.run("export", "--person", "4711", "--format", "json", "--out", files.resolve("x.json").toString()),
                "There is no person with id 4711");
        CliRunner.refused(cli.run("export", "--all", "--format", "json", "--out", files.toString()), "is a folder");
        assertThat(cli.run("export", "--all", "--person", anna, "--format", "json", "--out", "x").exit())
                .isEqualTo(KontorCli.USAGE);
        assertThat(files.toFile().list()).isEmpty();
    }

    @Test
    void processingRecords() throws Exception {
        Path pdf = files.resolve("vvt.pdf");
        assertThat(cli.ok("report", "ropa", "--out", pdf.toString()).out()).contains("Records of processing activities written");
        assertThat(Files.readAllBytes(pdf)).startsWith("%PDF".getBytes());
        CliRunner.refused(cli.run("report", "ropa", "--out", files.resolve("no/vvt.pdf").toString()), "does not exist");
    }
}
