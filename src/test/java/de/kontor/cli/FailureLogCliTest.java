package de.kontor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import de.kontor.app.Logs;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A command that fails on a person's data (an import) leaves a log entry in the data folder, owner-only and without the person. */
class FailureLogCliTest {
    private static final String FAMILY = "Wunderlich";
    private static final String GIVEN = "Annegret";
    private static final String EMAIL = "annegret.wunderlich@example.de";

    @TempDir
    Path data;
    @TempDir
    Path files;

    @Test
    void aFailedImportIsLoggedInTheDataFolderWithoutNamesOrEmails() throws Exception {
        CliRunner cli = new CliRunner(data);
        cli.ok("init", "--owner", "Anna Schmidt");
        // Unquoted values: the JSON parser's own message quotes the name it could not read.
        Path bad = files.resolve("bad.json");
        Files.writeString(bad, "{\"format\":\"kontor-export\",\"schemaVersion\":1,\"people\":[{\"familyName\": " + FAMILY
                + ", \"givenName\": " + GIVEN + ", \"email\": " + EMAIL + "}]}");

        CliRunner.Result r = cli.run("import", "json", bad.toString());

        CliRunner.refused(r, "is not valid JSON");
        Path log = Logs.file(data);
        assertThat(log).exists();
        String text = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(text).contains("import.json.malformed").contains("JsonParseException");
        assertThat(text).doesNotContain(FAMILY).doesNotContain(GIVEN).doesNotContain(EMAIL)
                .doesNotContain("Anna Schmidt").doesNotContain("Schmidt").doesNotContain(bad.toString());
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(log))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(log.getParent())))
                    .isEqualTo("rwx------");
        }
    }

    @Test
    void aMissingDataFolderIsNotCreatedForTheLog() {
        Path missing = data.resolve("nothing-here");

        CliRunner.Result r = new CliRunner(missing).run("contacts", "list");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(missing).doesNotExist();
    }
}
