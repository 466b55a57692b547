package de.kontor.ui.task;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;

/**
 * A long task started with {@link TaskRunner#runLong}: its progress (0..1, or -1 while unknown)
 * on the UI thread, and a way to cancel it. The work sees the request through
 * {@link Progress#cancelled()} and stops at its next check.
 */
public final class TaskHandle {
    private final String what;
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(true);
    private volatile boolean cancelRequested;

    TaskHandle(String what) {
        this.what = what;
    }

    /** The bundle key naming the task. */
    public String what() {
        return what;
    }

    /** Asks the work to stop; its result is dropped. */
    public void cancel() {
        cancelRequested = true;
    }

    public boolean isCancelled() {
        return cancelRequested;
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    void progress(double p) {
        progress.set(p);
    }

    void finished() {
        running.set(false);
    }
}
