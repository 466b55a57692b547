package de.kontor.ui.task;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/** Runs work at once on the calling thread; no debouncing. For tests and scripted use. */
public final class DirectTaskRunner implements TaskRunner {
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final TaskFailures failures;

    public DirectTaskRunner() {
        this(Clock.systemDefaultZone());
    }

    public DirectTaskRunner(Clock clock) {
        this.failures = new TaskFailures(clock);
    }

    @Override
    public <T> void run(String what, Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
        T result;
        try {
            result = work.call();
        } catch (Exception | Error e) {
            failures.log(what, e);
            onFailure.accept(e);
            return;
        }
        onSuccess.accept(result);
    }

    @Override
    public TaskFailures failures() {
        return failures;
    }

    @Override
    public Runnable debounced(Runnable action, Duration delay) {
        return action;
    }

    @Override
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
