package de.kontor.ui.settings;

import de.kontor.domain.Principal;
import de.kontor.domain.ValidationException;
import de.kontor.privacy.SuppressionService;
import de.kontor.ui.UiText;
import de.kontor.ui.task.TaskRunner;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The owner lifts a re-entry block on an e-mail address or phone with a documented reason. */
public final class SuppressionViewModel {
    /** What the block matched. */
    public enum Kind {
        EMAIL("email"), PHONE("phone");

        private final String key;

        Kind(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    private final SuppressionService suppression;
    private final Principal principal;
    private final TaskRunner runner;
    private final UiText text;
    private final ObjectProperty<Kind> kind = new SimpleObjectProperty<>(Kind.EMAIL);
    private final StringProperty value = new SimpleStringProperty("");
    private final StringProperty reason = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    public SuppressionViewModel(SuppressionService suppression, Principal principal, TaskRunner runner, UiText text) {
        this.suppression = suppression;
        this.principal = principal;
        this.runner = runner;
        this.text = text;
    }

    public void lift() {
        error.set("");
        message.set("");
        Kind k = kind.get();
        String v = value.get() == null ? "" : value.get().strip();
        String r = reason.get();
        if (v.isEmpty()) {
            error.set(text.get("validation.required"));
            return;
        }
        runner.run(() -> suppression.lift(principal, k.key(), v, r), n -> {
            message.set(text.get("ui.erasure.blockLifted"));
            value.set("");
            reason.set("");
        }, t -> error.set(t instanceof ValidationException ve && !ve.errors().isEmpty()
                ? ve.errors().stream().map(f -> text.get(f.messageKey(), f.args().toArray()))
                        .collect(Collectors.joining(" "))
                : text.error(t)));
    }

    public ObjectProperty<Kind> kindProperty() {
        return kind;
    }

    public StringProperty valueProperty() {
        return value;
    }

    public StringProperty reasonProperty() {
        return reason;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
