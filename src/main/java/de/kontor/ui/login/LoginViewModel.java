package de.kontor.ui.login;

import de.kontor.app.Workspace;
import de.kontor.ui.UiText;
import de.kontor.ui.task.TaskRunner;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** Unlocking an existing database: user (only when several share it) and password. */
public final class LoginViewModel {
    /** Opens the database; the application passes {@code Workspace.open} with its folder. */
    @FunctionalInterface
    public interface Opener {
        Workspace open(String user, char[] password);
    }

    private final Opener opener;
    private final TaskRunner runner;
    private final UiText text;
    private final boolean askUser;
    private final StringProperty user = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);

    /**
     * {@code slots}: how many accounts have a key slot; with one the user field is not needed.
     * The key-slot file names no user, so the field starts empty.
     */
    public LoginViewModel(Opener opener, int slots, TaskRunner runner, UiText text) {
        this.opener = opener;
        this.runner = runner;
        this.text = text;
        this.askUser = slots != 1;
    }

    public void unlock(Consumer<Workspace> onOpen) {
        if (busy.get()) {
            return;
        }
        String u = askUser && !user.get().isBlank() ? user.get().strip() : null;
        char[] pw = password.get().toCharArray();
        error.set("");
        busy.set(true);
        runner.run(() -> opener.open(u, pw), w -> {
            busy.set(false);
            password.set("");
            onOpen.accept(w);
        }, t -> {
            busy.set(false);
            password.set("");
            error.set(text.error(t));
        });
    }

    public boolean asksForUser() {
        return askUser;
    }

    public StringProperty userProperty() {
        return user;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
