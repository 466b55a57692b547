package de.kontor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A key-slot file lost in a cut-off write: the previous version is used, and the user is told. */
class KeySlotFileCliTest {
    @TempDir
    Path dir;

    @Test
    void aDamagedKeySlotFileIsReplacedByItsPreviousVersionAndTheUserIsTold() throws Exception {
        CliRunner cli = new CliRunner(dir);
        cli.ok("init", "--owner", "Anna Schmidt");
        cli.ok("contacts", "add", "--given", "Otto", "--family", "Brückner");
        Path slots = dir.resolve("keyslots.json");
        Files.copy(slots, dir.resolve("keyslots.json.previous"));
        Files.writeString(slots, "{\"format\": 2, \"slo");

        CliRunner.Result r = cli.ok("contacts", "list");
        assertThat(r.out()).contains("Brückner");
        assertThat(r.err()).contains("previous version").contains("keyslots.json.previous").doesNotContain("Exception");
        assertThat(Files.readString(slots)).contains("\"format\" : 2");
        assertThat(dir.resolve("keyslots.json.previous")).doesNotExist();

        CliRunner.Result again = cli.ok("contacts", "list");
        assertThat(again.err()).doesNotContain("previous version");
    }

    @Test
    void bothVersionsDamagedIsAClearRefusal() throws Exception {
        CliRunner cli = new CliRunner(dir);
        cli.ok("init", "--owner", "Anna Schmidt");
        Files.writeString(dir.resolve("keyslots.json"), "[");
        Files.writeString(dir.resolve("keyslots.json.previous"), "{");
        CliRunner.refused(cli.run("contacts", "list"), "is damaged");
    }
}
