package de.kontor.ui.task;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;

/**
 * Runs work away from the UI thread and hands the result or failure back on the UI thread.
 * Every background task of the window goes through here: each failure is logged (see
 * {@link TaskFailures}), and failures no screen handles itself reach the status line.
 * View models depend on this interface only, so tests give them {@link DirectTaskRunner},
 * which runs everything on the calling thread without the JavaFX toolkit.
 */
public interface TaskRunner {
    /** The bundle key naming work that does not name itself. */
    String WORK = "ui.task.work";

    /**
     * Runs {@code work}; {@code onSuccess} or {@code onFailure} follow on the UI thread. The
     * failure is logged before {@code onFailure} shows it. {@code what} is the bundle key
     * naming the work (for the log and the status line).
     */
    <T> void run(String what, Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure);

    /** As above for work whose screen shows its own failures. */
    default <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
        run(WORK, work, onSuccess, onFailure);
    }

    /** Work no screen waits for (a check, a build, a backup): a failure is logged and shown in the status line. */
    default <T> void run(String what, Callable<T> work, Consumer<? super T> onSuccess) {
        run(what, work, onSuccess, t -> failures().show(what, t));
    }

    /**
     * Long work with progress and cancel: {@code work} reports through its {@link Progress} and
     * looks at {@link Progress#cancelled()}. After a cancel neither callback runs (a
     * {@link CancellationException} from the work counts as cancelled too).
     */
    default <T> TaskHandle runLong(String what, LongWork<T> work, Consumer<? super T> onSuccess,
            Consumer<Throwable> onFailure) {
        TaskHandle handle = new TaskHandle(what);
        double[] shown = {-1};
        Progress progress = new Progress() {
            @Override
            public void update(long done, long total) {
                fraction(total <= 0 ? -1 : Math.min(1.0, (double) done / total));
            }

            @Override
            public void fraction(double done) {
                // Throttled: at most about a hundred updates reach the UI thread.
                synchronized (shown) {
                    if (Math.abs(done - shown[0]) < 0.01 && done < 1) {
                        return;
                    }
                    shown[0] = done;
                }
                post(() -> handle.progress(done));
            }

            @Override
            public boolean cancelled() {
                return handle.isCancelled();
            }
        };
        run(what, () -> work.call(progress), result -> {
            handle.finished();
            if (!handle.isCancelled()) {
                handle.progress(1);
                onSuccess.accept(result);
            }
        }, t -> {
            handle.finished();
            if (!handle.isCancelled() && !(t instanceof CancellationException)) {
                onFailure.accept(t);
            }
        });
        return handle;
    }

    /** Where failures are logged and shown (the status line listens to it). */
    TaskFailures failures();

    /** A runnable that runs {@code action} once the calls have paused for {@code delay}. */
    Runnable debounced(Runnable action, Duration delay);

    /**
     * Runs {@code action} on the UI thread: for progress reported from inside running work.
     * Runs it at once by default (tests without a toolkit).
     */
    default void post(Runnable action) {
        action.run();
    }

    /** True while any work is running (for a progress indicator). */
    ReadOnlyBooleanProperty busyProperty();
}
