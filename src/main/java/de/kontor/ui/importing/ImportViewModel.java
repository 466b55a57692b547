package de.kontor.ui.importing;

import de.kontor.dedupe.Match;
import de.kontor.domain.KontorException;
import de.kontor.domain.Principal;
import de.kontor.exchange.DuplicateDecision;
import de.kontor.exchange.FileImport;
import de.kontor.exchange.ImportFormat;
import de.kontor.exchange.ImportOptions;
import de.kontor.exchange.ImportPreview;
import de.kontor.exchange.ImportRefusedException;
import de.kontor.exchange.ImportResult;
import de.kontor.exchange.LineProblem;
import de.kontor.ui.UiText;
import de.kontor.ui.task.TaskRunner;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The import screen: a file (CSV, vCard, Kontor JSON; the format from its extension unless
 * chosen), for CSV the delimiter and encoding, then a preview in the background (column
 * mapping, ignored columns, invalid rows, rows blocked by the suppression list, duplicates with
 * a decision per row) before anything is written, and the import itself, all or nothing.
 */
public final class ImportViewModel {
    /** Delimiter choices: detect (empty), or the character. */
    public static final List<String> DELIMITERS = List.of("", ";", ",", "\t", "|");
    public static final List<String> ENCODINGS = List.of("UTF-8", "windows-1252", "ISO-8859-1", "UTF-16");

    /** One line of the mapping table. */
    public record MappingRow(String column, String field) {}

    /** One invalid or blocked row: the line, the field (may be empty) and the message. */
    public record ProblemRow(long line, String field, String message) {}

    /** One row that duplicates a person or an earlier row, with the decision for it. */
    public static final class DuplicateRow {
        private final ImportPreview.Duplicate duplicate;
        private final String candidate;
        private final ObjectProperty<DuplicateDecision> decision = new SimpleObjectProperty<>(DuplicateDecision.IMPORT);

        DuplicateRow(ImportPreview.Duplicate duplicate, String candidate) {
            this.duplicate = duplicate;
            this.candidate = candidate;
        }

        public long line() {
            return duplicate.line();
        }

        public String name() {
            return duplicate.name();
        }

        /** "Person 12: Jürgen Müller" or "Line 3: Anna Schäfer". */
        public String candidate() {
            return candidate;
        }

        public double score() {
            return duplicate.score();
        }

        public Match.Level level() {
            return duplicate.level();
        }

        public ObjectProperty<DuplicateDecision> decisionProperty() {
            return decision;
        }
    }

    private final FileImport imports;
    private final Principal principal;
    private final TaskRunner runner;
    private final UiText text;
    private final Runnable imported;

    private final StringProperty path = new SimpleStringProperty("");
    private final ObjectProperty<ImportFormat> format = new SimpleObjectProperty<>(ImportFormat.CSV);
    private final StringProperty delimiter = new SimpleStringProperty("");
    private final StringProperty encoding = new SimpleStringProperty("UTF-8");
    private final BooleanProperty skipInvalid = new SimpleBooleanProperty(false);

    private final ReadOnlyObjectWrapper<ImportPreview> preview = new ReadOnlyObjectWrapper<>();
    private final ObservableList<MappingRow> mapping = FXCollections.observableArrayList();
    private final ObservableList<String> ignored = FXCollections.observableArrayList();
    private final ObservableList<ProblemRow> invalid = FXCollections.observableArrayList();
    private final ObservableList<ProblemRow> blocked = FXCollections.observableArrayList();
    private final ObservableList<ProblemRow> notes = FXCollections.observableArrayList();
    private final ObservableList<DuplicateRow> duplicates = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper working = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final BooleanBinding canImport;
    private long generation;

    /** {@code imported} runs after a successful import (the window refreshes its lists). */
    public ImportViewModel(FileImport imports, Principal principal, TaskRunner runner, UiText text, Runnable imported) {
        this.imports = imports;
        this.principal = principal;
        this.runner = runner;
        this.text = text;
        this.imported = imported;
        summary.set(text.get("ui.import.chooseFirst"));
        path.addListener((o, a, p) -> {
            ImportFormat.ofFileName(p).ifPresent(format::set);
            clearPreview();
        });
        format.addListener((o, a, f) -> clearPreview());
        delimiter.addListener((o, a, d) -> clearPreview());
        encoding.addListener((o, a, e) -> clearPreview());
        canImport = Bindings.createBooleanBinding(() -> {
            ImportPreview p = preview.get();
            return p != null && !working.get() && p.importable() > 0
                    && (p.valid() || (skipInvalid.get() && p.decidable()));
        }, preview, working, skipInvalid);
    }

    private void clearPreview() {
        generation++;
        preview.set(null);
        mapping.clear();
        ignored.clear();
        invalid.clear();
        blocked.clear();
        notes.clear();
        duplicates.clear();
        error.set("");
        summary.set(text.get("ui.import.chooseFirst"));
    }

