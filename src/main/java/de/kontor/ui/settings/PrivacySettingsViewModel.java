package de.kontor.ui.settings;

import de.kontor.domain.FieldError;
import de.kontor.domain.Principal;
import de.kontor.domain.Text;
import de.kontor.domain.ValidationException;
import de.kontor.privacy.ConfirmationMail;
import de.kontor.privacy.ConsentService;
import de.kontor.privacy.SmtpSecurity;
import de.kontor.privacy.SmtpSettings;
import de.kontor.ui.UiText;
import de.kontor.ui.task.TaskRunner;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

/**
 * The privacy settings kept in the database: the SMTP server for double opt-in e-mails and
 * after how many days an unconfirmed request is stale. Refusals are keyed "smtp:field" or "stale:field".
 */
public final class PrivacySettingsViewModel {
    private final ConfirmationMail mail;
    private final ConsentService consents;
    private final Principal principal;
    private final TaskRunner runner;
    private final UiText text;

    private final StringProperty host = new SimpleStringProperty("");
    private final StringProperty port = new SimpleStringProperty("587");
    private final StringProperty from = new SimpleStringProperty("");
    private final StringProperty username = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final ObjectProperty<SmtpSecurity> security = new SimpleObjectProperty<>(SmtpSecurity.STARTTLS);
    private final ObservableList<SmtpSecurity> securityChoices = FXCollections.observableArrayList(SmtpSecurity.values());
    private final StringProperty staleDays = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ObservableMap<String, String> errors = FXCollections.observableHashMap();

    public PrivacySettingsViewModel(ConfirmationMail mail, ConsentService consents, Principal principal,
            TaskRunner runner, UiText text) {
        this.mail = mail;
        this.consents = consents;
        this.principal = principal;
        this.runner = runner;
        this.text = text;
        // The usual port follows the choice while the port is still the previous choice's usual one.
        security.addListener((o, before, now) -> {
            if (before != null && now != null && Integer.toString(before.defaultPort()).equals(port.get())) {
                port.set(Integer.toString(now.defaultPort()));
            }
        });
    }

    private record Loaded(Optional<SmtpSettings> smtp, int staleDays) {}

    public void load() {
        runner.run(() -> new Loaded(mail.smtp(), consents.staleDays()), l -> {
            l.smtp().ifPresent(s -> {
                host.set(s.host());
                port.set(Integer.toString(s.port()));
                from.set(s.from());
                username.set(s.username() == null ? "" : s.username());
                password.set(s.password() == null ? "" : s.password());
                security.set(s.security());
                port.set(Integer.toString(s.port()));
            });
            staleDays.set(Integer.toString(l.staleDays()));
        }, t -> error.set(text.error(t)));
    }

    public void saveSmtp() {
        clear();
        int p;
        try {
            p = Integer.parseInt(port.get().strip());
            if (p < 1 || p > 65535) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException | NullPointerException e) {
            refuse("smtp", List.of(FieldError.of("port", "ui.privacy.badPort", String.valueOf(port.get()))));
            return;
        }
        SmtpSettings s = new SmtpSettings(Text.clean(host.get()), p, Text.clean(from.get()), Text.clean(username.get()),
                password.get() == null || password.get().isEmpty() ? null : password.get(), security.get());
        act("smtp", () -> {
            mail.configure(principal, s);
            return Boolean.TRUE;
        }, r -> message.set(text.get("ui.privacy.smtpSaved")));
    }

    public void removeSmtp() {
        clear();
        act("smtp", () -> {
            mail.configure(principal, null);
            return Boolean.TRUE;
        }, r -> {
            host.set("");
            port.set("587");
            from.set("");
            username.set("");
            password.set("");
            security.set(SmtpSecurity.STARTTLS);
            port.set("587");
            message.set(text.get("ui.privacy.smtpRemoved"));
        });
    }

    public void saveStaleDays() {
        clear();
        int days;
        try {
            days = Integer.parseInt(staleDays.get().strip());
        } catch (NumberFormatException | NullPointerException e) {
            refuse("stale", List.of(FieldError.of("staleDays", "ui.privacy.badNumber", String.valueOf(staleDays.get()))));
            return;
        }
        act("stale", () -> {
            consents.setStaleDays(principal, days);
            return days;
        }, d -> message.set(text.get("ui.privacy.staleSaved", d)));
    }

    private void clear() {
        errors.clear();
        error.set("");
        message.set("");
    }

    private <T> void act(String form, Callable<T> work, Consumer<T> done) {
        runner.run(work, done, t -> {
            if (t instanceof ValidationException v) {
                refuse(form, v.errors());
            } else {
                error.set(text.error(t));
            }
        });
    }

    private void refuse(String form, List<FieldError> list) {
        text.fieldErrors(form, list, errors);
        error.set(String.join(" ", errors.values()));
    }

    public StringProperty hostProperty() {
        return host;
    }

    public StringProperty portProperty() {
        return port;
    }

    public StringProperty fromProperty() {
        return from;
    }

    public StringProperty usernameProperty() {
        return username;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    /** STARTTLS, TLS or (to a relay on this computer only) no encryption. */
    public ObjectProperty<SmtpSecurity> securityProperty() {
        return security;
    }

    public ObservableList<SmtpSecurity> securityChoices() {
        return securityChoices;
    }

    public StringProperty staleDaysProperty() {
        return staleDays;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ObservableMap<String, String> errors() {
        return errors;
    }
}
