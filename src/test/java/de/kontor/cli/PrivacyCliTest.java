package de.kontor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivacyCliTest {
    @TempDir
    Path dir;
    @TempDir
    Path files;
    CliRunner cli;
    String eva;
    String otto;

    @BeforeEach
    void init() throws Exception {
        cli = new CliRunner(dir);
        cli.ok("init", "--owner", "Anna Schmidt");
        eva = cli.ok("contacts", "add", "--given", "Eva", "--family", "Zimmermann", "--email", "eva@example.de").out().strip();
        otto = cli.ok("contacts", "add", "--given", "Otto", "--family", "Brückner", "--email", "otto@example.de",
                "--source", "referral").out().strip();
        Path text = files.resolve("newsletter-v1.txt");
        Files.writeString(text, "Ja, ich möchte den Newsletter erhalten. Widerruf jederzeit möglich.");
        CliRunner.Result t = cli.ok("consent-texts", "add", "--purpose", "newsletter", "--version", "v1", "--file", text.toString());
        assertThat(t.out()).contains("newsletter v1 sha256:");
    }

    @Test
    void purposesListAddRetire() throws Exception {
        assertThat(cli.ok("purposes", "list").out()).contains("customer-service").contains("customer-advertising")
                .contains("legitimate-interest");
        JsonNode json = new ObjectMapper().readTree(cli.ok("purposes", "list", "--format", "json").out());
        assertThat(json).hasSize(5);
        assertThat(json.get(2).path("key").asText()).isEqualTo("newsletter");
        assertThat(json.get(2).path("marketing").asBoolean()).isTrue();
        cli.ok("purposes", "add", "--key", "webinar", "--name", "Webinare", "--basis", "consent", "--marketing");
        assertThat(cli.ok("purposes", "list").out()).contains("webinar");
        cli.ok("purposes", "retire", "webinar");
        CliRunner.Result again = cli.run("purposes", "retire", "webinar");
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.err()).contains("already retired");
        CliRunner.Result badBasis = cli.run("purposes", "add", "--key", "x1", "--name", "X", "--basis", "whim");
        assertThat(badBasis.exit()).isEqualTo(1);
        assertThat(badBasis.err()).contains("Unknown basis 'whim'").contains("legitimate-interest");
    }

    @Test
    void doubleOptInGrantWithdrawAndList() throws Exception {
        String token = cli.ok("consent", "request", "--person", eva, "--purpose", "newsletter", "--method", "double-opt-in",
                "--text-version", "v1").out().strip();
        assertThat(token).matches("[0-9A-F]{32}");
        CliRunner.Result wrong = cli.run("consent", "confirm", "--person", eva, "--purpose", "newsletter", "--token", "0000");
        assertThat(wrong.exit()).isEqualTo(1);
        assertThat(wrong.err()).contains("confirmation code is wrong");
        cli.ok("consent", "confirm", "--person", eva, "--purpose", "newsletter", "--token", token);

        Path form = files.resolve("einwilligung.pdf");
        Files.write(form, "%PDF-1.4 signed form".getBytes());
        cli.ok("consent", "grant", "--person", otto, "--purpose", "newsletter", "--method", "written-form", "--text-version", "v1",
                "--at", "2026-01-15T10:00", "--evidence", form.toString(), "--expires", "2099-12-31");

        CliRunner.Result list = cli.ok("list", "--purpose", "newsletter");
        assertThat(list.out()).contains("Zimmermann").contains("Brückner");
        assertThat(list.err()).contains("2 may be contacted, 0 excluded");

        cli.ok("consent", "withdraw", "--person", eva, "--purpose", "newsletter", "--channel", "e-mail");
        list = cli.ok("list", "--purpose", "newsletter", "--format", "json");
        JsonNode people = new ObjectMapper().readTree(list.out());
        assertThat(people).hasSize(1);
        assertThat(people.get(0).path("familyName").asText()).isEqualTo("Brückner");
        assertThat(list.err()).contains("1 may be contacted, 1 excluded").contains("consent withdrawn: 1");

        JsonNode show = new ObjectMapper().readTree(cli.ok("consent", "show", "--person", eva, "--format", "json").out());
        assertThat(show.path("consents").get(0).path("status").asText()).isEqualTo("withdrawn");
        assertThat(show.path("consents").get(0).path("withdrawalChannel").asText()).isEqualTo("e-mail");
        assertThat(cli.ok("audit", "log").out()).contains("EXPORT").contains("contact_list");
        assertThat(cli.ok("audit", "verify").out()).contains("intact");
    }

    @Test
    void objectionBasisAndInformation() {
        cli.ok("consent", "grant", "--person", eva, "--purpose", "newsletter", "--method", "email", "--text-version", "v1");
        cli.ok("basis", "set", "--person", eva, "--purpose", "customer-service", "--basis", "contract", "--evidence", "Auftrag 17");
        assertThat(cli.ok("object", "--person", eva, "--channel", "phone").out()).contains("1 marketing consent");
        String show = cli.ok("consent", "show", "--person", eva).out();
        assertThat(show).containsPattern("newsletter\\s+no\\s+objected to marketing");
        assertThat(show).containsPattern("customer-service\\s+yes\\s+allowed: contract");

        assertThat(cli.ok("consent", "show", "--person", otto).out()).contains("Inform the person by");
        cli.ok("informed", "--person", otto, "--notice-version", "DS-3", "--how", "letter", "--at", "2026-11-01");
        assertThat(cli.ok("consent", "show", "--person", otto).out()).doesNotContain("Inform the person by")
                .contains("notice DS-3 via letter");
    }

    @Test
    void badInputGetsClearMessagesAndWritesNothing() {
        String before = cli.ok("audit", "verify").out();
        CliRunner.refused(cli.run("consent", "grant", "--person", eva, "--purpose", "newsletter", "--method", "email",
                "--text-version", "v9"), "There is no consent text version 'v9'");
        CliRunner.refused(cli.run("consent", "grant", "--person", eva, "--purpose", "newsletter", "--method", "email",
                "--text-version", "v1", "--at", "2999-01-01T00:00"), "is in the future");
        CliRunner.refused(cli.run("consent", "withdraw", "--person", eva, "--purpose", "newsletter"), "nothing to withdraw");
        CliRunner.refused(cli.run("consent", "grant", "--person", eva, "--purpose", "nope", "--method", "email",
                "--text-version", "v1"), "Unknown purpose 'nope'");
        CliRunner.refused(cli.run("basis", "set", "--person", eva, "--purpose", "newsletter", "--basis", "gut-feeling"),
                "Unknown basis 'gut-feeling'");
        CliRunner.refused(cli.run("basis", "set", "--person", eva, "--purpose", "customer-advertising", "--basis",
                "legitimate-interest"), "balancing note");
        CliRunner.refused(cli.run("consent", "confirm", "--person", eva, "--purpose", "newsletter", "--token", "AB"),
                "no open consent request");
        CliRunner.refused(cli.run("consent", "grant", "--person", "999", "--purpose", "newsletter", "--method", "email",
                "--text-version", "v1"), "There is no person with id 999");
        assertThat(cli.ok("audit", "verify").out()).isEqualTo(before);
    }

}
