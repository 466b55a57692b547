package de.kontor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.kontor.testing.TestWorkspaces;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RequestsCliTest {
    /** The day `mvn verify` failed when the test used the real date (issue 12): a month end ahead. */
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 3);

    @TempDir
    Path dir;
    CliRunner cli;
    String anna;

    @BeforeEach
    void init() {
        cli = new CliRunner(dir, TestWorkspaces.fixedAt(TODAY));
        cli.ok("init", "--owner", "Inhaberin");
        anna = cli.ok("contacts", "add", "--given", "Anna", "--family", "Fragtnach", "--email", "anna@example.de").out().strip();
    }

    @Test
    void addListExtendClose() throws Exception {
        LocalDate received = LocalDate.of(2026, 10, 31);
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
        // no November 31st: the month ends on November 30th (Regulation 1182/71 Art. 3(2)(c))
        assertThat(first.get("due").asText()).isEqualTo("2026-11-30");
        assertThat(first.get("overdue").asBoolean()).isTrue();
        assertThat(first.get("person").asText()).isEqualTo(anna);

        assertThat(cli.ok("requests", "extend", req, "--reason", "many documents").out())
                // three months from receipt: January 31st, a Sunday, so Monday (Art. 3(4)); not
                // November 30th plus two months (January 30th)
                .contains("now due on 2027-02-01");
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
                TODAY.plusDays(3).toString()), "lies in the future");
        CliRunner.refused(cli.run("requests", "close", "4711"), "There is no request with id 4711");
    }
}
