package de.kontor.ui.task;

import de.kontor.app.Logs;
import de.kontor.ui.UiText;
import java.nio.file.Path;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;

/**
 * The window's status line for failures of background work that no screen shows itself (the
 * automatic backup, the search index, the form's checks ...): one line in the user's language,
 * and "details" with the kind of failure, the time and where the log file is. Never a stack
 * trace. Listens weakly, so a window rebuilt in another language leaves no listener behind.
 */
public final class TaskStatusViewModel {
    private final TaskFailures failures;
    private final UiText text;
    private final Path logFile;
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper details = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper shown = new ReadOnlyBooleanWrapper(false);
    private final ChangeListener<TaskFailure> listener = (o, was, now) -> show(now);

    /** {@code logFile}: the log file to name in the details, or null when there is none. */
    public TaskStatusViewModel(TaskRunner runner, UiText text, Path logFile) {
        this.failures = runner.failures();
        this.text = text;
        this.logFile = logFile;
        failures.lastProperty().addListener(new WeakChangeListener<>(listener));
        show(failures.lastProperty().get());
    }

    private void show(TaskFailure f) {
        if (f == null) {
            message.set("");
            details.set("");
            shown.set(false);
            return;
        }
        message.set(text.get("ui.task.failed", text.get(f.what()), text.error(f.error())));
        details.set(text.get("ui.task.details", text.get(f.what()), text.dateTime(f.at()), Logs.describe(f.error()),
                logFile == null ? text.get("ui.task.noLogFile") : logFile.toString()));
        shown.set(true);
    }

    /** The user closed the line. */
    public void dismiss() {
        failures.dismiss();
    }

    /** One line: what failed and why, in the user's words; empty when all is well. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** For the "details" dialog. */
    public ReadOnlyStringProperty detailsProperty() {
        return details.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty shownProperty() {
        return shown.getReadOnlyProperty();
    }
}
