package de.kontor.ui.requests;

import de.kontor.domain.PersonSummary;
import de.kontor.domain.Principal;
import de.kontor.service.ContactService;
import de.kontor.ui.UiText;
import de.kontor.ui.task.TaskRunner;
import java.time.Duration;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Finds a person by search as the user types (restricted people included: they may ask too)
 * and holds the one chosen. Used to name the person of a request and to link one later.
 */
public final class PersonPicker {
    /** How many matches are offered. */
    public static final int LIMIT = 20;
    public static final Duration DEBOUNCE = Duration.ofMillis(150);

    private final ContactService contacts;
    private final Principal principal;
    private final TaskRunner runner;
    private final UiText text;
    private final StringProperty query = new SimpleStringProperty("");
    private final ObservableList<PersonSummary> matches = FXCollections.observableArrayList();
    private final ObjectProperty<PersonSummary> chosen = new SimpleObjectProperty<>();
    private final Runnable searchSoon;
    private long generation;

    public PersonPicker(ContactService contacts, Principal principal, TaskRunner runner, UiText text) {
        this.contacts = contacts;
        this.principal = principal;
        this.runner = runner;
        this.text = text;
        this.searchSoon = runner.debounced(this::search, DEBOUNCE);
        query.addListener((o, a, b) -> searchSoon.run());
    }

    /** Searches for the current query now; an empty query offers nobody. */
    public void search() {
        long mine = ++generation;
        String q = query.get() == null ? "" : query.get().strip();
        if (q.isEmpty()) {
            matches.clear();
            return;
        }
        runner.run(() -> contacts.search(principal, q, LIMIT, true).rows(), rows -> {
            if (mine == generation) {
                matches.setAll(rows);
            }
        }, t -> matches.clear());
    }

    /** Forgets the query, the matches and the choice. */
    public void reset() {
        generation++;
        query.set("");
        matches.clear();
        chosen.set(null);
    }

    /** "Müller, Maria · maria@beispiel.de · Köln" for a match. */
    public String label(PersonSummary p) {
        StringBuilder b = new StringBuilder(p.sortName());
        for (String extra : new String[] {p.email(), p.city()}) {
            if (extra != null && !extra.isBlank()) {
                b.append(" · ").append(extra);
            }
        }
        return b.append(" (").append(text.get("ui.requests.personNumber", Long.toString(p.id()))).append(')')
                .toString();
    }

    public StringProperty queryProperty() {
        return query;
    }

    public ObservableList<PersonSummary> matches() {
        return matches;
    }

    public ObjectProperty<PersonSummary> chosenProperty() {
        return chosen;
    }
}
