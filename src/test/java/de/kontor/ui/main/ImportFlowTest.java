package de.kontor.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import de.kontor.app.Workspace;
import de.kontor.domain.Person;
import de.kontor.domain.PersonSummary;
import de.kontor.testing.ImportFixture;
import de.kontor.testing.FxWait;
import de.kontor.testing.TestWorkspaces;
import de.kontor.ui.Themes;
import de.kontor.ui.settings.UiSettings;
import de.kontor.ui.task.FxTaskRunner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The import screen: preview with a blocked row and a duplicate, merge chosen for it, import, list updated. */
@ExtendWith(ApplicationExtension.class)
class ImportFlowTest {
    @TempDir
    Path dir;
    private Workspace workspace;
    private FxTaskRunner runner;
    private Person jürgen;

    @Start
    void start(Stage stage) {
        workspace = TestWorkspaces.create(dir.resolve("data"));
        jürgen = ImportFixture.prepare(workspace);
        runner = new FxTaskRunner();
        UiSettings settings = UiSettings.load(dir.resolve("window.properties"));
        settings.setLanguage(UiSettings.Language.ENGLISH);
        Themes.apply(settings.theme());
        new MainWindow(workspace, runner, settings).show(stage);
    }

    @AfterEach
    void tearDown() {
        runner.close();
        workspace.close();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        FxWait.until(condition);
    }

    @Test
    void previewChooseMergeForTheDuplicateImportAndSeeTheContacts(FxRobot robot) throws Exception {
        Path file = dir.resolve("kontakte.csv");
        Files.writeString(file, ImportFixture.FILE, StandardCharsets.UTF_8);

        robot.clickOn("#nav-import");
        TextField path = robot.lookup("#importPath").queryAs(TextField.class);
        // The file chooser cannot be driven headless: the path goes into the field beside it.
        robot.interact(() -> path.setText(file.toString()));
        robot.clickOn("#importCheck");

        Label summary = robot.lookup("#importSummary").queryAs(Label.class);
        waitUntil(() -> summary.getText().startsWith("4 row(s): 2 can be imported"));
        assertThat(robot.lookup("#importRun").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#importTabs").queryAs(javafx.scene.control.TabPane.class).getTabs())
                .extracting(t -> t.getText()).containsExactly("Column mapping (5)", "Ignored (1)", "Invalid (1)",
                        "Blocked (1)", "Duplicates (1)", "Notes (0)");

        robot.clickOn("Blocked (1)");
        TableView<?> blocked = robot.lookup("#importBlocked").queryTableView();
        assertThat(blocked.getItems()).hasSize(1);
        assertThat(robot.lookup("#importBlocked .table-cell").queryAll()).extracting(n -> ((javafx.scene.control
                .TableCell<?, ?>) n).getText()).contains("3");

        robot.clickOn("Duplicates (1)");
        TableView<?> duplicates = robot.lookup("#importDuplicates").queryTableView();
        waitUntil(() -> robot.lookup("#decision-2").tryQuery().isPresent());
        assertThat(duplicates.getItems()).hasSize(1);
        robot.clickOn("#decision-2");
        robot.clickOn("Merge");
        ChoiceBox<?> decision = robot.lookup("#decision-2").queryAs(ChoiceBox.class);
        assertThat(decision.getValue()).hasToString("MERGE");

        robot.clickOn("#importSkipInvalid");
        Button run = robot.lookup("#importRun").queryAs(Button.class);
        waitUntil(() -> !run.isDisabled());
        robot.clickOn(run);

        Label result = robot.lookup("#importResult").queryAs(Label.class);
        waitUntil(() -> !result.getText().isEmpty());
        assertThat(result.getText()).isEqualTo(
                "Imported 1 people from kontakte.csv; 2 row(s) skipped, 1 merged into existing people.");
        assertThat(workspace.contacts().get(workspace.principal(), jürgen.id()).data().phones())
                .extracting(p -> p.e164()).containsExactly("+49221999888");

        robot.clickOn("#nav-contacts");
        TableView<PersonSummary> contacts = robot.lookup("#contactsTable").queryTableView();
        waitUntil(() -> contacts.getItems().size() == 2);
        assertThat(contacts.getItems()).extracting(PersonSummary::familyName).containsExactlyInAnyOrder("Müller",
                "Bauer");
    }
}
