package de.kontor.ui.task;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.concurrent.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The window's task runner: each call becomes a {@link Task} on a small pool of daemon
 * threads; results arrive on the FX thread. Must be called on the FX thread.
 */
public final class FxTaskRunner implements TaskRunner, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FxTaskRunner.class);
    private final ExecutorService executor;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final TaskFailures failures;
    private int running;

    public FxTaskRunner() {
        this(Clock.systemDefaultZone());
    }

    public FxTaskRunner(Clock clock) {
        this.failures = new TaskFailures(clock);
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "kontor-task-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public <T> void run(String what, Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
        if (executor.isShutdown()) {
            LOG.debug("{} not started: the window is closing", what);
            return; // closed with the window: late timers (debounced checks) have nothing left to do
        }
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.call();
            }
        };
        task.setOnSucceeded(e -> {
            finished();
            onSuccess.accept(task.getValue());
        });
        task.setOnFailed(e -> {
            finished();
            failures.log(what, task.getException());
            onFailure.accept(task.getException());
        });
        running++;
        busy.set(true);
        try {
            executor.execute(task);
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            LOG.debug("{} not started: the window is closing", what);
            finished();
        }
    }

    @Override
    public TaskFailures failures() {
        return failures;
    }

    private void finished() {
        running--;
        busy.set(running > 0);
    }

    @Override
    public Runnable debounced(Runnable action, Duration delay) {
        PauseTransition pause = new PauseTransition(javafx.util.Duration.millis(delay.toMillis()));
        pause.setOnFinished(e -> action.run());
        return pause::playFromStart;
    }

    @Override
    public void post(Runnable action) {
        javafx.application.Platform.runLater(action);
    }

    @Override
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
