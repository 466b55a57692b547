package de.kontor.ui.requests;

import de.kontor.domain.Person;
import de.kontor.domain.Principal;
import de.kontor.domain.request.SubjectRequest;
import de.kontor.privacy.RequestService;
import de.kontor.service.ContactService;
import de.kontor.ui.UiText;
import de.kontor.ui.task.TaskRunner;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The dashboard cards of the request register: open requests past their deadline, and those due
 * within {@link RequestService#DUE_SOON_DAYS} days. Each line opens the request.
 */
public final class RequestDueViewModel {
    /** One line of a card. */
    public record Item(long requestId, String text) {}

    private final RequestService requests;
    private final ContactService contacts;
    private final Principal principal;
    private final TaskRunner runner;
    private final UiText text;
    private final Clock clock;
    private final RequestTexts texts;
    private final ObservableList<Item> overdue = FXCollections.observableArrayList();
    private final ObservableList<Item> dueSoon = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

    public RequestDueViewModel(RequestService requests, ContactService contacts, Principal principal,
            TaskRunner runner, UiText text, Clock clock) {
        this.requests = requests;
        this.contacts = contacts;
        this.principal = principal;
        this.runner = runner;
        this.text = text;
        this.clock = clock;
        this.texts = new RequestTexts(text);
    }

    private record Loaded(List<Item> overdue, List<Item> dueSoon) {}

    public void load() {
        LocalDate today = LocalDate.now(clock);
        error.set("");
        runner.run(() -> {
            Map<Long, Person> names = new HashMap<>();
            List<Item> late = requests.overdue(principal).stream().map(r -> item(r, today, names)).toList();
            List<Item> soon = requests.dueSoon(principal).stream().map(r -> item(r, today, names)).toList();
            return new Loaded(late, soon);
        }, l -> {
            overdue.setAll(l.overdue());
            dueSoon.setAll(l.dueSoon());
        }, t -> error.set(text.error(t)));
    }

    private Item item(SubjectRequest r, LocalDate today, Map<Long, Person> people) {
        Person p = r.personId() == null ? null
                : people.computeIfAbsent(r.personId(), id -> RequestTexts.person(contacts, principal, id));
        return new Item(r.id(), text.get("ui.requests.cardItem", Long.toString(r.id()), texts.type(r),
                texts.who(r, p), texts.days(RequestTexts.daysLeft(r, today))));
    }

    public ObservableList<Item> overdue() {
        return overdue;
    }

    public ObservableList<Item> dueSoon() {
        return dueSoon;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
