package de.kontor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import de.kontor.app.Workspace;
import de.kontor.privacy.SmtpSecurity;
import de.kontor.testing.TestWorkspaces;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kontor settings smtp}: the security choice and {@code --password-file}. */
class SmtpSettingsCliTest {
    static final String SECRET = "Smtp-Geheimnis-4711";

    @TempDir
    Path data;
    @TempDir
    Path files;
    CliRunner cli;
    Path passwordFile;

    @BeforeEach
    void init() throws Exception {
        cli = new CliRunner(data);
        cli.ok("init", "--owner", TestWorkspaces.OWNER);
        passwordFile = files.resolve("smtp.txt");
        Files.writeString(passwordFile, SECRET + "\nzweite Zeile\n", StandardCharsets.UTF_8);
    }

    @Test
    void thePasswordFromAFileIsKeptOnlyInTheEncryptedDatabase() throws Exception {
        cli.ok("settings", "smtp", "--host", "smtp.example.de", "--from", "info@kontor.example", "--user", "info",
                "--password-file", passwordFile.toString());
        try (Workspace w = TestWorkspaces.open(data)) {
            assertThat(w.confirmationMail().smtp()).hasValueSatisfying(s -> {
                assertThat(s.password()).isEqualTo(SECRET);
                assertThat(s.security()).isEqualTo(SmtpSecurity.STARTTLS);
                assertThat(s.port()).isEqualTo(587);
            });
        }
        // Changing the security without a new password keeps the saved one.
        cli.ok("settings", "smtp", "--host", "smtp.example.de", "--from", "info@kontor.example", "--user", "info",
                "--security", "tls");
        try (Workspace w = TestWorkspaces.open(data)) {
            assertThat(w.confirmationMail().smtp()).hasValueSatisfying(s -> {
                assertThat(s.password()).isEqualTo(SECRET);
                assertThat(s.security()).isEqualTo(SmtpSecurity.TLS);
                assertThat(s.port()).isEqualTo(465);
            });
        }
        assertThat(cli.ok("audit", "log").out()).contains("smtp.example.de:465 tls").doesNotContain(SECRET);
        byte[] secret = SECRET.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> all = Files.walk(data)) {
            for (Path f : all.filter(Files::isRegularFile).toList()) {
                assertThat(indexOf(Files.readAllBytes(f), secret)).as("the password in clear in %s", f).isNegative();
            }
        }
    }

    @Test
    void unsafeOrIncompleteChoicesAreRefusedClearly() {
        CliRunner.refused(cli.run("settings", "smtp", "--host", "smtp.example.de", "--from", "info@kontor.example",
                "--password-file", files.resolve("fehlt.txt").toString()), "The SMTP password file "
                + files.resolve("fehlt.txt") + " does not exist.");
        CliRunner.refused(cli.run("settings", "smtp", "--host", "smtp.example.de", "--from", "info@kontor.example",
                "--security", "none-local-relay"), "Without encryption Kontor only sends to a relay on this computer");
        CliRunner.refused(cli.run("settings", "smtp", "--host", "127.0.0.1", "--from", "info@kontor.example",
                "--security", "none-local-relay", "--user", "info", "--password-file", passwordFile.toString()),
                "A local relay without encryption takes no user name or password");
        CliRunner.refused(cli.run("settings", "smtp", "--host", "smtp.example.de", "--from", "info@kontor.example",
                "--security", "plain"), "Unknown value 'plain'. Use one of: starttls, tls, none-local-relay.");
        cli.ok("settings", "smtp", "--host", "127.0.0.1", "--from", "info@kontor.example", "--security",
                "none-local-relay");
        try (Workspace w = TestWorkspaces.open(data)) {
            assertThat(w.confirmationMail().smtp()).hasValueSatisfying(s -> {
                assertThat(s.security()).isEqualTo(SmtpSecurity.NONE_LOCAL_RELAY);
                assertThat(s.port()).isEqualTo(25);
                assertThat(s.password()).isNull();
            });
        }
        assertThat(List.of(cli.ok("settings", "smtp", "--clear").out().strip())).containsExactly("SMTP server removed.");
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
