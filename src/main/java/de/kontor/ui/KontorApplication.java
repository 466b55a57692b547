package de.kontor.ui;

import de.kontor.app.Logs;
import de.kontor.app.Workspace;
import de.kontor.security.PasswordPolicy;
import de.kontor.store.DataFolder;
import de.kontor.ui.login.LoginView;
import de.kontor.ui.login.LoginViewModel;
import de.kontor.ui.main.MainWindow;
import de.kontor.ui.main.StartupWork;
import de.kontor.ui.settings.UiSettings;
import de.kontor.ui.setup.SetupView;
import de.kontor.ui.setup.SetupViewModel;
import de.kontor.ui.task.FxTaskRunner;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The window's composition root: chooses the data folder, shows setup or login, then the main
 * window for the opened workspace. Everything is wired here by constructor.
 */
public class KontorApplication extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(KontorApplication.class);
    public static final String DATA_PROPERTY = "kontor.data";

    private final Workspace.Options options;
    private FxTaskRunner runner;
    private MainWindow window;

    public KontorApplication() {
        this(Workspace.Options.defaults());
    }

    /** For tests: a cheaper Argon2 cost. */
    public KontorApplication(Workspace.Options options) {
        this.options = options;
    }

    /** Called by the launcher (which must not extend Application itself). */
    public static void launchWindow(String[] args) {
        Application.launch(KontorApplication.class, args);
    }

    /** {@code -Dkontor.data=DIR} overrides the per-user default folder. */
    public static DataFolder dataFolder() {
        String override = System.getProperty(DATA_PROPERTY);
        return override == null || override.isBlank() ? DataFolder.systemDefault() : new DataFolder(Path.of(override));
    }

    @Override
    public void start(Stage stage) {
        start(stage, dataFolder());
    }

    /** Shows setup (no database yet) or login for {@code folder}. */
    public void start(Stage stage, DataFolder folder) {
        Logs.writeTo(folder.dir());
        UiSettings settings = UiSettings.load(folder.dir().resolve("window.properties"));
        Themes.apply(settings.theme());
        runner = new FxTaskRunner();
        UiText text = new UiText(settings.language().locale());
        Parent root;
        if (folder.hasDatabase()) {
            LoginViewModel vm = new LoginViewModel((user, pw) -> Workspace.open(folder, user, pw, options),
                    slotCount(folder), runner, text);
            root = new LoginView(vm, text, folder.dir().toString(), w -> opened(stage, w, settings)).root();
        } else {
            SetupViewModel vm = new SetupViewModel((owner, pw) -> Workspace.create(folder, owner, pw, options),
                    new PasswordPolicy(), runner, text);
            root = new SetupView(vm, text, w -> opened(stage, w, settings)).root();
        }
        stage.setTitle(text.get("ui.app.title"));
        stage.setScene(new Scene(root, 640, 520));
        stage.show();
    }

    /** How many accounts have a key slot; 0 when the file cannot be read (login then shows why). */
    private int slotCount(DataFolder folder) {
        try {
            return Workspace.slotCount(folder, options);
        } catch (RuntimeException e) {
            // The login then asks for the password; opening reports what is wrong with the file.
            LOG.warn("Key slots could not be counted: {}", Logs.describe(e));
            return 0;
        }
    }

    private void opened(Stage stage, Workspace w, UiSettings settings) {
        Logs.writeTo(w.folder().dir()); // after setup the folder exists now
        window = new MainWindow(w, runner, settings, options);
        new StartupWork(runner).start(w);
        window.show(stage);
        window.startAutoBackups();
        stage.centerOnScreen();
    }

    @Override
    public void stop() {
        if (window != null) {
            window.backupOnExit();
            window.workspace().close();
        }
        if (runner != null) {
            runner.close();
        }
    }
}
