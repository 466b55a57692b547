package de.kontor.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import de.kontor.app.Workspace;
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
        vm.startTlsProperty().set(false);
        vm.saveSmtp();
        assertThat(vm.messageProperty().get()).isEqualTo("SMTP server saved.");
        assertThat(w.confirmationMail().smtp()).hasValueSatisfying(s -> {
            assertThat(s.host()).isEqualTo("smtp.example.de");
            assertThat(s.port()).isEqualTo(2525);
            assertThat(s.startTls()).isFalse();
            assertThat(s.password()).isEqualTo("geheim");
        });

        PrivacySettingsViewModel again = new PrivacySettingsViewModel(w.confirmationMail(), w.consents(), w.principal(),
                new DirectTaskRunner(), new UiText(Locale.ENGLISH));
        again.load();
        assertThat(again.fromProperty().get()).isEqualTo("info@kontor.example");
        again.removeSmtp();
        assertThat(w.confirmationMail().smtp()).isEmpty();
        assertThat(again.hostProperty().get()).isEmpty();
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
