package de.kontor.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import de.kontor.app.Workspace;
import de.kontor.domain.EmailAddress;
import de.kontor.domain.Person;
import de.kontor.domain.PersonData;
import de.kontor.domain.ProvenanceInput;
import de.kontor.domain.request.RequestType;
import de.kontor.domain.request.SubjectRequest;
import de.kontor.privacy.RequestService;
import de.kontor.testing.FxWait;
import de.kontor.testing.TestWorkspaces;
import de.kontor.ui.Themes;
import de.kontor.ui.requests.RequestsViewModel;
import de.kontor.ui.settings.UiSettings;
import de.kontor.ui.task.FxTaskRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
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

/**
 * The window flow on a real encrypted database: register a request, make the access
 * report, see the request closed with the file's hash; and the dashboard card of an overdue
 * request opens it in the register.
 */
@ExtendWith(ApplicationExtension.class)
class RequestFlowTest {
    @TempDir
    Path dir;
    private Workspace workspace;
    private FxTaskRunner runner;
    private Person maria;
    /** A Saturday at a month end: the deadline one month later is November 30th (no 31st). */
    private static final LocalDate TODAY = LocalDate.of(2026, 10, 31);
    private final java.time.Clock clock = TestWorkspaces.fixedAt(TODAY);

    @Start
    void start(Stage stage) {
        workspace = TestWorkspaces.create(dir.resolve("data"), clock);
        maria = workspace.contacts().create(workspace.principal(), new PersonData(null, null, "Maria", "Müller", null,
                "de", null, null, List.of(EmailAddress.work("maria@beispiel.de")), List.of(), List.of(), List.of(),
                null), ProvenanceInput.manual());
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
    void registerARequestMakeTheReportAndSeeItClosedWithTheFilesHash(FxRobot robot) throws Exception {
        robot.clickOn("#nav-requests");
        TableView<RequestsViewModel.Row> table = robot.lookup("#requestsTable").queryTableView();
        assertThat(table.getItems()).isEmpty();

        robot.clickOn("#requestNew");
        waitUntil(() -> robot.lookup("#registerPersonSearch").tryQuery().isPresent());
        robot.clickOn("#registerPersonSearch").write("Maria");
        ListView<?> matches = robot.lookup("#registerMatches").queryListView();
        waitUntil(() -> matches.getItems().size() == 1);
        robot.clickOn(robot.lookup("#registerMatches .list-cell").nth(0).queryAs(javafx.scene.Node.class));
        Label chosen = robot.lookup("#registerPersonChosen").queryAs(Label.class);
        waitUntil(() -> chosen.getText().startsWith("Chosen: Müller, Maria"));
        robot.clickOn("#registerChannel").write("E-Mail");
        robot.clickOn("#registerIdentity").write("Known address");
        robot.clickOn("#registerSave");
        waitUntil(() -> table.getItems().size() == 1 && robot.lookup("#registerSave").tryQuery().isEmpty());
        RequestsViewModel.Row row = table.getItems().get(0);
        assertThat(row.type()).isEqualTo("Access");
        assertThat(row.who()).isEqualTo("Maria Müller");
        assertThat(row.request().deadline()).isEqualTo(LocalDate.of(2026, 11, 30));
        Label heading = robot.lookup("#requestHeading").queryAs(Label.class);
        waitUntil(() -> heading.getText().equals("Request no. " + row.id() + ": Access"));

        robot.clickOn("#requestReport");
        waitUntil(() -> robot.lookup("#reportTarget").tryQuery().isPresent());
        ComboBox<?> language = robot.lookup("#reportLanguage").queryAs(ComboBox.class);
        assertThat(language.getValue()).isEqualTo(Locale.GERMAN);
        assertThat(robot.lookup("#reportClose").queryAs(CheckBox.class).isSelected()).isTrue();
        Path pdf = dir.resolve("auskunft-maria.pdf");
        TextField target = robot.lookup("#reportTarget").queryAs(TextField.class);
        robot.interact(() -> target.setText(pdf.toString()));
        robot.clickOn("#reportSave");

        Label status = robot.lookup("#requestStatus").queryAs(Label.class);
        waitUntil(() -> status.getText().startsWith("Status: closed"));
        assertThat(pdf).exists();
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(pdf)));
        TableView<RequestsViewModel.FileRow> files = robot.lookup("#requestFiles").queryTableView();
        waitUntil(() -> files.getItems().size() == 1);
        assertThat(files.getItems().get(0).name()).isEqualTo("auskunft-maria.pdf");
        assertThat(files.getItems().get(0).sha256()).isEqualTo(hash);
        assertThat(robot.lookup("#requestsMessage").queryAs(Label.class).getText()).contains(hash);
        SubjectRequest stored = workspace.requests().get(workspace.principal(), row.id());
        assertThat(stored.isOpen()).isFalse();
        assertThat(stored.files()).singleElement().satisfies(f -> assertThat(f.sha256()).isEqualTo(hash));
        // Closed requests leave the open list; "open only" off shows it again.
        waitUntil(() -> table.getItems().isEmpty());
        CheckBox openOnly = robot.lookup("#requestsOpenOnly").queryAs(CheckBox.class);
        assertThat(openOnly.isSelected()).isTrue();
        robot.clickOn("#requestsOpenOnly");
        waitUntil(() -> table.getItems().size() == 1 && table.getItems().get(0).status().equals("closed"));
    }

    @Test
    void theOverdueCardOpensTheRequestInTheRegister(FxRobot robot) throws Exception {
        SubjectRequest late = workspace.requests().register(workspace.principal(), new RequestService.NewRequest(
                RequestType.ERASURE, maria.id(), null, TODAY.minusDays(40), "Brief", null)); // due October 21st
        robot.clickOn("#dashboardRefresh");
        ListView<?> overdue = robot.lookup("#dashRequestsOverdue").queryListView();
        waitUntil(() -> overdue.getItems().size() == 1);
        javafx.scene.Node first = robot.lookup("#dashRequestsOverdue .list-cell").nth(0).query();
        assertThat(((javafx.scene.control.ListCell<?>) first).getText())
                .isEqualTo("Maria Müller · Erasure (no. " + late.id() + ") · "
                        + "10 days overdue");
        robot.clickOn(first);
        Label heading = robot.lookup("#requestHeading").queryAs(Label.class);
        waitUntil(() -> heading.getText().equals("Request no. " + late.id() + ": Erasure"));
        TableView<RequestsViewModel.Row> table = robot.lookup("#requestsTable").queryTableView();
        waitUntil(() -> table.getSelectionModel().getSelectedItem() != null
                && table.getSelectionModel().getSelectedItem().urgency() == RequestsViewModel.Urgency.OVERDUE);
    }
}
