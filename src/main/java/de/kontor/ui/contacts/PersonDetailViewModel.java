package de.kontor.ui.contacts;

import de.kontor.domain.Activity;
import de.kontor.domain.ActivityData;
import de.kontor.domain.ActivityKind;
import de.kontor.domain.Person;
import de.kontor.domain.Principal;
import de.kontor.domain.audit.AuditEntry;
import de.kontor.privacy.ErasureService;
import de.kontor.service.ActivityService;
import de.kontor.service.AuditService;
import de.kontor.service.ContactService;
import de.kontor.ui.UiText;
import de.kontor.ui.task.TaskRunner;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The selected person: details, activities (and a new one being typed), history. */
public final class PersonDetailViewModel {
    public static final int HISTORY_LIMIT = 500;

    private final ContactService contacts;
    private final ActivityService activities;
    private final AuditService audit;
    private final ErasureService erasure;
    private final Principal principal;
    private final TaskRunner runner;
    private final UiText text;
    private final Clock clock;

    private final ReadOnlyObjectWrapper<Person> person = new ReadOnlyObjectWrapper<>();
    private final ObservableList<Activity> activityList = FXCollections.observableArrayList();
    private final ObservableList<AuditEntry> history = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

    private final ObjectProperty<ActivityKind> newKind = new SimpleObjectProperty<>(ActivityKind.CALL);
    private final ObjectProperty<LocalDate> newDate = new SimpleObjectProperty<>();
    private final StringProperty newSubject = new SimpleStringProperty("");
    private final StringProperty newText = new SimpleStringProperty("");

    private record Loaded(Person person, List<Activity> activities, List<AuditEntry> history) {}

    public PersonDetailViewModel(ContactService contacts, ActivityService activities, AuditService audit,
            ErasureService erasure, Principal principal, TaskRunner runner, UiText text, Clock clock) {
        this.contacts = contacts;
        this.erasure = erasure;
        this.activities = activities;
        this.audit = audit;
        this.principal = principal;
        this.runner = runner;
        this.text = text;
        this.clock = clock;
    }

    /** Loads a person with activities and history; null clears the pane. */
    public void load(Long id) {
        error.set("");
        if (id == null) {
            person.set(null);
            activityList.clear();
            history.clear();
            return;
        }
        runner.run(() -> new Loaded(contacts.get(principal, id), activities.ofPerson(principal, id),
                audit.log(principal, id, HISTORY_LIMIT)), l -> {
                    person.set(l.person());
                    activityList.setAll(l.activities());
                    history.setAll(l.history());
                    newDate.set(LocalDate.now(clock));
                }, t -> error.set(text.error(t)));
    }

    public void addActivity() {
        Person p = person.get();
        if (p == null) {
            return;
        }
        LocalDate day = newDate.get() == null ? LocalDate.now(clock) : newDate.get();
        ActivityData data = new ActivityData(newKind.get(), day.atTime(LocalTime.now(text.zone()))
                .atZone(text.zone()).toInstant(), newSubject.get(), newText.get());
        error.set("");
        runner.run(() -> activities.add(principal, p.id(), data), a -> {
            newSubject.set("");
            newText.set("");
            load(p.id());
        }, t -> error.set(t instanceof de.kontor.domain.ValidationException v
                ? text.get("ui.activity.invalid", v.errors().stream()
                        .map(f -> text.label("field", f.field()) + ": " + text.get(f.messageKey(), f.args().toArray()))
                        .reduce((a, b) -> a + " " + b).orElse(""))
                : text.error(t)));
    }

    /**
     * Deletes the shown person (the view asks for confirmation first) through the erasure path
     * (decision 0013): the values leave the audit trail too; records under statutory retention
     * stay restricted, which the error line then says.
     */
    public void delete(Runnable onDeleted) {
        Person p = person.get();
        if (p == null) {
            return;
        }
        runner.run(() -> erasure.delete(principal, p.id(), p.version()), r -> {
            load(null);
            onDeleted.run();
            if (ErasureService.RESTRICTED.equals(r.kind())) {
                error.set(text.get("ui.detail.deletedRestricted"));
            }
        }, t -> error.set(text.error(t)));
    }

    public ReadOnlyObjectProperty<Person> personProperty() {
        return person.getReadOnlyProperty();
    }

    public ObservableList<Activity> activities() {
        return activityList;
    }

    public ObservableList<AuditEntry> history() {
        return history;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ObjectProperty<ActivityKind> newKindProperty() {
        return newKind;
    }

    public ObjectProperty<LocalDate> newDateProperty() {
        return newDate;
    }

    public StringProperty newSubjectProperty() {
        return newSubject;
    }

    public StringProperty newTextProperty() {
        return newText;
    }
}
