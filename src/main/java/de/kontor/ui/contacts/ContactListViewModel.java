package de.kontor.ui.contacts;

import de.kontor.domain.PersonSummary;
import de.kontor.domain.Principal;
import de.kontor.service.ContactService;
import de.kontor.service.SearchIndex;
import de.kontor.ui.UiText;
import de.kontor.ui.task.TaskRunner;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.ObservableSet;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The contact list: a query searched as the user types (debounced, in the background) and the
 * rows found. Answers to older queries that arrive late are dropped.
 */
public final class ContactListViewModel {
    public static final int LIMIT = 500;
    public static final Duration DEBOUNCE = Duration.ofMillis(150);

    private final ContactService contacts;
    private final Principal principal;
    private final TaskRunner runner;
    private final UiText text;
    private final StringProperty query = new SimpleStringProperty("");
    private final ObservableList<PersonSummary> rows = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper found = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper total = new ReadOnlyIntegerWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final BooleanProperty includeRestricted = new SimpleBooleanProperty(false);
    private final ObservableSet<Long> restricted = FXCollections.observableSet();
    private final Runnable searchSoon;
    private long generation;

    private record Answer(SearchIndex.Result result, int total, Set<Long> restricted) {}

    public ContactListViewModel(ContactService contacts, Principal principal, TaskRunner runner, UiText text) {
        this.contacts = contacts;
        this.principal = principal;
        this.runner = runner;
        this.text = text;
        this.searchSoon = runner.debounced(this::search, DEBOUNCE);
        query.addListener((o, a, b) -> searchSoon.run());
        includeRestricted.addListener((o, a, b) -> search());
    }

    /** Runs the current query now (also after a save or delete). */
    public void search() {
        long mine = ++generation;
        String q = query.get();
        boolean withRestricted = includeRestricted.get();
        runner.run(() -> {
            SearchIndex.Result r = contacts.search(principal, q, LIMIT, withRestricted);
            Set<Long> marked = r.rows().stream().map(PersonSummary::id).filter(contacts::isRestricted)
                    .collect(Collectors.toSet());
            return new Answer(r, contacts.count(principal), marked);
        }, a -> {
            if (mine != generation) {
                return;
            }
            restricted.retainAll(a.restricted());
            restricted.addAll(a.restricted());
            rows.setAll(a.result().rows());
            found.set(a.result().total());
            total.set(a.total());
            status.set(text.get("ui.contacts.count", text.number(a.result().total()), text.number(a.total())));
        }, t -> status.set(text.error(t)));
    }

    /** The "show restricted" switch: restricted people (Art. 18) are hidden unless it is on. */
    public BooleanProperty includeRestrictedProperty() {
        return includeRestricted;
    }

    /** The ids among the rows whose processing is restricted (marked in the table). */
    public ObservableSet<Long> restricted() {
        return restricted;
    }

    public StringProperty queryProperty() {
        return query;
    }

    public ObservableList<PersonSummary> rows() {
        return rows;
    }

    public ReadOnlyIntegerProperty foundProperty() {
        return found.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    /** "3 of 120". */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
