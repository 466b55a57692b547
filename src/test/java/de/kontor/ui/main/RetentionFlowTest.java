package de.kontor.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import de.kontor.app.Workspace;
import de.kontor.domain.EmailAddress;
import de.kontor.domain.PersonData;
import de.kontor.domain.PersonSummary;
import de.kontor.domain.ProvenanceInput;
import de.kontor.testing.FxWait;
import de.kontor.testing.TestWorkspaces;
import de.kontor.ui.Themes;
import de.kontor.ui.retention.RetentionViewModel;
import de.kontor.ui.settings.UiSettings;
import de.kontor.ui.task.FxTaskRunner;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The window flow: the due list shows a prospect two years ahead and applying it after
 * the preview erases the prospect; erasing a person from the detail shows the result and the
 * person leaves the contacts table.
 */
@ExtendWith(ApplicationExtension.class)
class RetentionFlowTest {
    @TempDir
    Path dir;
    private Workspace workspace;
    private FxTaskRunner runner;
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
    private final java.time.Clock clock = TestWorkspaces.fixedAt(TODAY);

    @Start
    void start(Stage stage) {
        workspace = TestWorkspaces.create(dir.resolve("data"), clock);
        runner = new FxTaskRunner();
        UiSettings settings = UiSettings.load(dir.resolve("window.properties"));
        settings.setLanguage(UiSettings.Language.ENGLISH);
        Themes.apply(settings.theme());
        new MainWindow(workspace, runner, settings, TestWorkspaces.options(clock)).show(stage);
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
    void aProspectDueTwoYearsAheadIsDeletedAfterThePreview(FxRobot robot) throws Exception {
        workspace.contacts().create(workspace.principal(), PersonData.named("Paula", "Probst"), ProvenanceInput.manual());
        Label card = robot.lookup("#dashDue").queryAs(Label.class);
        waitUntil(() -> card.getText().startsWith("0 item(s) due today"));
        robot.clickOn("#dashDueOpen");
        TableView<?> rules = robot.lookup("#retentionRules").queryTableView();
        waitUntil(() -> rules.getItems().size() == 6);
        TableView<RetentionViewModel.DueRow> due = robot.lookup("#retentionDue").queryTableView();
        assertThat(due.getItems()).isEmpty();

        DatePicker asOf = robot.lookup("#retentionAsOf").queryAs(DatePicker.class);
        robot.interact(() -> asOf.setValue(TODAY.plusYears(2)));
        waitUntil(() -> due.getItems().size() == 1);
        assertThat(due.getItems().get(0).person()).isEqualTo("Paula Probst");
        assertThat(due.getItems().get(0).category()).isEqualTo("Prospects without a contract");

        robot.clickOn("#retentionApply");
        waitUntil(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        assertThat(robot.lookup(".dialog-pane .content").queryAs(Label.class).getText())
                .contains("would delete 1 people");
        robot.clickOn("OK");
        waitUntil(() -> due.getItems().isEmpty() && workspace.contacts().count(workspace.principal()) == 0);
        Label message = robot.lookup("#retentionMessage").queryAs(Label.class);
        waitUntil(() -> message.getText().contains("1 people"));
    }

    @Test
    void erasingFromThePersonDetailShowsTheResultAndThePersonLeavesTheTable(FxRobot robot) throws Exception {
        workspace.contacts().create(workspace.principal(), PersonData.named("Maria", "Müller")
                .withEmails(List.of(EmailAddress.work("maria@beispiel.de"))), ProvenanceInput.manual());
        robot.clickOn("#nav-contacts");
        TableView<PersonSummary> contacts = robot.lookup("#contactsTable").queryTableView();
        waitUntil(() -> contacts.getItems().size() == 1);
        robot.clickOn("Müller, Maria");
        Label name = robot.lookup("#detailName").queryAs(Label.class);
        waitUntil(() -> name.getText().equals("Maria Müller"));

        robot.clickOn("#detailPrivacyActions");
        robot.clickOn("Erase…");
        waitUntil(() -> robot.lookup("#erasureConfirm").tryQuery().isPresent());
        robot.clickOn("#erasureConfirm");
        waitUntil(() -> robot.lookup("#erasureResult").tryQuery().isPresent());
        TextArea result = robot.lookup("#erasureResult").queryAs(TextArea.class);
        assertThat(result.getText()).contains("Erased: Master data (name, birth date, notes): 1",
                "Erased: E-mail addresses: 1");
        assertThat(robot.lookup("#erasureSaveCertificate").tryQuery()).isPresent();
        robot.clickOn("Close");
        waitUntil(() -> contacts.getItems().isEmpty());
        assertThat(workspace.contacts().count(workspace.principal())).isZero();
    }
}
