package de.kontor.ui.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import de.kontor.app.Workspace;
import de.kontor.domain.PersonData;
import de.kontor.domain.ProvenanceInput;
import de.kontor.testing.TestWorkspaces;
import de.kontor.ui.UiText;
import de.kontor.ui.task.TaskRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Search as you type: debounced, and a late answer to an older query never wins. */
class ContactListDebounceTest {
    @TempDir
    Path dir;

    /** Holds debounced actions and background work until the test releases them. */
    static final class HeldRunner implements TaskRunner {
        final List<Runnable> work = new ArrayList<>();
        final de.kontor.ui.task.TaskFailures failures = new de.kontor.ui.task.TaskFailures(java.time.Clock.systemUTC());
        int debounceTriggers;
        Runnable debounced;
        Duration delay;

        @Override
        public <T> void run(String what, Callable<T> task, Consumer<? super T> onSuccess,
                Consumer<Throwable> onFailure) {
            work.add(() -> {
                try {
                    onSuccess.accept(task.call());
                } catch (Exception e) {
                    onFailure.accept(e);
                }
            });
        }

        @Override
        public de.kontor.ui.task.TaskFailures failures() {
            return failures;
        }

        @Override
        public Runnable debounced(Runnable action, Duration delay) {
            this.delay = delay;
            this.debounced = action;
            return () -> debounceTriggers++;
        }

        @Override
        public ReadOnlyBooleanProperty busyProperty() {
            return new SimpleBooleanProperty(false);
        }
    }

    @Test
    void typingIsDebouncedAndStaleAnswersAreDropped() {
        try (Workspace w = TestWorkspaces.create(dir)) {
            w.contacts().create(w.principal(), PersonData.named("Jens", "Größmann"), ProvenanceInput.manual());
            w.contacts().create(w.principal(), PersonData.named("Maria", "Müller"), ProvenanceInput.manual());
            HeldRunner runner = new HeldRunner();
            ContactListViewModel vm = new ContactListViewModel(w.contacts(), w.principal(), runner,
                    new UiText(Locale.ENGLISH));
            assertThat(runner.delay).isEqualTo(Duration.ofMillis(150));

            vm.queryProperty().set("m");
            vm.queryProperty().set("mu");
            vm.queryProperty().set("mul");
            assertThat(runner.debounceTriggers).isEqualTo(3);
            assertThat(runner.work).isEmpty();

            runner.debounced.run();
            vm.queryProperty().set("gross");
            runner.debounced.run();
            assertThat(runner.work).hasSize(2);
            runner.work.get(1).run();
            assertThat(vm.rows()).extracting(r -> r.givenName()).containsExactly("Jens");
            runner.work.get(0).run();
            assertThat(vm.rows()).extracting(r -> r.givenName()).containsExactly("Jens");
            assertThat(vm.statusProperty().get()).isEqualTo("1 of 2");
        }
    }
}
