package de.kontor.ui.task;

import de.kontor.app.Logs;
import de.kontor.domain.KontorException;
import java.time.Clock;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a {@link TaskRunner}'s failures go: every failure is logged (kinds and stack frames,
 * never messages: they may hold personal data), and failures that no screen handled are shown
 * in the window's status line through {@link #lastProperty()}. Call on the UI thread.
 */
public final class TaskFailures {
    private static final Logger LOG = LoggerFactory.getLogger(TaskFailures.class);

    private final Clock clock;
    private final ReadOnlyObjectWrapper<TaskFailure> last = new ReadOnlyObjectWrapper<>();

    public TaskFailures(Clock clock) {
        this.clock = clock;
    }

    /**
     * Logs {@code t}: a plain refusal (a {@link KontorException} without a cause) by its key; a
     * refusal caused by another failure as a warning, anything else as an error, both with
     * their stack frames.
     */
    public void log(String what, Throwable t) {
        if (t instanceof java.util.concurrent.CancellationException) {
            LOG.info("{} cancelled", what);
        } else if (t instanceof KontorException k && k.getCause() == null) {
            LOG.info("{} refused: {}", what, Logs.describe(t));
        } else if (t instanceof KontorException) {
            LOG.warn("{} failed: {}", what, Logs.describe(t), Logs.safe(t));
        } else {
            LOG.error("{} failed: {}", what, Logs.describe(t), Logs.safe(t));
        }
    }

    /** Shows {@code t} in the status line (without logging it again). */
    public void show(String what, Throwable t) {
        last.set(new TaskFailure(what, t, clock.instant()));
    }

    /** Logs and shows a failure of work that ran outside the runner (e.g. the backup on exit). */
    public void report(String what, Throwable t) {
        log(what, t);
        show(what, t);
    }

    /** The newest failure not handled by a screen, or null. */
    public ReadOnlyObjectProperty<TaskFailure> lastProperty() {
        return last.getReadOnlyProperty();
    }

    /** The user has read the failure. */
    public void dismiss() {
        last.set(null);
    }
}
