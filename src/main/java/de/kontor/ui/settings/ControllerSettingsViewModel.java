package de.kontor.ui.settings;

import de.kontor.domain.Principal;
import de.kontor.domain.ValidationException;
import de.kontor.domain.request.ControllerDetails;
import de.kontor.exchange.SubjectDataService;
import de.kontor.ui.UiText;
import de.kontor.ui.task.TaskRunner;
import java.nio.file.Path;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;

/**
 * The controller named in access reports and the Art. 30 register: name, postal address, e-mail,
 * data-protection contact and supervisory authority; and writing the register (Art. 30) as PDF.
 * Refusals are keyed "controller:field" (name, address, email, dpo, authority).
 */
public final class ControllerSettingsViewModel {
    private final SubjectDataService subjectData;
    private final Principal principal;
    private final TaskRunner runner;
    private final UiText text;

    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty address = new SimpleStringProperty("");
    private final StringProperty email = new SimpleStringProperty("");
    private final StringProperty dpo = new SimpleStringProperty("");
    private final StringProperty authority = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ObservableMap<String, String> errors = FXCollections.observableHashMap();

    public ControllerSettingsViewModel(SubjectDataService subjectData, Principal principal, TaskRunner runner,
            UiText text) {
        this.subjectData = subjectData;
        this.principal = principal;
        this.runner = runner;
        this.text = text;
    }

    public void load() {
        runner.run(() -> subjectData.controller(principal), this::show, t -> error.set(text.error(t)));
    }

    private void show(ControllerDetails d) {
        name.set(nn(d.name()));
        address.set(nn(d.address()));
        email.set(nn(d.email()));
        dpo.set(nn(d.dpo()));
        authority.set(nn(d.authority()));
    }

    private static String nn(String s) {
        return s == null ? "" : s;
    }

    /** Saves the details; an emptied field removes the value. */
    public void save() {
        clear();
        ControllerDetails d = new ControllerDetails(nn(name.get()), nn(address.get()), nn(email.get()), nn(dpo.get()),
                nn(authority.get()));
        runner.run(() -> subjectData.setController(principal, d), saved -> {
            show(saved);
            message.set(text.get("ui.controller.saved"));
        }, this::failed);
    }

    /** Writes the records of processing activities (Art. 30) as PDF to {@code target}. */
    public void saveRegister(Path target) {
        clear();
        runner.run(() -> subjectData.processingRecords(principal, text.locale(), target),
                r -> message.set(text.get("ui.controller.registerSaved", r.file().toString(), r.sha256())),
                this::failed);
    }

    private void clear() {
        errors.clear();
        error.set("");
        message.set("");
    }

    private void failed(Throwable t) {
        if (t instanceof ValidationException v) {
            text.fieldErrors("controller", v.errors(), errors);
        }
        error.set(text.refusal(t));
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty addressProperty() {
        return address;
    }

    public StringProperty emailProperty() {
        return email;
    }

    public StringProperty dpoProperty() {
        return dpo;
    }

    public StringProperty authorityProperty() {
        return authority;
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
