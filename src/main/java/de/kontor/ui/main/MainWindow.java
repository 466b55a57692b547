package de.kontor.ui.main;

import atlantafx.base.theme.Styles;
import de.kontor.app.Workspace;
import de.kontor.domain.Principal;
import de.kontor.ui.Themes;
import de.kontor.ui.UiText;
import de.kontor.ui.Views;
import de.kontor.ui.audit.AuditView;
import de.kontor.ui.audit.AuditViewModel;
import de.kontor.ui.contacts.ContactListViewModel;
import de.kontor.ui.contacts.ContactsView;
import de.kontor.ui.contacts.PersonDetailViewModel;
import de.kontor.ui.contacts.PersonFormViewModel;
import de.kontor.ui.dashboard.DashboardView;
import de.kontor.ui.dedupe.DuplicatesView;
import de.kontor.ui.dedupe.DuplicatesViewModel;
import de.kontor.ui.dashboard.DashboardViewModel;
import de.kontor.ui.erasure.PersonErasureViewModel;
import de.kontor.ui.requests.RequestDueViewModel;
import de.kontor.ui.requests.RequestsView;
import de.kontor.ui.requests.RequestsViewModel;
import de.kontor.ui.importing.ImportView;
import de.kontor.ui.importing.ImportViewModel;
import de.kontor.ui.retention.DueSummaryViewModel;
import de.kontor.ui.retention.RetentionView;
import de.kontor.ui.retention.RetentionViewModel;
import de.kontor.ui.lists.ListsView;
import de.kontor.ui.lists.ListsViewModel;
import de.kontor.ui.organisations.OrganisationFormViewModel;
import de.kontor.ui.privacy.PrivacyViewModel;
import de.kontor.ui.purposes.PurposesView;
import de.kontor.ui.purposes.PurposesViewModel;
import de.kontor.ui.organisations.OrganisationsView;
import de.kontor.ui.organisations.OrganisationsViewModel;
import de.kontor.ui.settings.ControllerSettingsViewModel;
import de.kontor.ui.settings.PrivacySettingsViewModel;
import de.kontor.ui.settings.SettingsView;
import de.kontor.ui.settings.SuppressionViewModel;
import de.kontor.ui.backup.AutoBackup;
import de.kontor.ui.backup.BackupViewModel;
import de.kontor.ui.backup.WorkspaceSwitch;
import de.kontor.app.Backups;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import de.kontor.ui.settings.SettingsViewModel;
import de.kontor.ui.settings.UiSettings;
import de.kontor.ui.task.TaskRunner;
import de.kontor.ui.task.TaskStatusViewModel;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.kordamp.ikonli.feather.Feather;

/**
 * The main window for an open workspace: sidebar navigation and one screen at a time. Wires
 * each screen's view model to the workspace's services. Changing the language re-creates the
 * scene content with the new texts.
 */
