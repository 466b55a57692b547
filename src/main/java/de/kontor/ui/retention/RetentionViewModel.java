package de.kontor.ui.retention;

import de.kontor.domain.Person;
import de.kontor.domain.Principal;
import de.kontor.domain.retention.DataCategory;
import de.kontor.domain.retention.DueAction;
import de.kontor.domain.retention.DueItem;
import de.kontor.domain.retention.ItemType;
import de.kontor.domain.retention.RetentionPeriod;
import de.kontor.domain.retention.StartEvent;
import de.kontor.privacy.RetentionService;
import de.kontor.security.OwnerOnlyFiles;
import de.kontor.service.ContactService;
import de.kontor.ui.UiText;
import de.kontor.ui.task.TaskRunner;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The deletion concept screen: the categories with their rules (one edited at a time), the
 * due list (Wiedervorlage) for an as-of date, applying it after a dry run, and postponing.
 */
public final class RetentionViewModel {
    /** How far "next 90 days" looks beyond the as-of date. */
    public static final int LOOK_AHEAD_DAYS = 90;

    /** One line of the due list, with the texts shown in the table. */
    public record DueRow(DueItem item, String type, String person, String category, String start, String due,
            String action, String postponed) {}

    private final RetentionService retention;
    private final ContactService contacts;
    private final Principal principal;
    private final TaskRunner runner;
    private final UiText text;
    private final Clock clock;
    private static final int POSTPONE_SUGGESTION_MONTHS = 3;

    private final ObservableList<DataCategory> categories = FXCollections.observableArrayList();
    private final ObjectProperty<DataCategory> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<RetentionPeriod> period = new SimpleObjectProperty<>();
    private final ObjectProperty<StartEvent> startEvent = new SimpleObjectProperty<>();
    private final ObjectProperty<DueAction> action = new SimpleObjectProperty<>();
    private final BooleanProperty fromYearEnd = new SimpleBooleanProperty();

    private final ObjectProperty<LocalDate> asOf = new SimpleObjectProperty<>();
    private final BooleanProperty dueOnly = new SimpleBooleanProperty(true);
    private final ObservableList<DueRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper working = new ReadOnlyBooleanWrapper(false);
    private long generation;

    public RetentionViewModel(RetentionService retention, ContactService contacts, Principal principal,
            TaskRunner runner, UiText text, Clock clock) {
        this.retention = retention;
        this.contacts = contacts;
        this.principal = principal;
        this.runner = runner;
        this.text = text;
        this.clock = clock;
        asOf.set(LocalDate.now(clock));
        selected.addListener((o, a, c) -> {
            period.set(c == null ? null : c.period());
            startEvent.set(c == null ? null : c.startEvent());
            action.set(c == null ? null : c.action());
            fromYearEnd.set(c != null && c.fromYearEnd());
        });
        asOf.addListener((o, a, b) -> loadDue());
        dueOnly.addListener((o, a, b) -> loadDue());
    }

    /** Loads the rules and the due list. */
    public void load() {
        error.set("");
        runner.run(() -> retention.rules(principal), list -> {
            String key = selected.get() == null ? null : selected.get().key();
            categories.setAll(list);
            selected.set(list.stream().filter(c -> c.key().equals(key)).findFirst().orElse(null));
        }, this::failed);
        loadDue();
    }

    /** Runs the schedule for the as-of date and filter; late answers to older requests are dropped. */
    public void loadDue() {
        long mine = ++generation;
        LocalDate day = asOf.get() == null ? LocalDate.now(clock) : asOf.get();
        LocalDate until = dueOnly.get() ? day : day.plusDays(LOOK_AHEAD_DAYS);
        runner.run(() -> {
            List<DueItem> items = retention.schedule(principal).stream().filter(i -> i.dueOn(until)).toList();
            List<DataCategory> rules = retention.rules(principal);
            Map<String, String> names = rules.stream().collect(Collectors.toMap(DataCategory::key,
                    c -> c.name(text.locale())));
            Map<Long, String> people = new HashMap<>();
            for (DueItem i : items) {
                if (i.personId() != null && !people.containsKey(i.personId())) {
                    people.put(i.personId(), name(i.personId()));
                }
            }
            return items.stream().map(i -> row(i, names, people)).toList();
        }, list -> {
            if (mine == generation) {
                rows.setAll(list);
            }
        }, this::failed);
    }

    private String name(long personId) {
        try {
            Person p = contacts.get(principal, personId);
            String n = p.displayName();
            return contacts.isRestricted(personId) ? n + " (" + text.get("ui.restriction.badge") + ")" : n;
        } catch (RuntimeException e) {
            return "#" + personId;
        }
    }

    private DueRow row(DueItem i, Map<String, String> names, Map<Long, String> people) {
        return new DueRow(i, text.get("ui.retention.type." + i.type().key()),
                i.personId() == null ? "" : people.getOrDefault(i.personId(), "#" + i.personId()),
                names.getOrDefault(i.category(), i.category()), text.date(i.start()), text.date(i.due()),
                text.get("concept.action." + i.action().key()), i.postponedReason() == null ? "" : i.postponedReason());
    }

