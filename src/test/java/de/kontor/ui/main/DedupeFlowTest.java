package de.kontor.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import de.kontor.app.Workspace;
import de.kontor.domain.ContactKind;
import de.kontor.domain.EmailAddress;
import de.kontor.domain.Person;
import de.kontor.domain.PersonData;
import de.kontor.domain.ProvenanceInput;
import de.kontor.testing.FxWait;
import de.kontor.testing.TestWorkspaces;
import de.kontor.ui.Themes;
import de.kontor.ui.settings.UiSettings;
import de.kontor.ui.task.FxTaskRunner;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The duplicate check in the window: the warning beside the new-person form, and the duplicates screen. */
@ExtendWith(ApplicationExtension.class)
class DedupeFlowTest {
    @TempDir
    Path dir;
    private Workspace workspace;
    private FxTaskRunner runner;

    @Start
    void start(Stage stage) {
        workspace = TestWorkspaces.create(dir.resolve("data"));
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

    private Person jürgen() {
        return workspace.contacts().create(workspace.principal(), new PersonData(null, null, "Jürgen", "Müller",
                LocalDate.of(1970, 4, 12), null, null, null,
                List.of(new EmailAddress(ContactKind.WORK, "j.mueller@example.de")), List.of(), List.of(), List.of(),
                null), ProvenanceInput.manual());
    }

    @Test
    void typingANearDuplicateWarnsAndMergeInsteadCreatesNobody(FxRobot robot) throws Exception {
        Person existing = jürgen();
        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        robot.clickOn("#givenName").write("Juergen");
        robot.clickOn("#familyName").write("Mueller");
        robot.clickOn("#email0").write("j.mueller@example.de");
        robot.clickOn("#phone0").write("0171 2345678");
        // No fixed sleep for the debounce: wait until the check found Jürgen and nothing runs. A
        // later check with the same result does not rebuild the cards (PersonFormViewModel).
        waitUntil(() -> !runner.busyProperty().get()
                && robot.lookup("#duplicateMerge0").tryQuery().map(Node::isVisible).orElse(false)
                && robot.lookup("#duplicateName0").tryQuery()
                        .map(n -> "Jürgen Müller".equals(((Label) n).getText())).orElse(false));
        assertThat(robot.lookup("#duplicateName0").queryAs(Label.class).getText()).isEqualTo("Jürgen Müller");
        assertThat(robot.lookup("#formDuplicates").query().isVisible()).isTrue();

        robot.clickOn("#duplicateMerge0");

        waitUntil(() -> robot.lookup("#personForm").tryQuery().isEmpty());
        Label name = robot.lookup("#detailName").queryAs(Label.class);
        waitUntil(() -> name.getText().equals("Jürgen Müller"));
        assertThat(workspace.contacts().count(workspace.principal())).isEqualTo(1);
        assertThat(workspace.contacts().get(workspace.principal(), existing.id()).data().phones())
                .extracting(p -> p.e164()).containsExactly("+491712345678");
    }

    @Test
    void scanReviewAndMergeOnTheDuplicatesScreen(FxRobot robot) throws Exception {
        jürgen();
        workspace.contacts().create(workspace.principal(), new PersonData(null, null, "Juergen", "Mueller",
                LocalDate.of(1970, 4, 12), null, null, null,
                List.of(new EmailAddress(ContactKind.WORK, "j.mueller@example.de")), List.of(), List.of(), List.of(),
                null), ProvenanceInput.manual());
        robot.clickOn("#nav-duplicates");
        robot.clickOn("#dedupeScan");
        TableView<?> pairs = robot.lookup("#dedupePairs").queryTableView();
        waitUntil(() -> pairs.getItems().size() == 1);
        robot.clickOn("Juergen Mueller");
        waitUntil(() -> robot.lookup("#dedupeMerge").tryQuery().isPresent());
        robot.clickOn("#choose-givenNameB");
        robot.clickOn("#dedupeMerge");
        waitUntil(() -> workspace.contacts().count(workspace.principal()) == 1);
        waitUntil(() -> pairs.getItems().isEmpty());
        assertThat(robot.lookup("#dedupeStatus").queryAs(Label.class).getText()).contains("was merged into");
    }
}
