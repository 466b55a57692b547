package de.kontor.ui.organisations;

import de.kontor.domain.Organisation;
import de.kontor.domain.Person;
import de.kontor.domain.Principal;
import de.kontor.service.ContactService;
import de.kontor.service.OrganisationService;
import de.kontor.ui.UiText;
import de.kontor.ui.task.TaskRunner;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** All organisations, and the people of the selected one. */
public final class OrganisationsViewModel {
    private final OrganisationService organisations;
    private final ContactService contacts;
    private final Principal principal;
    private final TaskRunner runner;
    private final UiText text;
    private final ObservableList<Organisation> rows = FXCollections.observableArrayList();
    private final ObservableList<Person> people = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Organisation> selected = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

    public OrganisationsViewModel(OrganisationService organisations, ContactService contacts, Principal principal,
            TaskRunner runner, UiText text) {
        this.organisations = organisations;
        this.contacts = contacts;
        this.principal = principal;
        this.runner = runner;
        this.text = text;
    }

    public void refresh() {
        runner.run(() -> organisations.all(principal), rows::setAll, t -> error.set(text.error(t)));
    }

    public void select(Organisation o) {
        selected.set(o);
        if (o == null) {
            people.clear();
            return;
        }
        runner.run(() -> {
            List<Long> ids = organisations.people(principal, o.id());
            return ids.stream().map(id -> contacts.get(principal, id)).toList();
        }, people::setAll, t -> error.set(text.error(t)));
    }

    public ObservableList<Organisation> rows() {
        return rows;
    }

    public ObservableList<Person> people() {
        return people;
    }

    public ReadOnlyObjectProperty<Organisation> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