    /** Saves the rule of the selected category. */
    public void saveRule() {
        DataCategory c = selected.get();
        if (c == null) {
            return;
        }
        error.set("");
        message.set("");
        RetentionPeriod p = period.get();
        StartEvent s = startEvent.get();
        DueAction a = action.get();
        boolean y = fromYearEnd.get();
        runner.run(() -> retention.updateRule(principal, c.key(), p, s, a, y), saved -> {
            int i = categories.indexOf(c);
            if (i >= 0) {
                categories.set(i, saved);
            }
            selected.set(saved);
            message.set(text.get("ui.retention.ruleSaved", saved.name(text.locale())));
            loadDue();
        }, this::failed);
    }

    /** The dry run for the as-of date: what applying would do. */
    public void preview(Consumer<RetentionService.ApplyResult> show) {
        preview(null, show);
    }

    /** The dry run for only the given rows ({@code null}: everything due). */
    public void preview(List<DueRow> only, Consumer<RetentionService.ApplyResult> show) {
        LocalDate day = asOfDay();
        Set<String> keys = keys(only);
        error.set("");
        runner.run(() -> retention.apply(principal, day, true, text.locale(), keys), show, this::failed);
    }

    /** Applies the deletion concept for the as-of date (delete, anonymise; review items stay). */
    public void apply() {
        apply(null);
    }

    /** Applies the deletion concept to the given rows only ({@code null}: everything due). */
    public void apply(List<DueRow> only) {
        LocalDate day = asOfDay();
        Set<String> keys = keys(only);
        error.set("");
        message.set("");
        working.set(true);
        runner.run(() -> retention.apply(principal, day, false, text.locale(), keys), r -> {
            working.set(false);
            message.set(summary(r));
            loadDue();
        }, t -> {
            working.set(false);
            failed(t);
        });
    }

    /** The date the postpone dialog suggests: three months from today. */
    public LocalDate suggestedPostponeDate() {
        return LocalDate.now(clock).plusMonths(POSTPONE_SUGGESTION_MONTHS);
    }

    private LocalDate asOfDay() {
        return asOf.get() == null ? LocalDate.now(clock) : asOf.get();
    }

    private static Set<String> keys(List<DueRow> rows) {
        return rows == null ? null : rows.stream().map(r -> r.item().key()).collect(Collectors.toSet());
    }

    /** "Deleted 2 people, 1 activity …" for the dialog and the message line. */
    public String summary(RetentionService.ApplyResult r) {
        return text.get(r.dryRun() ? "ui.retention.wouldApply" : "ui.retention.applied", text.date(r.asOf()),
                count(r, ItemType.PERSON), count(r, ItemType.ACTIVITY), count(r, ItemType.CONSENT),
                count(r, ItemType.DOCUMENT), r.anonymised(), r.restrictedForRetention(), r.review().size());
    }

    private static int count(RetentionService.ApplyResult r, ItemType t) {
        return r.deleted().getOrDefault(t, 0);
    }

    /** Postpones the given items to {@code newDate} with a documented reason. */
    public void postpone(List<DueRow> items, LocalDate newDate, String reason) {
        if (items.isEmpty()) {
            return;
        }
        error.set("");
        message.set("");
        runner.run(() -> {
            for (DueRow r : items) {
                retention.postpone(principal, r.item().type(), r.item().itemId(), newDate, reason);
            }
            return items.size();
        }, n -> {
            message.set(text.get("ui.retention.postponed", n, text.date(newDate)));
            loadDue();
        }, this::failed);
    }

    /** Writes the deletion concept as PDF to {@code target}. */
    public void saveConcept(Path target) {
        error.set("");
        message.set("");
        runner.run(() -> {
            OwnerOnlyFiles.write(target, retention.conceptPdf(principal, text.locale()));
            return target;
        }, p -> message.set(text.get("ui.retention.conceptSaved", p.toString())), this::failed);
    }

    private void failed(Throwable t) {
        error.set(text.refusal(t));
    }

    public ObservableList<DataCategory> categories() {
        return categories;
    }

    public ObjectProperty<DataCategory> selectedProperty() {
        return selected;
    }

    public ObjectProperty<RetentionPeriod> periodProperty() {
        return period;
    }

    public ObjectProperty<StartEvent> startEventProperty() {
        return startEvent;
    }

    public ObjectProperty<DueAction> actionProperty() {
        return action;
    }

    public BooleanProperty fromYearEndProperty() {
        return fromYearEnd;
    }

    public ObjectProperty<LocalDate> asOfProperty() {
        return asOf;
    }

    /** True: items due on the as-of date; false: also those due in the next 90 days. */
    public BooleanProperty dueOnlyProperty() {
        return dueOnly;
    }

    public ObservableList<DueRow> rows() {
        return rows;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** True while the deletion concept is being applied (deletion and compaction). */
    public ReadOnlyBooleanProperty workingProperty() {
        return working.getReadOnlyProperty();
    }
}