public final class MainWindow {
    private static final KeyCombination NEW = new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination FIND = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);

    private Workspace workspace;
    private final TaskRunner runner;
    private final UiSettings settings;
    private final Backups backups = new Backups();
    private final WorkspaceSwitch workspaces;
    private final AutoBackup autoBackup;
    private Timeline backupTimer;
    private boolean exitBackupDone;
    private Scene scene;
    private Screens screens;

    public MainWindow(Workspace workspace, TaskRunner runner, UiSettings settings) {
        this(workspace, runner, settings, Workspace.Options.defaults());
    }

    /** {@code options}: how to open the database again after a restore. */
    public MainWindow(Workspace workspace, TaskRunner runner, UiSettings settings, Workspace.Options options) {
        this.workspace = workspace;
        this.runner = runner;
        this.settings = settings;
        this.workspaces = new WorkspaceSwitch(workspace, options, backups);
        this.autoBackup = new AutoBackup(backups, workspaces::current, settings::backupGenerations, options.clock());
    }

    /** The workspace in use (another one after a restore). */
    public Workspace workspace() {
        return workspaces.current();
    }

    /** The daily automatic backup: checked now and every hour, in the background. */
    public void startAutoBackups() {
        Runnable check = () -> autoBackup.checkDaily(runner);
        check.run();
        backupTimer = new Timeline(new KeyFrame(javafx.util.Duration.millis(AutoBackup.CHECK_EVERY.toMillis()),
                e -> check.run()));
        backupTimer.setCycleCount(Animation.INDEFINITE);
        backupTimer.play();
    }

    /**
     * The backup on exit, once (when the user closes the window, else when the application
     * stops); failures must not stop the exit. A failure is logged; while the window is still
     * there (the user closed it) a dialog says so before it goes.
     */
    public void backupOnExit() {
        if (exitBackupDone) {
            return;
        }
        exitBackupDone = true;
        if (backupTimer != null) {
            backupTimer.stop();
        }
        Throwable failed = autoBackup.backupOnExit(runner.failures());
        if (failed != null && scene != null && scene.getWindow() != null && scene.getWindow().isShowing()) {
            Alert a = new Alert(Alert.AlertType.ERROR, screens.text.get("ui.task.failed",
                    screens.text.get("ui.task.backupOnExit"), screens.text.error(failed)), ButtonType.OK);
            a.setHeaderText(null);
            a.initOwner(scene.getWindow());
            a.showAndWait();
        }
    }

    /** After a restore attempt: the window shows the workspace now in use and says what happened. */
    private void restoreFinished(String message, boolean ok) {
        workspace = workspaces.current();
        rebuild();
        Alert a = new Alert(ok ? Alert.AlertType.INFORMATION : Alert.AlertType.ERROR, message, ButtonType.OK);
        a.setHeaderText(null);
        a.initOwner(scene.getWindow());
        a.show();
    }

    /** Puts the window into {@code stage} and shows it. */
    public void show(Stage stage) {
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        scene = new Scene(build(), Math.min(1320, screen.getWidth() - 80), Math.min(820, screen.getHeight() - 60));
        scene.getAccelerators().put(NEW, () -> screens.newPerson());
        scene.getAccelerators().put(FIND, () -> screens.findPerson());
        stage.setScene(scene);
        stage.setTitle(screens.text.get("ui.app.title"));
        // The user closes the window: the exit backup runs while a failure can still be shown.
        stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST, e -> backupOnExit());
        stage.show();
    }

    private void rebuild() {
        scene.setRoot(build());
        ((Stage) scene.getWindow()).setTitle(screens.text.get("ui.app.title"));
        screens.select("settings");
    }

    private Parent build() {
        UiText text = new UiText(settings.language().locale());
        screens = new Screens(text);
        return screens.root;
    }

    /** The screens and sidebar in one language. */
    private final class Screens {
        private final UiText text;
        private final BorderPane root = new BorderPane();
        private final ToggleGroup nav = new ToggleGroup();
        private final java.util.Map<String, ToggleButton> buttons = new java.util.HashMap<>();
        private ContactsView contacts;
        private ListsView lists;
        private DuplicatesView duplicates;
        private RequestsView requests;
        private ImportView imports;
        private TaskStatusViewModel status;

        Screens(UiText text) {
            this.text = text;
            Principal me = workspace.principal();
            VBox side = new VBox(4);
            side.setPadding(new Insets(12, 8, 12, 8));
            side.setPrefWidth(200);
            side.setStyle("-fx-background-color: -color-bg-subtle;");
            Label brand = Views.title("Kontor");
            brand.setPadding(new Insets(0, 0, 12, 8));
            side.getChildren().add(brand);
            side.getChildren().add(navButton("dashboard", Feather.HOME, () -> new DashboardView(
                    new DashboardViewModel(workspace.dashboard(), workspace.purposes(), me, runner, text),
                    new DueSummaryViewModel(workspace.retention(), me, runner, text, workspace.clock()),
                    me.role().canUsePrivacyActions()
                            ? new RequestDueViewModel(workspace.requests(), workspace.contacts(), me, runner, text,
                                    workspace.clock())
                            : null,
                    text, this::openPerson, () -> select("retention"), this::openRequest).root()));
            side.getChildren().add(navButton("contacts", Feather.USERS, () -> contactsView().root()));
            side.getChildren().add(navButton("organisations", Feather.BRIEFCASE, () -> new OrganisationsView(
                    new OrganisationsViewModel(workspace.organisations(), workspace.contacts(), me, runner, text),
                    () -> new OrganisationFormViewModel(workspace.organisations(), me, runner, text), text).root()));
            side.getChildren().add(navButton("lists", Feather.MAIL, () -> listsView().root()));
            side.getChildren().add(navButton("requests", "ui.requests.nav", Feather.INBOX, () -> requestsView().root()));
            side.getChildren().add(navButton("purposes", Feather.TARGET, () -> new PurposesView(
                    new PurposesViewModel(workspace.purposes(), me, runner, text), text).root()));
            side.getChildren().add(navButton("retention", "ui.retention.nav", Feather.ARCHIVE, () -> new RetentionView(
                    new RetentionViewModel(workspace.retention(), workspace.contacts(), me, runner, text,
                            workspace.clock()), text).root()));
            side.getChildren().add(navButton("duplicates", "ui.dedupe.nav", Feather.COPY, () -> duplicatesView().root()));
            side.getChildren().add(navButton("import", Feather.DOWNLOAD, () -> importView().root()));
            side.getChildren().add(navButton("audit", Feather.SHIELD, () -> new AuditView(
                    new AuditViewModel(workspace.audit(), me, runner, text), text).root()));
            side.getChildren().add(navButton("settings", Feather.SETTINGS, () -> new SettingsView(
                    new SettingsViewModel(settings, l -> rebuild(), Themes::apply),
                    new PrivacySettingsViewModel(workspace.confirmationMail(), workspace.consents(), me, runner, text),
                    new ControllerSettingsViewModel(workspace.subjectData(), me, runner, text),
                    new BackupViewModel(workspaces, backups, autoBackup, settings, runner, text, workspace.clock(),
                            new BackupViewModel.RestoreListener() {
                                @Override
                                public void restored(int reErased) {
                                    restoreFinished(text.get("ui.backup.restored", reErased), true);
                                }

                                @Override
                                public void failed(String message) {
                                    restoreFinished(message, false);
                                }
                            }),
                    new SuppressionViewModel(workspace.suppression(), me, runner, text),
                    text).root()));
            Region gap = new Region();
            VBox.setVgrow(gap, Priority.ALWAYS);
            Label user = new Label(text.get("ui.app.signedIn", me.displayName()));
            user.getStyleClass().add(Styles.TEXT_MUTED);
            user.setWrapText(true);
            ProgressIndicator busy = new ProgressIndicator();
            busy.setId("busy");
            busy.setPrefSize(20, 20);
            busy.visibleProperty().bind(runner.busyProperty());
            HBox foot = new HBox(8, busy, user);
            foot.setAlignment(Pos.CENTER_LEFT);
            side.getChildren().add(gap);
            if (workspace.compactionPending()) {
                // an erasure's compaction did not finish: erased values may still be in the file
                Label pending = new Label(text.get("ui.app.compactionPending"), Views.icon(Feather.ALERT_TRIANGLE));
                pending.setId("compaction-pending");
                pending.getStyleClass().add(Styles.WARNING);
                pending.setWrapText(true);
                side.getChildren().add(pending);
            }
            side.getChildren().add(foot);
            root.setLeft(side);
            root.setBottom(statusLine());
            select("dashboard");
        }

        /** Failures of background work no screen shows itself: one line, "Details" and "Close". */
        private HBox statusLine() {
            java.nio.file.Path log = de.kontor.app.Logs.file(workspace.folder().dir());
            status = new TaskStatusViewModel(runner, text, java.nio.file.Files.exists(log) ? log : null);
            Label message = new Label();
            message.setId("status-message");
            message.textProperty().bind(status.messageProperty());
            message.setWrapText(true);
            message.getStyleClass().add(Styles.DANGER);
            HBox.setHgrow(message, Priority.ALWAYS);
            message.setMaxWidth(Double.MAX_VALUE);
            javafx.scene.control.Button details = new javafx.scene.control.Button(text.get("ui.task.detailsButton"));
            details.setId("status-details");
            details.setOnAction(e -> {
                Alert a = new Alert(Alert.AlertType.INFORMATION, status.detailsProperty().get(), ButtonType.OK);
                a.setTitle(text.get("ui.task.detailsTitle"));
                a.setHeaderText(status.messageProperty().get());
                a.initOwner(scene.getWindow());
                a.show();
            });
            javafx.scene.control.Button close = new javafx.scene.control.Button(text.get("ui.task.dismiss"));
            close.setId("status-dismiss");
            close.setOnAction(e -> status.dismiss());
            HBox line = new HBox(8, message, details, close);
            line.setId("status-line");
            line.setAlignment(Pos.CENTER_LEFT);
            line.setPadding(new Insets(6, 12, 6, 12));
            line.visibleProperty().bind(status.shownProperty());
            line.managedProperty().bind(status.shownProperty());
            return line;
        }

        private ToggleButton navButton(String id, Feather icon, Supplier<Parent> screen) {
            return navButton(id, "ui.nav." + id, icon, screen);
        }

        private ToggleButton navButton(String id, String labelKey, Feather icon, Supplier<Parent> screen) {
            ToggleButton b = new ToggleButton(text.get(labelKey), Views.icon(icon));
            b.setId("nav-" + id);
            b.setToggleGroup(nav);
            b.setMaxWidth(Double.MAX_VALUE);
            b.setAlignment(Pos.CENTER_LEFT);
            b.getStyleClass().add(Styles.FLAT);
            b.setOnAction(e -> {
                b.setSelected(true);
                root.setCenter(screen.get());
            });
            buttons.put(id, b);
            return b;
        }

        void select(String id) {
            buttons.get(id).fire();
        }

        private ContactsView contactsView() {
            if (contacts == null) {
                Principal me = workspace.principal();
                contacts = new ContactsView(
                        new ContactListViewModel(workspace.contacts(), me, runner, text),
                        new PersonDetailViewModel(workspace.contacts(), workspace.activities(), workspace.audit(),
                                workspace.erasure(), me, runner, text, workspace.clock()),
                        new PrivacyViewModel(workspace.consents(), workspace.purposes(), me, runner, text,
                                workspace.clock()),
                        new PersonErasureViewModel(workspace.erasure(), workspace.restrictions(), workspace.retention(),
                                me, runner, text),
                        () -> new PersonFormViewModel(workspace.contacts(), workspace.organisations(),
                                workspace.suppression(), workspace.dedupe(), me, runner, text), text);
            } else {
                contacts.refresh();
            }
            return contacts;
        }

        /** Kept while the window lives, so the pairs of the last scan stay while a person is opened. */
        private DuplicatesView duplicatesView() {
            if (duplicates == null) {
                duplicates = new DuplicatesView(new DuplicatesViewModel(workspace.dedupe(), workspace.contacts(),
                        workspace.principal(), runner, text), text, this::openPerson);
            }
            return duplicates;
        }

        /** Kept while the window lives, so a preview stays while another screen is looked at. */
        private ImportView importView() {
            if (imports == null) {
                imports = new ImportView(new ImportViewModel(workspace.imports(), workspace.principal(), runner, text,
                        () -> {
                            if (contacts != null) {
                                contacts.refresh();
                            }
                        }), text);
            }
            return imports;
        }

        /** Kept while the window lives, so the chosen purpose stays; built again on each visit. */
        private ListsView listsView() {
            if (lists == null) {
                lists = new ListsView(new ListsViewModel(workspace.contactLists(), workspace.purposes(),
                        workspace.principal(), runner, text), text, this::openPerson);
            } else {
                lists.refresh();
            }
            return lists;
        }

        /** Kept while the window lives, so the request shown stays; loaded again on each visit. */
        private RequestsView requestsView() {
            if (requests == null) {
                Principal me = workspace.principal();
                requests = new RequestsView(new RequestsViewModel(workspace.requests(), workspace.subjectData(),
                        workspace.contacts(), me, runner, text, workspace.clock()),
                        new PersonErasureViewModel(workspace.erasure(), workspace.restrictions(), workspace.retention(),
                                me, runner, text), text);
            } else {
                requests.refresh();
            }
            return requests;
        }

        /** Shows a request in the register (from the dashboard). */
        void openRequest(long requestId) {
            if (!buttons.get("requests").isSelected()) {
                select("requests");
            }
            requests.show(requestId);
        }

        /** Shows a person in the contacts screen (from the dashboard, the lists ...). */
        void openPerson(long personId) {
            if (!buttons.get("contacts").isSelected()) {
                select("contacts");
            }
            contacts.showPerson(personId);
        }

        void newPerson() {
            if (!buttons.get("contacts").isSelected()) {
                select("contacts");
            }
            contacts.newPerson();
        }

        void findPerson() {
            if (!buttons.get("contacts").isSelected()) {
                select("contacts");
            }
            contacts.focusSearch();
        }
    }
}
