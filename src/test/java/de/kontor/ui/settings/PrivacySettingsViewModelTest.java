package de.kontor.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import de.kontor.app.Workspace;
import de.kontor.privacy.SmtpSecurity;
import de.kontor.testing.TestWorkspaces;
import de.kontor.ui.UiText;
import de.kontor.ui.task.DirectTaskRunner;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivacySettingsViewModelTest {
    @TempDir
    Path dir;
    Workspace w;
    PrivacySettingsViewModel vm;

    @BeforeEach
    void setUp() {
        w = TestWorkspaces.create(dir);
        vm = new PrivacySettingsViewModel(w.confirmationMail(), w.consents(), w.principal(), new DirectTaskRunner(),
                new UiText(Locale.ENGLISH));
        vm.load();
    }

    @AfterEach
    void tearDown() {
        w.close();
    }

    @Test
    void savesAndRemovesTheSmtpServer() {
        assertThat(vm.hostProperty().get()).isEmpty();
        assertThat(vm.staleDaysProperty().get()).isEqualTo("30");
        vm.hostProperty().set("smtp.example.de");
        vm.portProperty().set("fünf");
        vm.saveSmtp();
        assertThat(vm.errors()).containsEntry("smtp:port", "'fünf' is not a port number (1-65535).");
        vm.portProperty().set("2525");
        vm.saveSmtp();
        assertThat(vm.errorProperty().get()).isEqualTo("The SMTP server needs at least a host and a sender address.");
        vm.fromProperty().set("info@kontor.example");
        vm.usernameProperty().set("info");
        vm.passwordProperty().set("geheim");
        vm.securityProperty().set(SmtpSecurity.TLS);
        vm.saveSmtp();
        assertThat(vm.messageProperty().get()).isEqualTo("SMTP server saved.");
        assertThat(w.confirmationMail().smtp()).hasValueSatisfying(s -> {
            assertThat(s.host()).isEqualTo("smtp.example.de");
            assertThat(s.port()).isEqualTo(2525);
            assertThat(s.security()).isEqualTo(SmtpSecurity.TLS);
            assertThat(s.password()).isEqualTo("geheim");
        });

        PrivacySettingsViewModel again = new PrivacySettingsViewModel(w.confirmationMail(), w.consents(), w.principal(),
                new DirectTaskRunner(), new UiText(Locale.ENGLISH));
        again.load();
        assertThat(again.fromProperty().get()).isEqualTo("info@kontor.example");
        assertThat(again.securityProperty().get()).isEqualTo(SmtpSecurity.TLS);
        assertThat(again.portProperty().get()).isEqualTo("2525");
        again.removeSmtp();
        assertThat(w.confirmationMail().smtp()).isEmpty();
        assertThat(again.hostProperty().get()).isEmpty();
    }

    @Test
    void noEncryptionOnlyToARelayOnThisComputerAndWithoutPassword() {
        vm.hostProperty().set("smtp.example.de");
        vm.fromProperty().set("info@kontor.example");
        assertThat(vm.portProperty().get()).isEqualTo("587");
        vm.securityProperty().set(SmtpSecurity.NONE_LOCAL_RELAY);
        assertThat(vm.portProperty().get()).isEqualTo("25");
        vm.saveSmtp();
        assertThat(vm.errorProperty().get()).isEqualTo("Without encryption Kontor only sends to a relay on this computer "
                + "(localhost, 127.0.0.1 or ::1), not to smtp.example.de. Choose STARTTLS or TLS.");
        vm.hostProperty().set("localhost");
        vm.passwordProperty().set("geheim");
        vm.saveSmtp();
        assertThat(vm.errorProperty().get()).startsWith("A local relay without encryption takes no user name or password");
        assertThat(w.confirmationMail().smtp()).isEmpty();
        vm.passwordProperty().set("");
        vm.saveSmtp();
        assertThat(vm.messageProperty().get()).isEqualTo("SMTP server saved.");
        assertThat(w.confirmationMail().smtp()).hasValueSatisfying(s -> assertThat(s.security())
                .isEqualTo(SmtpSecurity.NONE_LOCAL_RELAY));
        vm.securityProperty().set(SmtpSecurity.TLS);
        assertThat(vm.portProperty().get()).isEqualTo("465");
    }

    @Test
    void savesTheStaleDays() {
        vm.staleDaysProperty().set("zehn");
        vm.saveStaleDays();
        assertThat(vm.errors()).containsKey("stale:staleDays");
        vm.staleDaysProperty().set("0");
        vm.saveStaleDays();
        assertThat(vm.errors()).containsEntry("stale:staleDays", "Give a number of days from 1 to 365.");
        vm.staleDaysProperty().set("10");
        vm.saveStaleDays();
        assertThat(vm.messageProperty().get()).isEqualTo("Saved: unconfirmed requests are stale after 10 days.");
        assertThat(w.consents().staleDays()).isEqualTo(10);
    }
}
