package de.kontor.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import de.kontor.app.Workspace;
import de.kontor.privacy.SmtpSecurity;
import de.kontor.testing.TestWorkspaces;
import de.kontor.ui.Themes;
import de.kontor.ui.settings.UiSettings;
import de.kontor.ui.task.FxTaskRunner;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window's SMTP settings offer the encryption choice (STARTTLS, TLS, local relay only) in German. */
@ExtendWith(ApplicationExtension.class)
class SmtpSecurityViewTest {
    @TempDir
    Path dir;
    private Workspace workspace;
    private FxTaskRunner runner;

    @Start
    void start(Stage stage) {
        workspace = TestWorkspaces.create(dir.resolve("data"));
        runner = new FxTaskRunner();
        UiSettings settings = UiSettings.load(dir.resolve("window.properties"));
        settings.setLanguage(UiSettings.Language.GERMAN);
        Themes.apply(settings.theme());
        new MainWindow(workspace, runner, settings).show(stage);
    }

    @AfterEach
    void tearDown() {
        runner.close();
        workspace.close();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theEncryptionChoiceIsShownAndSaved(FxRobot robot) throws Exception {
        robot.clickOn("#nav-settings");
        waitUntil(() -> robot.lookup("#smtpSecurity").tryQuery().isPresent());
        ComboBox<SmtpSecurity> security = robot.lookup("#smtpSecurity").queryAs(ComboBox.class);
        TextField port = robot.lookup("#smtpPort").queryAs(TextField.class);
        assertThat(security.getItems()).containsExactly(SmtpSecurity.values());
        assertThat(security.getItems().stream().map(s -> security.getConverter().toString(s)).toList())
                .containsExactly("STARTTLS (meist Port 587)", "TLS (meist Port 465)",
                        "Keine: nur Relay-Server auf diesem Computer");
        waitUntil(() -> security.getValue() == SmtpSecurity.STARTTLS && "587".equals(port.getText()));
        robot.interact(() -> {
            security.setValue(SmtpSecurity.TLS);
            robot.lookup("#smtpHost").queryAs(TextField.class).setText("smtp.example.de");
            robot.lookup("#smtpFrom").queryAs(TextField.class).setText("info@kontor.example");
        });
        assertThat(port.getText()).isEqualTo("465");
        robot.interact(() -> robot.lookup("#smtpSave").queryAs(Button.class).fire());
        waitUntil(() -> workspace.confirmationMail().smtp().map(s -> s.security())
                .orElse(null) == SmtpSecurity.TLS);
        assertThat(workspace.confirmationMail().smtp().orElseThrow().port()).isEqualTo(465);
    }
}
