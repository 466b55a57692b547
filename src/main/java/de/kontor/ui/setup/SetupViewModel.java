package de.kontor.ui.setup;

import de.kontor.app.Workspace;
import de.kontor.security.PasswordPolicy;
import de.kontor.ui.UiText;
import de.kontor.ui.task.TaskRunner;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** First start: the owner's name and password, with live strength feedback. */
public final class SetupViewModel {
    /** Creates the database; the application passes {@code Workspace.create} with its folder. */
    @FunctionalInterface
    public interface Creator {
        Workspace create(String owner, char[] password);
    }

    private final Creator creator;
    private final PasswordPolicy policy;
    private final TaskRunner runner;
    private final UiText text;

    private final StringProperty owner = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty repeat = new SimpleStringProperty("");
    private final ReadOnlyIntegerWrapper strength = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyStringWrapper strengthText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper hint = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final BooleanBinding canCreate;

    public SetupViewModel(Creator creator, PasswordPolicy policy, TaskRunner runner, UiText text) {
        this.creator = creator;
        this.policy = policy;
        this.runner = runner;
        this.text = text;
        password.addListener((o, a, b) -> updateFeedback());
        repeat.addListener((o, a, b) -> updateFeedback());
        canCreate = Bindings.createBooleanBinding(() -> !busy.get() && !owner.get().isBlank()
                && policy.problem(password.get().toCharArray()) == null && password.get().equals(repeat.get()),
                owner, password, repeat, busy);
        updateFeedback();
    }

    private void updateFeedback() {
        char[] pw = password.get().toCharArray();
        int s = policy.strength(pw);
        strength.set(s);
        strengthText.set(pw.length == 0 ? "" : text.get("password.strength." + s));
        String problem = pw.length == 0 ? null : policy.problem(pw);
        if (problem != null) {
            hint.set(text.get(problem, PasswordPolicy.MIN_LENGTH));
        } else if (!repeat.get().isEmpty() && !repeat.get().equals(password.get())) {
            hint.set(text.get("ui.setup.mismatch"));
        } else {
            hint.set("");
        }
    }

    /** Creates the database off the UI thread; on success hands over the open workspace. */
    public void create(Consumer<Workspace> onOpen) {
        if (!password.get().equals(repeat.get())) {
            error.set(text.get("ui.setup.mismatch"));
            return;
        }
        String name = owner.get();
        char[] pw = password.get().toCharArray();
        error.set("");
        busy.set(true);
        runner.run(() -> creator.create(name, pw), w -> {
            busy.set(false);
            onOpen.accept(w);
        }, t -> {
            busy.set(false);
            error.set(text.error(t));
        });
    }

    public StringProperty ownerProperty() {
        return owner;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public StringProperty repeatProperty() {
        return repeat;
    }

    /** 0 (very weak) to 4 (very strong). */
    public ReadOnlyIntegerProperty strengthProperty() {
        return strength.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty strengthTextProperty() {
        return strengthText.getReadOnlyProperty();
    }

    /** Why the password cannot be used yet (too short, too weak, not repeated), or empty. */
    public ReadOnlyStringProperty hintProperty() {
        return hint.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public BooleanBinding canCreateBinding() {
        return canCreate;
    }
}
