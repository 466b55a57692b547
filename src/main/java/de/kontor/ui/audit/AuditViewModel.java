package de.kontor.ui.audit;

import de.kontor.domain.Principal;
import de.kontor.domain.audit.AuditEntry;
import de.kontor.domain.audit.AuditVerification;
import de.kontor.service.AuditService;
import de.kontor.ui.UiText;
import de.kontor.ui.task.TaskRunner;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The audit trail: the latest entries and the result of verifying the hash chain. */
public final class AuditViewModel {
    public static final int LIMIT = 500;

    private final AuditService audit;
    private final Principal principal;
    private final TaskRunner runner;
    private final UiText text;
    private final ObservableList<AuditEntry> entries = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Boolean> ok = new ReadOnlyObjectWrapper<>();

    public AuditViewModel(AuditService audit, Principal principal, TaskRunner runner, UiText text) {
        this.audit = audit;
        this.principal = principal;
        this.runner = runner;
        this.text = text;
    }

    public void refresh() {
        runner.run(() -> audit.log(principal, null, LIMIT), entries::setAll, t -> result.set(text.error(t)));
    }

    public void verify() {
        result.set(text.get("ui.audit.verifying"));
        ok.set(null);
        runner.run(() -> audit.verify(principal), this::show, t -> {
            ok.set(false);
            result.set(text.error(t));
        });
        refresh();
    }

    private void show(AuditVerification v) {
        ok.set(v.ok());
        result.set(v.ok()
                ? text.get("audit.verify.ok", text.number(v.entriesChecked()))
                : text.get("audit.verify.broken", v.brokenSeq(), text.get(v.reasonKey())));
    }

    public ObservableList<AuditEntry> entries() {
        return entries;
    }

    public ReadOnlyStringProperty resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** True intact, false broken, null not verified yet. */
    public ReadOnlyObjectProperty<Boolean> okProperty() {
        return ok.getReadOnlyProperty();
    }
}
