package de.kontor.ui.retention;

import de.kontor.domain.Principal;
import de.kontor.domain.retention.DueItem;
import de.kontor.privacy.RetentionService;
import de.kontor.ui.UiText;
import de.kontor.ui.task.TaskRunner;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** The dashboard card "due for deletion": items due today and in the next 30 days. */
public final class DueSummaryViewModel {
    public static final int HORIZON_DAYS = 30;

    private final RetentionService retention;
    private final Principal principal;
    private final TaskRunner runner;
    private final UiText text;
    private final Clock clock;
    private final ReadOnlyIntegerWrapper dueToday = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper dueSoon = new ReadOnlyIntegerWrapper();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");

    public DueSummaryViewModel(RetentionService retention, Principal principal, TaskRunner runner, UiText text,
            Clock clock) {
        this.retention = retention;
        this.principal = principal;
        this.runner = runner;
        this.text = text;
        this.clock = clock;
    }

    private record Counts(int today, int soon) {}

    public void load() {
        LocalDate today = LocalDate.now(clock);
        runner.run(() -> {
            List<DueItem> all = retention.schedule(principal);
            int now = (int) all.stream().filter(i -> i.dueOn(today)).count();
            int soon = (int) all.stream().filter(i -> !i.dueOn(today) && i.dueOn(today.plusDays(HORIZON_DAYS))).count();
            return new Counts(now, soon);
        }, c -> {
            dueToday.set(c.today());
            dueSoon.set(c.soon());
            summary.set(text.get("ui.retention.cardSummary", c.today(), c.soon(), HORIZON_DAYS));
        }, t -> summary.set(text.error(t)));
    }

    /** Items due today or earlier. */
    public ReadOnlyIntegerProperty dueTodayProperty() {
        return dueToday.getReadOnlyProperty();
    }

    /** Items due within the next 30 days (not yet today). */
    public ReadOnlyIntegerProperty dueSoonProperty() {
        return dueSoon.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }
}
