package de.kontor.ui.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

/** Long work through the runner: progress reaches the handle, cancel drops the result, failures are reported. */
class TaskRunnerTest {
    private final DirectTaskRunner runner = new DirectTaskRunner();
    private final List<Object> results = new ArrayList<>();
    private final List<Throwable> failures = new ArrayList<>();

    @Test
    void progressIsReportedAndTheResultArrives() {
        List<Double> seen = new ArrayList<>();
        TaskHandle[] handle = new TaskHandle[1];
        handle[0] = runner.runLong("ui.task.work", p -> {
            for (int i = 1; i <= 4; i++) {
                p.update(i, 4);
            }
            return "done";
        }, results::add, failures::add);

        assertThat(results).containsExactly("done");
        assertThat(failures).isEmpty();
        assertThat(handle[0].progressProperty().get()).isEqualTo(1.0);
        assertThat(handle[0].runningProperty().get()).isFalse();
    }

    @Test
    void cancelledWorkDeliversNothingAndIsNoFailure() {
        List<Runnable> held = new ArrayList<>();
        TaskRunner holding = new TaskRunner() {
            @Override
            public <T> void run(String what, java.util.concurrent.Callable<T> work,
                    java.util.function.Consumer<? super T> onSuccess, java.util.function.Consumer<Throwable> onFailure) {
                held.add(() -> runner.run(what, work, onSuccess, onFailure));
            }

            @Override
            public TaskFailures failures() {
                return runner.failures();
            }

            @Override
            public Runnable debounced(Runnable action, java.time.Duration delay) {
                return action;
            }

            @Override
            public javafx.beans.property.ReadOnlyBooleanProperty busyProperty() {
                return runner.busyProperty();
            }
        };
        TaskHandle first = holding.runLong("ui.task.work", p -> "too late", results::add, failures::add);
        TaskHandle second = holding.runLong("ui.task.work", p -> {
            if (p.cancelled()) {
                throw new CancellationException();
            }
            return "too late";
        }, results::add, failures::add);

        first.cancel(); // the user presses cancel while the work runs
        second.cancel();
        held.forEach(Runnable::run);

        assertThat(results).isEmpty();
        assertThat(failures).isEmpty();
        assertThat(runner.failures().lastProperty().get()).isNull();
        assertThat(first.runningProperty().get()).isFalse();
    }

    @Test
    void aFailureOfLongWorkReachesTheCaller() {
        runner.runLong("ui.task.work", p -> {
            throw new IllegalStateException("broken");
        }, results::add, failures::add);

        assertThat(failures).singleElement().isInstanceOf(IllegalStateException.class);
    }

    @Test
    void workWithoutItsOwnHandlerReachesTheStatusLine() {
        runner.run("ui.task.indexBuild", () -> {
            throw new IllegalStateException("broken");
        }, results::add);

        assertThat(runner.failures().lastProperty().get().what()).isEqualTo("ui.task.indexBuild");
    }
}
