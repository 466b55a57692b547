package de.kontor.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import de.kontor.app.Workspace;
import de.kontor.domain.EmailAddress;
import de.kontor.domain.Person;
import de.kontor.domain.PersonData;
import de.kontor.domain.PersonSummary;
import de.kontor.domain.ProvenanceInput;
import de.kontor.domain.privacy.ConsentStatus;
import de.kontor.testing.FxWait;
import de.kontor.testing.TestWorkspaces;
import de.kontor.ui.Themes;
import de.kontor.ui.settings.UiSettings;
import de.kontor.ui.task.FxTaskRunner;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The window flow on a real encrypted database: record newsletter consent in the
 * privacy tab, see the person in the newsletter list, withdraw, see the person leave it.
 */
@ExtendWith(ApplicationExtension.class)
class PrivacyFlowTest {
    @TempDir
    Path dir;
    private Workspace workspace;
    private FxTaskRunner runner;
    private Person maria;

    @Start
    void start(Stage stage) {
        workspace = TestWorkspaces.create(dir.resolve("data"));
        maria = workspace.contacts().create(workspace.principal(), PersonData.named("Maria", "Müller")
                .withEmails(List.of(EmailAddress.work("maria@beispiel.de"))), ProvenanceInput.manual());
        workspace.purposes().addText(workspace.principal(), "newsletter", "2026-1",
                "Ja, ich möchte den Newsletter per E-Mail erhalten. Abmeldung jederzeit.");
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

    private ConsentStatus newsletterStatus() {
        return workspace.consents().overview(workspace.principal(), maria.id()).consents().stream()
                .filter(c -> c.purposeKey().equals("newsletter")).reduce((a, b) -> b).map(c -> c.status()).orElse(null);
    }

    @Test
    void consentPutsThePersonOnTheNewsletterListAndWithdrawalTakesThemOff(FxRobot robot) throws Exception {
        assertThat(robot.lookup("#dashboard").tryQuery()).isPresent();
        robot.clickOn("#nav-contacts");
        TableView<PersonSummary> contacts = robot.lookup("#contactsTable").queryTableView();
        waitUntil(() -> contacts.getItems().size() == 1);
        robot.clickOn("Müller, Maria");
        Label name = robot.lookup("#detailName").queryAs(Label.class);
        waitUntil(() -> name.getText().equals("Maria Müller"));

        robot.clickOn("Privacy");
        TableView<?> decisions = robot.lookup("#privacyDecisions").queryTableView();
        waitUntil(() -> decisions.getItems().size() == 5);
        robot.clickOn("Newsletter");
        ComboBox<?> text = robot.lookup("#grantText").queryAs(ComboBox.class);
        waitUntil(() -> text.getValue() != null);
        robot.clickOn("#grantSave");
        waitUntil(() -> newsletterStatus() == ConsentStatus.GIVEN);
        Label message = robot.lookup("#privacyMessage").queryAs(Label.class);
        waitUntil(() -> message.getText().equals("Saved."));

        robot.clickOn("#nav-lists");
        robot.clickOn("#listPurpose");
        robot.clickOn("Newsletter");
        TableView<PersonSummary> list = robot.lookup("#listTable").queryTableView();
        waitUntil(() -> list.getItems().size() == 1 && list.getItems().get(0).id() == maria.id());

        robot.doubleClickOn("Müller, Maria");
        waitUntil(() -> robot.lookup("#privacyWithdraw").tryQuery().isPresent());
        robot.clickOn("Privacy");
        robot.clickOn("#privacyChannel").write("Telefon");
        robot.clickOn("#privacyWithdraw");
        waitUntil(() -> newsletterStatus() == ConsentStatus.WITHDRAWN);

        robot.clickOn("#nav-lists");
        TableView<PersonSummary> after = robot.lookup("#listTable").queryTableView();
        Label summary = robot.lookup("#listSummary").queryAs(Label.class);
        waitUntil(() -> after.getItems().isEmpty() && summary.getText().startsWith("0 may be contacted"));
    }

    @Test
    void dashboardItemOpensThePersonAndThePrivacyScreensOpen(FxRobot robot) throws Exception {
        Person otto = workspace.contacts().create(workspace.principal(), PersonData.named("Otto", "Brückner"),
                ProvenanceInput.of(de.kontor.domain.SourceKind.IMPORT, "messe.csv"));
        robot.clickOn("#dashboardRefresh");
        javafx.scene.control.ListView<?> due = robot.lookup("#dashInformation").queryListView();
        waitUntil(() -> due.getItems().size() == 1);
        javafx.scene.Node first = robot.lookup("#dashInformation .list-cell").nth(0).query();
        assertThat(((javafx.scene.control.ListCell<?>) first).getText()).startsWith("Brückner, Otto · Import file · inform by ");
        robot.clickOn(first);
        Label name = robot.lookup("#detailName").queryAs(Label.class);
        waitUntil(() -> name.getText().equals("Otto Brückner"));
        assertThat(otto.id()).isPositive();

        robot.clickOn("#nav-purposes");
        TableView<?> purposes = robot.lookup("#purposesTable").queryTableView();
        waitUntil(() -> purposes.getItems().size() == 5);
        robot.clickOn("#nav-settings");
        javafx.scene.control.TextField stale = robot.lookup("#staleDays").queryAs(javafx.scene.control.TextField.class);
        waitUntil(() -> "30".equals(stale.getText()));
    }
}
