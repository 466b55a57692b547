package de.kontor.ui.setup;

import static org.assertj.core.api.Assertions.assertThat;

import de.kontor.store.DataFolder;
import de.kontor.testing.FxWait;
import de.kontor.testing.TestWorkspaces;
import de.kontor.ui.KontorApplication;
import java.nio.file.Path;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** First start: the setup dialog of the real application creates the database. */
@ExtendWith(ApplicationExtension.class)
class SetupViewTest {
    @TempDir
    Path dir;
    private KontorApplication app;

    @Start
    void start(Stage stage) {
        app = new KontorApplication(TestWorkspaces.options());
        app.start(stage, new DataFolder(dir.resolve("new")));
    }

    @AfterEach
    void tearDown() throws Exception {
        app.stop();
    }

    @Test
    void showsStrengthAndCreatesTheDatabase(FxRobot robot) throws Exception {
        Button create = robot.lookup("#setupCreate").queryButton();
        robot.clickOn("#setupOwner").write("Anna Schmidt");
        robot.clickOn("#setupPassword").write("kurz");
        ProgressBar bar = robot.lookup("#setupStrength").queryAs(ProgressBar.class);
        assertThat(bar.getProgress()).isGreaterThan(0);
        assertThat(create.isDisabled()).isTrue();
        robot.write("-Pferd-Batterie-9");
        Label strength = robot.lookup("#setupStrengthText").queryAs(Label.class);
        assertThat(strength.getText()).isNotEmpty();
        robot.clickOn("#setupRepeat").write("kurz-Pferd-Batterie-9");
        assertThat(create.isDisabled()).isFalse();
        robot.clickOn(create);
        FxWait.until(() -> new DataFolder(dir.resolve("new")).hasDatabase()
                && robot.lookup("#dashboard").tryQuery().isPresent());
    }
}