    /** Reads and checks the file in the background; writes nothing. */
    public void preview() {
        String p = path.get() == null ? "" : path.get().strip();
        clearPreview();
        result.set("");
        if (p.isEmpty()) {
            return;
        }
        ImportOptions options;
        try {
            options = options();
        } catch (KontorException e) {
            error.set(text.error(e));
            return;
        }
        long mine = generation;
        ImportFormat f = format.get();
        working.set(true);
        summary.set(text.get("ui.import.checking"));
        runner.run(() -> imports.preview(principal, Path.of(p), f, options), pv -> {
            working.set(false);
            if (mine == generation) {
                show(pv);
            }
        }, t -> {
            working.set(false);
            if (mine == generation) {
                failed(t);
            }
        });
    }

    private ImportOptions options() {
        ImportOptions o = ImportOptions.defaults();
        String d = delimiter.get();
        if (format.get() == ImportFormat.CSV && d != null && !d.isEmpty()) {
            o = o.withDelimiter(d.charAt(0));
        }
        String e = encoding.get() == null || encoding.get().isBlank() ? "UTF-8" : encoding.get().strip();
        try {
            return o.withEncoding(Charset.forName(e));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException x) {
            throw new KontorException("import.encodingUnknown", e);
        }
    }

    private void show(ImportPreview p) {
        preview.set(p);
        p.columnFields().forEach((c, f) -> mapping.add(new MappingRow(c, f)));
        ignored.setAll(p.ignored());
        invalid.setAll(p.invalid().stream().map(this::problem).toList());
        blocked.setAll(p.blocked().stream().map(this::problem).toList());
        notes.setAll(p.notes().stream().map(this::problem).toList());
        duplicates.setAll(p.duplicates().stream().map(d -> new DuplicateRow(d, d.inDatabase()
                ? text.get("ui.import.candidatePerson", d.personId(), d.otherName())
                : text.get("ui.import.candidateLine", d.otherLine(), d.otherName()))).toList());
        summary.set(text.get("ui.import.summary", p.rows(), p.importable(), invalid.stream()
                .mapToLong(ProblemRow::line).distinct().count(), blocked.size(), duplicates.size(), notes.size()));
    }

    private ProblemRow problem(LineProblem p) {
        return new ProblemRow(p.line(), p.field() == null ? "" : p.field(), text.get(p.messageKey(), p.args().toArray()));
    }

    /** A file that cannot be read at all: the message, and its bad lines when there are any. */
    private void failed(Throwable t) {
        summary.set("");
        error.set(text.error(t));
        Throwable c = t;
        while (c != null && !(c instanceof ImportRefusedException)) {
            c = c.getCause();
        }
        if (c instanceof ImportRefusedException r) {
            invalid.setAll(r.problems().stream().map(this::problem).toList());
        }
    }

    /** Imports the previewed file with the decisions per duplicate row; all or nothing. */
    public void importFile() {
        ImportPreview p = preview.get();
        if (!canImport.get()) {
            return;
        }
        Map<Long, DuplicateDecision> decisions = new LinkedHashMap<>();
        for (DuplicateRow d : duplicates) {
            decisions.put(d.line(), d.decisionProperty().get());
        }
        boolean skip = skipInvalid.get();
        long mine = ++generation;
        working.set(true);
        error.set("");
        summary.set(text.get("ui.import.running"));
        runner.run(() -> imports.run(principal, p, skip, decisions), r -> {
            working.set(false);
            done(p, r);
            imported.run();
        }, t -> {
            working.set(false);
            if (mine == generation) {
                summary.set("");
                error.set(text.error(t));
            }
        });
    }

    private void done(ImportPreview p, ImportResult r) {
        clearPreview();
        summary.set("");
        result.set(text.get("ui.import.done", r.imported(), p.fileName(), r.skippedLines() + r.duplicatesSkipped(),
                r.duplicatesMerged()));
    }

    public StringProperty pathProperty() {
        return path;
    }

    public ObjectProperty<ImportFormat> formatProperty() {
        return format;
    }

    public StringProperty delimiterProperty() {
        return delimiter;
    }

    public StringProperty encodingProperty() {
        return encoding;
    }

    public BooleanProperty skipInvalidProperty() {
        return skipInvalid;
    }

    public ReadOnlyObjectProperty<ImportPreview> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    public ObservableList<MappingRow> mapping() {
        return mapping;
    }

    public ObservableList<String> ignored() {
        return ignored;
    }

    public ObservableList<ProblemRow> invalid() {
        return invalid;
    }

    public ObservableList<ProblemRow> blocked() {
        return blocked;
    }

    /** Values of importable rows left out (placeholders) or kept unchecked (foreign phone numbers). */
    public ObservableList<ProblemRow> notes() {
        return notes;
    }

    public ObservableList<DuplicateRow> duplicates() {
        return duplicates;
    }

    public ReadOnlyBooleanProperty workingProperty() {
        return working.getReadOnlyProperty();
    }

    /** True when a preview is there and may be imported: valid, or with skip-invalid chosen. */
    public BooleanBinding canImportProperty() {
        return canImport;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
