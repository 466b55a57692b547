package de.kontor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RequestsCliTest {
    @TempDir
    Path dir;
    CliRunner cli;
    String anna;

    @BeforeEach
    void init() {
        cli = new CliRunner(dir);
        cli.ok("init", "--owner", "Inhaberin");
        anna = cli.ok("contacts", "add", "--given", "Anna", "--family", "Fragtnach", "--email", "anna@example.de").out().strip();
    }

    @Test
    void addListExtendClose() throws Exception {
        LocalDate received = LocalDate.now().minusMonths(1).minusDays(3);
        String req = cli.ok("requests", "add", "--type", "access", "--person", anna, "--received", received.toString(),
                "--channel", "e-mail", "--identity-verified", "answered from the known address").out().strip();
        assertThat(req).matches("\\d+");
        String other = cli.ok("requests", "add", "--type", "erasure", "--requester", "Erika Muster, Tel. 0171 111").out().strip();

        String table = cli.ok("requests", "list").out();
        assertThat(table).contains("Access").contains("OVERDUE").contains("Erika Muster");
        JsonNode all = new ObjectMapper().readTree(cli.ok("requests", "list", "--format", "json").out());
        assertThat(all).hasSize(2);
        JsonNode first = all.get(0);
        assertThat(first.get("id").asText()).isEqualTo(req);
        assertThat(first.get("due").asText()).isEqualTo(received.plusMonths(1).toString());
        assertThat(first.get("overdue").asBoolean()).isTrue();
        assertThat(first.get("person").asText()).isEqualTo(anna);

        assertThat(cli.ok("requests", "extend", req, "--reason", "many documents").out())
                .contains("now due on " + received.plusMonths(3));
        CliRunner.refused(cli.run("requests", "extend", req, "--reason", "again"), "can be extended only once");
        assertThat(cli.ok("requests", "close", req).out()).contains("Request " + req + " closed");
        CliRunner.refused(cli.run("requests", "close", req), "Request " + req + " is closed");
        JsonNode open = new ObjectMapper().readTree(cli.ok("requests", "list", "--open", "--format", "json").out());
        assertThat(open).hasSize(1);
        assertThat(open.get(0).get("id").asText()).isEqualTo(other);
    }

    @Test
    void badInputGivesClearMessages() {
        CliRunner.refused(cli.run("requests", "add", "--type", "gossip", "--person", anna), "Unknown value 'gossip'");
        CliRunner.refused(cli.run("requests", "add", "--type", "access", "--person", "4711"), "There is no person with id 4711");
        CliRunner.refused(cli.run("requests", "add", "--type", "access"), "Name a person or describe the requester");
        CliRunner.refused(cli.run("requests", "add", "--type", "access", "--person", anna, "--received", "2026-13-01"),
                "received");
        CliRunner.refused(cli.run("requests", "add", "--type", "access", "--person", anna, "--received",
                LocalDate.now().plusDays(3).toString()), "lies in the future");
        CliRunner.refused(cli.run("requests", "close", "4711"), "There is no request with id 4711");
    }
}
