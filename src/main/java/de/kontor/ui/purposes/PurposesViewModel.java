package de.kontor.ui.purposes;

import de.kontor.domain.FieldError;
import de.kontor.domain.Principal;
import de.kontor.domain.ValidationException;
import de.kontor.domain.privacy.ConsentText;
import de.kontor.domain.privacy.LawfulBasis;
import de.kontor.domain.privacy.Purpose;
import de.kontor.domain.privacy.PurposeData;
import de.kontor.privacy.PurposeService;
import de.kontor.ui.UiText;
import de.kontor.ui.task.TaskRunner;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

/**
 * The purpose catalogue: all purposes, the selected one with its consent texts, a new purpose
 * being typed, retiring, and new consent-text versions. Refusals are keyed "form:field".
 */
public final class PurposesViewModel {
    private final PurposeService purposes;
    private final Principal principal;
    private final TaskRunner runner;
    private final UiText text;

    private final ObservableList<Purpose> rows = FXCollections.observableArrayList();
    private final ObjectProperty<Purpose> selected = new SimpleObjectProperty<>();
    private final ObservableList<ConsentText> texts = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ObservableMap<String, String> errors = FXCollections.observableHashMap();

    private final StringProperty key = new SimpleStringProperty("");
    private final StringProperty nameDe = new SimpleStringProperty("");
    private final StringProperty nameEn = new SimpleStringProperty("");
    private final StringProperty descriptionDe = new SimpleStringProperty("");
    private final StringProperty descriptionEn = new SimpleStringProperty("");
    private final ObjectProperty<LawfulBasis> defaultBasis = new SimpleObjectProperty<>(LawfulBasis.CONSENT);
    private final StringProperty categories = new SimpleStringProperty("");
    private final StringProperty recipients = new SimpleStringProperty("");
    private final StringProperty thirdCountry = new SimpleStringProperty("");
    private final BooleanProperty marketing = new SimpleBooleanProperty(false);
    private final StringProperty notes = new SimpleStringProperty("");

    private final StringProperty newVersion = new SimpleStringProperty("");
    private final StringProperty newText = new SimpleStringProperty("");

    public PurposesViewModel(PurposeService purposes, Principal principal, TaskRunner runner, UiText text) {
        this.purposes = purposes;
        this.principal = principal;
        this.runner = runner;
        this.text = text;
        selected.addListener((o, a, p) -> loadTexts(p));
    }

    /** Loads the catalogue, keeping the selection by key (or selecting {@code keyToSelect}). */
    public void load() {
        load(selected.get() == null ? null : selected.get().key());
    }

    private void load(String keyToSelect) {
        runner.run(() -> purposes.all(principal), all -> {
            rows.setAll(all);
            Purpose keep = all.stream().filter(p -> p.key().equals(keyToSelect)).findFirst()
                    .orElse(all.isEmpty() ? null : all.get(0));
            if (keep != null && selected.get() != null && keep.equals(selected.get())) {
                loadTexts(keep);
            }
            selected.set(keep);
        }, t -> error.set(text.error(t)));
    }

    public void select(String purposeKey) {
        rows.stream().filter(p -> p.key().equals(purposeKey)).findFirst().ifPresent(selected::set);
    }

    private void loadTexts(Purpose p) {
        if (p == null) {
            texts.clear();
            return;
        }
        runner.run(() -> purposes.texts(principal, p.key()), list -> {
            if (selected.get() != null && selected.get().key().equals(p.key())) {
                texts.setAll(list);
            }
        }, t -> error.set(text.error(t)));
    }

    public void addPurpose() {
        PurposeData d = new PurposeData(key.get(), nameDe.get(), nameEn.get(), descriptionDe.get(), descriptionEn.get(),
                defaultBasis.get(), categories.get(), recipients.get(), thirdCountry.get(), marketing.get(), notes.get());
        act("add", () -> purposes.add(principal, d), p -> {
            for (StringProperty s : List.of(key, nameDe, nameEn, descriptionDe, descriptionEn, categories, recipients,
                    thirdCountry, notes)) {
                s.set("");
            }
            marketing.set(false);
            defaultBasis.set(LawfulBasis.CONSENT);
            message.set(text.get("ui.privacy.done"));
            load(p.key());
        });
    }

    /** Retires the selected purpose (the view asks for confirmation first). */
    public void retire() {
        Purpose p = selected.get();
        if (p == null) {
            return;
        }
        act("retire", () -> purposes.retire(principal, p.key()), r -> {
            message.set(text.get("ui.privacy.done"));
            load(r.key());
        });
    }

    /** Adds a new consent-text version for the selected purpose. */
    public void addText() {
        Purpose p = selected.get();
        if (p == null) {
            return;
        }
        String v = newVersion.get();
        String body = newText.get();
        act("text", () -> purposes.addText(principal, p.key(), v, body), t -> {
            newVersion.set("");
            newText.set("");
            message.set(text.get("ui.privacy.done"));
            loadTexts(p);
        });
    }

    private <T> void act(String form, Callable<T> work, Consumer<T> done) {
        errors.clear();
        error.set("");
        message.set("");
        runner.run(work, done, t -> {
            if (t instanceof ValidationException v) {
                for (FieldError f : v.errors()) {
                    errors.merge(form + ":" + f.baseField(), text.get(f.messageKey(), f.args().toArray()),
                            (a, b) -> a + " " + b);
                }
                error.set(text.get("ui.purposes.invalid", v.errors().stream()
                        .map(f -> text.get(f.messageKey(), f.args().toArray())).collect(Collectors.joining(" "))));
            } else {
                error.set(text.error(t));
            }
        });
    }

    public ObservableList<Purpose> rows() {
        return rows;
    }

    public ObjectProperty<Purpose> selectedProperty() {
        return selected;
    }

    public ObservableList<ConsentText> texts() {
        return texts;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ObservableMap<String, String> errors() {
        return errors;
    }

    public StringProperty keyProperty() {
        return key;
    }

    public StringProperty nameDeProperty() {
        return nameDe;
    }

    public StringProperty nameEnProperty() {
        return nameEn;
    }

    public StringProperty descriptionDeProperty() {
        return descriptionDe;
    }

    public StringProperty descriptionEnProperty() {
        return descriptionEn;
    }

    public ObjectProperty<LawfulBasis> defaultBasisProperty() {
        return defaultBasis;
    }

    public StringProperty categoriesProperty() {
        return categories;
    }

    public StringProperty recipientsProperty() {
        return recipients;
    }

    public StringProperty thirdCountryProperty() {
        return thirdCountry;
    }

    public BooleanProperty marketingProperty() {
        return marketing;
    }

    public StringProperty notesProperty() {
        return notes;
    }

    public StringProperty newVersionProperty() {
        return newVersion;
    }

    public StringProperty newTextProperty() {
        return newText;
    }
}
