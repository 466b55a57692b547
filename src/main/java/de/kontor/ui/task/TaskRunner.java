package de.kontor.ui.task;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;

/**
 * Runs work away from the UI thread and hands the result or failure back on the UI thread.
 * View models depend on this interface only, so tests give them {@link DirectTaskRunner},
 * which runs everything on the calling thread without the JavaFX toolkit.
 */
public interface TaskRunner {
    <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure);

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
