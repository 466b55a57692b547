package de.kontor.ui.dashboard;

import de.kontor.domain.Principal;
import de.kontor.domain.privacy.ConsentStatus;
import de.kontor.domain.privacy.Purpose;
import de.kontor.privacy.Dashboard;
import de.kontor.privacy.DashboardService;
import de.kontor.privacy.PurposeService;
import de.kontor.ui.UiText;
import de.kontor.ui.task.TaskRunner;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The start page: what needs attention, as lines that each open a person, and the status chart. */
public final class DashboardViewModel {
    /** One line of a card; {@code flagged} marks e.g. a stale double opt-in. */
    public record Item(long personId, String text, boolean flagged) {}

    /** One bar segment: a purpose's number of people in a consent status. */
    public record StatusCount(String purposeName, ConsentStatus status, String statusLabel, int count) {}

    private final DashboardService dashboard;
    private final PurposeService purposes;
    private final Principal principal;
    private final TaskRunner runner;
    private final UiText text;

    private final ObservableList<Item> consentsEnding = FXCollections.observableArrayList();
    private final ObservableList<Item> basesEnding = FXCollections.observableArrayList();
    private final ObservableList<Item> pending = FXCollections.observableArrayList();
    private final ObservableList<Item> informationDue = FXCollections.observableArrayList();
    private final ObservableList<StatusCount> statusCounts = FXCollections.observableArrayList();
    private final ObservableList<String> chartPurposes = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

    public DashboardViewModel(DashboardService dashboard, PurposeService purposes, Principal principal,
            TaskRunner runner, UiText text) {
        this.dashboard = dashboard;
        this.purposes = purposes;
        this.principal = principal;
        this.runner = runner;
        this.text = text;
    }

    private record Loaded(Dashboard dashboard, List<Purpose> purposes) {}

    public void load() {
        error.set("");
        runner.run(() -> new Loaded(dashboard.load(principal), purposes.all(principal)), l -> show(l.dashboard(),
                l.purposes().stream().collect(Collectors.toMap(Purpose::key, p -> p.name(text.locale())))),
                t -> error.set(text.error(t)));
    }

    private void show(Dashboard d, Map<String, String> names) {
        consentsEnding.setAll(d.consentsEnding().stream().map(c -> new Item(c.personId(),
                text.get("ui.dashboard.consentItem", c.personName(), name(names, c.purposeKey()),
                        text.date(c.expiresOn())), false)).toList());
        basesEnding.setAll(d.basesEnding().stream().map(b -> new Item(b.personId(),
                text.get("ui.dashboard.basisItem", b.personName(), name(names, b.purposeKey()),
                        text.label("lawfulBasis", b.basis().key()), text.date(b.validUntil())), false)).toList());
        pending.setAll(d.pendingOptIns().stream().map(p -> new Item(p.personId(),
                text.get("ui.dashboard.pendingItem", p.personName(), name(names, p.purposeKey()), p.ageDays())
                        + (p.stale() ? " · " + text.get("ui.dashboard.stale") : ""), p.stale())).toList());
        informationDue.setAll(d.informationDue().stream().map(i -> new Item(i.personId(),
                text.get("ui.dashboard.informationItem", i.personName(), text.label("sourceKind", i.source().key()),
                        text.date(i.informBy())), i.informBy().isBefore(d.day()))).toList());
        chartPurposes.setAll(d.statusByPurpose().keySet().stream().map(k -> name(names, k)).toList());
        statusCounts.setAll(d.statusByPurpose().entrySet().stream().flatMap(e -> e.getValue().entrySet().stream()
                .map(s -> new StatusCount(name(names, e.getKey()), s.getKey(),
                        text.label("consentStatus", s.getKey().key()), s.getValue()))).toList());
    }

    private static String name(Map<String, String> names, String key) {
        return names.getOrDefault(key, key);
    }

    public ObservableList<Item> consentsEnding() {
        return consentsEnding;
    }

    public ObservableList<Item> basesEnding() {
        return basesEnding;
    }

    public ObservableList<Item> pending() {
        return pending;
    }

    public ObservableList<Item> informationDue() {
        return informationDue;
    }

    public ObservableList<StatusCount> statusCounts() {
        return statusCounts;
    }

    /** The purposes on the chart's axis, in catalogue order (also those without consents). */
    public ObservableList<String> chartPurposes() {
        return chartPurposes;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
