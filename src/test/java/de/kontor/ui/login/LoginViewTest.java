package de.kontor.ui.login;

import static org.assertj.core.api.Assertions.assertThat;

import de.kontor.store.DataFolder;
import de.kontor.testing.FxWait;
import de.kontor.testing.TestWorkspaces;
import de.kontor.ui.KontorApplication;
import de.kontor.ui.settings.UiSettings;
import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The login dialog of the real application: a wrong password, then the right one. */
@ExtendWith(ApplicationExtension.class)
class LoginViewTest {
    @TempDir
    Path dir;
    private KontorApplication app;

    @Start
    void start(Stage stage) {
        DataFolder folder = new DataFolder(dir);
        TestWorkspaces.create(dir).close();
        UiSettings.load(folder.dir().resolve("window.properties")).setLanguage(UiSettings.Language.ENGLISH);
        app = new KontorApplication(TestWorkspaces.options());
        app.start(stage, folder);
    }

    @AfterEach
    void tearDown() throws Exception {
        app.stop();
    }

    @Test
    void wrongPasswordKeepsTheDialogThenTheRightOneOpensTheWindow(FxRobot robot) throws Exception {
        robot.clickOn("#loginPassword").write("falsches-Passwort-1").press(KeyCode.ENTER).release(KeyCode.ENTER);
        Label error = robot.lookup("#loginError").queryAs(Label.class);
        FxWait.until(() -> error.getText().equals("Wrong password."));
        assertThat(robot.lookup("#nav-contacts").tryQuery()).isEmpty();

        robot.clickOn("#loginPassword").write(TestWorkspaces.PASSWORD).press(KeyCode.ENTER).release(KeyCode.ENTER);
        FxWait.until(() -> robot.lookup("#nav-contacts").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#loginPassword").tryQuery()).isEmpty();
    }
}
