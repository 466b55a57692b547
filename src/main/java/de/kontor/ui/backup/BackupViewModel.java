package de.kontor.ui.backup;

import de.kontor.app.Backups;
import de.kontor.ui.UiText;
import de.kontor.ui.settings.UiSettings;
import de.kontor.ui.task.TaskRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Backups in Settings: back up now (into the data folder or a chosen file), the backups in the
 * data folder with restore, and how many generations the automatic backups keep.
 */
public final class BackupViewModel {
    /** Told after a restore attempt: the window is rebuilt on the workspace now in use. */
    public interface RestoreListener {
        void restored(int reErased);

        void failed(String message);
    }

    /** One backup file of the data folder. */
    public record BackupRow(Path path, String name, String made, String size) {}

    private final WorkspaceSwitch workspaces;
    private final Backups backups;
    private final AutoBackup auto;
    private final UiSettings settings;
    private final TaskRunner runner;
    private final UiText text;
    private final Clock clock;
    private final RestoreListener listener;

    private final ObservableList<BackupRow> rows = FXCollections.observableArrayList();
    private final StringProperty generations = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper working = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    public BackupViewModel(WorkspaceSwitch workspaces, Backups backups, AutoBackup auto, UiSettings settings,
            TaskRunner runner, UiText text, Clock clock, RestoreListener listener) {
        this.workspaces = workspaces;
        this.backups = backups;
        this.auto = auto;
        this.settings = settings;
        this.runner = runner;
        this.text = text;
        this.clock = clock;
        this.listener = listener;
        generations.set(Integer.toString(settings.backupGenerations()));
    }

    /** The folder the automatic backups go to. */
    public String folder() {
        return Backups.backupDir(workspaces.current().folder()).toString();
    }

    /** Lists the backups in the data folder, newest first. */
    public void load() {
        runner.run(() -> backups.list(workspaces.current().folder()).stream().map(this::row).toList(), rows::setAll,
                t -> error.set(text.error(t)));
    }

    private BackupRow row(Path p) {
        String made = AutoBackup.madeAt(p, text.zone()).map(text::dateTime).orElse("");
        String size;
        try {
            size = text.number(Math.max(1, Files.size(p) / 1024)) + " KB";
        } catch (IOException e) {
            size = "";
        }
        return new BackupRow(p, p.getFileName().toString(), made, size);
    }

    /** A backup into the data folder, keeping the configured generations. */
    public void backupNow() {
        work(auto::runNow);
    }

    /** A backup into a file the user chose. */
    public void backupTo(Path target) {
        work(() -> backups.backup(workspaces.current(), target, clock.instant()));
    }

    private void work(java.util.concurrent.Callable<Path> job) {
        if (working.get()) {
            return;
        }
        error.set("");
        message.set("");
        working.set(true);
        runner.run(job, p -> {
            working.set(false);
            message.set(text.get("ui.backup.done", String.valueOf(p)));
            load();
        }, t -> {
            working.set(false);
            error.set(text.error(t));
        });
    }

    /**
     * Restores a backup in place of the current database (after the view's confirmation with
     * the password). On failure the current database stays in use and the error is shown.
     */
    public void restore(Path backup, char[] password) {
        if (working.get()) {
            return;
        }
        error.set("");
        message.set("");
        working.set(true);
        char[] pw = password.clone();
        Arrays.fill(password, '\0');
        runner.run(() -> {
            try {
                return workspaces.restore(backup, pw, text.locale());
            } finally {
                Arrays.fill(pw, '\0');
            }
        }, n -> {
            working.set(false);
            message.set(text.get("ui.backup.restored", n));
            listener.restored(n);
        }, t -> {
            working.set(false);
            error.set(text.get("ui.backup.restoreFailed", text.error(t)));
            listener.failed(error.get());
        });
    }

    /** Remembers how many generations to keep (1 to 100). */
    public void saveGenerations() {
        error.set("");
        message.set("");
        int n;
        try {
            n = Integer.parseInt(generations.get() == null ? "" : generations.get().strip());
        } catch (NumberFormatException e) {
            n = -1;
        }
        if (n < 1 || n > 100) {
            error.set(text.get("ui.backup.badGenerations"));
            return;
        }
        settings.setBackupGenerations(n);
        message.set(text.get("ui.backup.generationsSaved", n));
    }

    public ObservableList<BackupRow> rows() {
        return rows;
    }

    public StringProperty generationsProperty() {
        return generations;
    }

    /** True while a backup or restore runs. */
    public ReadOnlyBooleanProperty workingProperty() {
        return working.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
