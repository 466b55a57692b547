package de.kontor.ui.lists;

import de.kontor.domain.PersonSummary;
import de.kontor.domain.Principal;
import de.kontor.domain.privacy.Purpose;
import de.kontor.exchange.SafeCsv;
import de.kontor.privacy.ContactList;
import de.kontor.privacy.ContactListService;
import de.kontor.privacy.PurposeService;
import de.kontor.security.OwnerOnlyFiles;
import de.kontor.ui.UiText;
import de.kontor.ui.task.TaskRunner;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.apache.commons.csv.CSVFormat;

/**
 * "Who may be contacted": for the chosen purpose the people allowed today, how many were
 * excluded why, and the CSV export (recorded in the audit trail by the service).
 */
public final class ListsViewModel {

    private final ContactListService lists;
    private final PurposeService purposes;
    private final Principal principal;
    private final TaskRunner runner;
    private final UiText text;

    private final ObservableList<Purpose> purposeChoices = FXCollections.observableArrayList();
    private final ObjectProperty<Purpose> purpose = new SimpleObjectProperty<>();
    private final ObservableList<PersonSummary> people = FXCollections.observableArrayList();
    private final ObservableList<String> exclusions = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    public ListsViewModel(ContactListService lists, PurposeService purposes, Principal principal, TaskRunner runner,
            UiText text) {
        this.lists = lists;
        this.purposes = purposes;
        this.principal = principal;
        this.runner = runner;
        this.text = text;
        purpose.addListener((o, a, p) -> refresh());
    }

    /** Loads the active purposes and keeps (or picks the first) purpose; then the list. */
    public void load() {
        error.set("");
        runner.run(() -> purposes.active(principal), active -> {
            String selected = purpose.get() == null ? null : purpose.get().key();
            purposeChoices.setAll(active);
            Purpose keep = active.stream().filter(p -> p.key().equals(selected)).findFirst()
                    .orElse(active.isEmpty() ? null : active.get(0));
            if (keep != null && purpose.get() != null && keep.key().equals(purpose.get().key())) {
                purpose.set(keep);
                refresh();
            } else {
                purpose.set(keep);
            }
        }, t -> error.set(text.error(t)));
    }

    public void choose(String purposeKey) {
        purposeChoices.stream().filter(p -> p.key().equals(purposeKey)).findFirst().ifPresent(purpose::set);
    }

    /** Builds the list for the chosen purpose again (others may have changed consents). */
    public void refresh() {
        Purpose p = purpose.get();
        error.set("");
        if (p == null) {
            people.clear();
            exclusions.clear();
            summary.set("");
            return;
        }
        runner.run(() -> lists.list(principal, p.key()), l -> {
            if (purpose.get() == null || !purpose.get().key().equals(l.purpose().key())) {
                return;
            }
            show(l);
        }, t -> error.set(text.error(t)));
    }

    private void show(ContactList l) {
        people.setAll(l.people());
        exclusions.setAll(l.excluded().entrySet().stream()
                .map(e -> text.get("ui.lists.excludedRow", text.get("exclusion." + e.getKey().key()),
                        text.number(e.getValue())))
                .toList());
        summary.set(text.get("ui.lists.summary", text.number(l.people().size()), text.number(l.excludedTotal())));
    }

    /** Exports the list as UTF-8 CSV with BOM (so Excel reads umlauts); the export is audited. */
    public void export(Path file) {
        Purpose p = purpose.get();
        if (p == null || file == null) {
            return;
        }
        error.set("");
        message.set("");
        runner.run(() -> {
            ContactList l = lists.export(principal, p.key(), "csv");
            write(l.people(), file);
            return l;
        }, l -> {
            show(l);
            message.set(text.get("ui.lists.exported", text.number(l.people().size()), file.getFileName().toString()));
        }, t -> error.set(t instanceof IOException io
                ? text.get("error.io", file.toString(), String.valueOf(io.getMessage()))
                : text.error(t)));
    }

    private void write(List<PersonSummary> rows, Path file) throws IOException {
        try (OutputStream out = OwnerOnlyFiles.newOutputStream(file)) {
            out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}); // UTF-8 byte order mark
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            CSVFormat format = CSVFormat.EXCEL.builder().setHeader("id", text.get("ui.field.familyName"),
                    text.get("ui.field.givenName"), text.get("ui.field.email"), text.get("ui.field.phone"),
                    text.get("ui.field.organisation"), text.get("ui.field.city")).build();
            try (SafeCsv csv = new SafeCsv(w, format)) {
                for (PersonSummary s : rows) {
                    csv.record(s.id(), s.familyName(), s.givenName(), s.email(), s.phone(), s.organisation(),
                            s.city());
                }
            }
        }
    }

    public ObservableList<Purpose> purposeChoices() {
        return purposeChoices;
    }

    public ObjectProperty<Purpose> purposeProperty() {
        return purpose;
    }

    public ObservableList<PersonSummary> people() {
        return people;
    }

    public ObservableList<String> exclusions() {
        return exclusions;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
