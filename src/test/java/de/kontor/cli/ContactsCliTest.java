package de.kontor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContactsCliTest {
    @TempDir
    Path dir;
    CliRunner cli;

    @BeforeEach
    void init() {
        cli = new CliRunner(dir);
        CliRunner.Result r = cli.run("init", "--owner", "Anna Schmidt");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Anna Schmidt");
    }

    private long add(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "contacts";
        all[1] = "add";
        System.arraycopy(args, 0, all, 2, args.length);
        CliRunner.Result r = cli.run(all);
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out().strip()).matches("\\d+");
        return Long.parseLong(r.out().strip());
    }

    @Test
    void addListShowEditDelete() throws Exception {
        long id = add("--given", "Jürgen", "--family", "Weiß", "--email", "j.weiss@example.de", "--phone",
                "+49 (30) 123 456-7", "--street", "Hauptstraße", "--house-number", "5", "--postcode", "10115", "--city",
                "Berlin", "--country", "DE", "--birth-date", "1975-03-02", "--organisation", "Weiß & Söhne KG",
                "--source", "business-card", "--source-detail", "Messe Köln 2026");
        add("--given", "Petra", "--family", "Huber", "--city", "Wien", "--country", "AT", "--postcode", "1010");

        CliRunner.Result list = cli.run("contacts", "list", "--search", "weiss");
        assertThat(list.out()).contains("Weiß, Jürgen").doesNotContain("Huber");

        CliRunner.Result csv = cli.run("contacts", "list", "--format", "csv");
        assertThat(csv.out().lines()).hasSize(3).first().isEqualTo("id,givenName,familyName,email,phone,organisation,city");

        CliRunner.Result json = cli.run("contacts", "show", Long.toString(id), "--format", "json");
        JsonNode node = new ObjectMapper().readTree(json.out());
        assertThat(node.path("familyName").asText()).isEqualTo("Weiß");
        assertThat(node.path("phones").get(0).path("e164").asText()).isEqualTo("+49301234567");
        assertThat(node.path("provenance").path("source").asText()).isEqualTo("business-card");
        assertThat(node.path("provenance").path("detail").asText()).isEqualTo("Messe Köln 2026");
        assertThat(node.path("provenance").path("capturedBy").asText()).isEqualTo("Anna Schmidt");

        CliRunner.Result edit = cli.run("contacts", "edit", Long.toString(id), "--city", "Potsdam", "--postcode", "14467");
        assertThat(edit.exit()).as(edit.err()).isZero();
        assertThat(cli.run("contacts", "show", Long.toString(id)).out()).contains("Potsdam").contains("Jürgen");

        CliRunner.Result log = cli.run("audit", "log", "--person", Long.toString(id));
        assertThat(log.out()).contains("UPDATE").contains("Potsdam");
        assertThat(cli.run("audit", "verify").exit()).isZero();

        assertThat(cli.run("contacts", "delete", Long.toString(id)).exit()).isZero();
        assertThat(cli.run("contacts", "list", "--format", "csv").out().lines()).hasSize(2);
        CliRunner.Result gone = cli.run("contacts", "show", Long.toString(id));
        assertThat(gone.exit()).isEqualTo(1);
        assertThat(gone.err()).contains("There is no person with id " + id);
    }

    @Test
    void invalidFieldsAreNamedOnStderrAndNothingIsSaved() {
        CliRunner.Result r = cli.run("contacts", "add", "--given", "Max", "--family", "Muster", "--email", "max@",
                "--postcode", "123", "--country", "DE", "--birth-date", "2999-01-01");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("email: 'max@' is not a valid e-mail address.")
                .contains("postcode: '123' is not a valid postcode for DE.")
                .contains("birthDate: The birth date 2999-01-01 is in the future.")
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(cli.run("contacts", "list", "--format", "csv").out().lines()).hasSize(1);
    }

    @Test
    void badDateAndUnknownSourceGiveClearMessages() {
        CliRunner.Result date = cli.run("contacts", "add", "--family", "Muster", "--birth-date", "1.2.1980");
        assertThat(date.exit()).isEqualTo(1);
        assertThat(date.err()).contains("birthDate: '1.2.1980' is not a date (YYYY-MM-DD).");
        CliRunner.Result src = cli.run("contacts", "add", "--family", "Muster", "--source", "telepathy");
        assertThat(src.exit()).isEqualTo(1);
        assertThat(src.err()).contains("Unknown source 'telepathy'").contains("business-card");
    }

    @Test
    void wrongPasswordMissingPasswordAndUsage() throws Exception {
        CliRunner.Result wrong = cli.env("KONTOR_PASSWORD", "ganz-falsches-Passwort").run("contacts", "list");
        assertThat(wrong.exit()).isEqualTo(1);
        assertThat(wrong.err().strip()).isEqualTo("Wrong password.");

        CliRunner.Result none = cli.env("KONTOR_PASSWORD", null).run("contacts", "list");
        assertThat(none.exit()).isEqualTo(1);
        assertThat(none.err()).contains("No password given");

        Path pw = dir.resolveSibling(dir.getFileName() + "-pw.txt");
        Files.writeString(pw, de.kontor.testing.TestWorkspaces.PASSWORD + "\n");
        CliRunner.Result fromFile = cli.run("--password-file", pw.toString(), "contacts", "list");
        assertThat(fromFile.exit()).as(fromFile.err()).isZero();

        assertThat(cli.run("contacts", "frobnicate").exit()).isEqualTo(2);
        cli.env("KONTOR_PASSWORD", de.kontor.testing.TestWorkspaces.PASSWORD);
        assertThat(cli.run("init", "--owner", "Zweiter").err()).contains("There is already a Kontor database");
    }

    @Test
    void missingDatabaseIsExplained(@TempDir Path empty) {
        CliRunner.Result r = new CliRunner(empty.resolve("nowhere")).run("contacts", "list");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("There is no Kontor database in").contains("kontor init");
    }
}
