package de.kontor.ui.erasure;

import de.kontor.domain.Principal;
import de.kontor.domain.retention.DataCategory;
import de.kontor.domain.retention.Restriction;
import de.kontor.domain.retention.RetentionFacts;
import de.kontor.privacy.ErasureResult;
import de.kontor.privacy.ErasureService;
import de.kontor.privacy.RestrictionService;
import de.kontor.privacy.RetentionService;
import de.kontor.security.OwnerOnlyFiles;
import de.kontor.ui.UiText;
import de.kontor.ui.task.TaskRunner;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The person's irreversible and restricting actions: erase (Art. 17), anonymise, restrict
 * (Art. 18) and lift, and the data category with the end of the relationship.
 */
public final class PersonErasureViewModel {
    private final ErasureService erasure;
    private final RestrictionService restrictions;
    private final RetentionService retention;
    private final Principal principal;
    private final TaskRunner runner;
    private final UiText text;

    private final ReadOnlyObjectWrapper<Long> personId = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Long> requestId = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper restricted = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper liftable = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper restriction = new ReadOnlyStringWrapper("");
    private final ObservableList<DataCategory> categories = FXCollections.observableArrayList();
    private final ObjectProperty<DataCategory> category = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> relationshipEnded = new SimpleObjectProperty<>();
    private final ReadOnlyBooleanWrapper working = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<ErasureResult> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    private record Loaded(Optional<Restriction> restriction, List<DataCategory> categories,
            Optional<RetentionFacts.PersonFact> fact) {}

    public PersonErasureViewModel(ErasureService erasure, RestrictionService restrictions, RetentionService retention,
            Principal principal, TaskRunner runner, UiText text) {
        this.erasure = erasure;
        this.restrictions = restrictions;
        this.retention = retention;
        this.principal = principal;
        this.runner = runner;
        this.text = text;
    }

    /** Loads the restriction and category of a person; null clears. */
    public void load(Long id) {
        load(id, null);
    }

    /**
     * Loads a person for actions that answer the data subject request {@code request}: an
     * erasure or restriction started now is recorded with it.
     */
    public void load(Long id, Long request) {
        requestId.set(request);
        personId.set(id);
        error.set("");
        message.set("");
        if (id == null) {
            showRestriction(Optional.empty());
            category.set(null);
            relationshipEnded.set(null);
            return;
        }
        runner.run(() -> new Loaded(restrictions.active(principal, id), retention.rules(principal),
                retention.personFact(principal, id)), l -> {
                    if (!id.equals(personId.get())) {
                        return;
                    }
                    showRestriction(l.restriction());
                    categories.setAll(l.categories());
                    String key = l.fact().map(RetentionFacts.PersonFact::category).orElse(null);
                    category.set(l.categories().stream().filter(c -> c.key().equals(key)).findFirst().orElse(null));
                    relationshipEnded.set(l.fact().map(RetentionFacts.PersonFact::relationshipEnded).orElse(null));
                }, this::failed);
    }

    private void showRestriction(Optional<Restriction> r) {
        restricted.set(r.isPresent());
        liftable.set(r.isPresent() && !r.get().retention());
        restriction.set(r.map(x -> x.until() == null
                ? text.get("ui.restriction.since", x.reason(), text.dateTime(x.since()))
                : text.get("ui.restriction.sinceUntil", x.reason(), text.dateTime(x.since()), text.date(x.until())))
                .orElse(""));
    }

    /**
     * Erases the person for good, in the background (with compaction); afterwards
     * {@link #resultProperty()} holds what was erased and what is kept under retention.
     */
    public void erase(boolean keepDocuments, Consumer<ErasureResult> onDone) {
        Long id = personId.get();
        if (id == null || working.get()) {
            return;
        }
        Long request = requestId.get();
        start();
        runner.run(() -> erasure.erase(principal, id, keepDocuments, request, text.locale()), r -> finished(r, onDone),
                this::failedWork);
    }

    /** Anonymises the person (statistics stay), in the background. */
    public void anonymise(Consumer<ErasureResult> onDone) {
        Long id = personId.get();
        if (id == null || working.get()) {
            return;
        }
        start();
        runner.run(() -> erasure.anonymise(principal, id, text.locale()), r -> finished(r, onDone), this::failedWork);
    }

    private void start() {
        error.set("");
        message.set("");
        result.set(null);
        working.set(true);
    }

    private void finished(ErasureResult r, Consumer<ErasureResult> onDone) {
        working.set(false);
        result.set(r);
        message.set(text.get("ui.erasure.done." + r.kind()));
        onDone.accept(r);
    }

    private void failedWork(Throwable t) {
        working.set(false);
        failed(t);
    }

    /** Restricts processing with a reason and an optional end date. */
    public void restrict(String reason, LocalDate until, Runnable onDone) {
        Long id = personId.get();
        if (id == null) {
            return;
        }
        Long request = requestId.get();
        error.set("");
        message.set("");
        runner.run(() -> restrictions.restrict(principal, id, reason, until, request), r -> {
            showRestriction(Optional.of(r));
            message.set(text.get("ui.restriction.done"));
            onDone.run();
        }, this::failed);
    }

    /** Lifts the restriction (not one kept for statutory retention). */
    public void lift(String reason, Runnable onDone) {
        Long id = personId.get();
        if (id == null) {
            return;
        }
        error.set("");
        message.set("");
        runner.run(() -> {
            restrictions.unrestrict(principal, id, reason);
            return null;
        }, none -> {
            showRestriction(Optional.empty());
            message.set(text.get("ui.restriction.lifted"));
            onDone.run();
        }, this::failed);
    }

    /** Saves the person's data category and the end of the relationship. */
    public void saveCategory() {
        Long id = personId.get();
        DataCategory c = category.get();
        if (id == null || c == null) {
            return;
        }
        LocalDate ended = relationshipEnded.get();
        error.set("");
        message.set("");
        runner.run(() -> {
            retention.assign(principal, id, c.key(), ended);
            return null;
        }, none -> message.set(text.get("ui.retention.categorySaved", c.name(text.locale()))), this::failed);
    }

    /** The result as lines: erased counts per category, then records kept with their until-date. */
    public List<String> resultLines(ErasureResult r) {
        List<String> lines = new ArrayList<>();
        r.erased().forEach((k, n) -> lines.add(text.get("ui.erasure.erasedLine", categoryLabel(k), n)));
        for (ErasureResult.Retained x : r.retained()) {
            lines.add(text.get("ui.erasure.retainedLine", text.get("ui.retention.type." + x.type()), x.id(),
                    categoryLabel(x.category()), text.date(x.until()), x.statutory() == null ? "" : x.statutory()));
        }
        return lines;
    }

    private String categoryLabel(String key) {
        String k = "certificate.category." + key;
        return text.messages().has(k) ? text.get(k) : key;
    }

    /** Writes the erasure certificate (PDF) of the last result. */
    public void saveCertificate(Path target) {
        ErasureResult r = result.get();
        if (r == null) {
            return;
        }
        runner.run(() -> {
            OwnerOnlyFiles.write(target, r.certificate());
            return target;
        }, p -> message.set(text.get("ui.erasure.certificateSaved", p.toString())), this::failed);
    }

    private void failed(Throwable t) {
        error.set(text.refusal(t));
    }

    /** The data subject request the actions answer, or null (started from the person). */
    public ReadOnlyObjectProperty<Long> requestIdProperty() {
        return requestId.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Long> personIdProperty() {
        return personId.getReadOnlyProperty();
    }

    /** True while the person is restricted: read-only, marked everywhere. */
    public ReadOnlyBooleanProperty restrictedProperty() {
        return restricted.getReadOnlyProperty();
    }

    /** True when the restriction may be lifted (not kept for statutory retention). */
    public ReadOnlyBooleanProperty liftableProperty() {
        return liftable.getReadOnlyProperty();
    }

    /** The reason and dates of the active restriction, or empty. */
    public ReadOnlyStringProperty restrictionProperty() {
        return restriction.getReadOnlyProperty();
    }

    public ObservableList<DataCategory> categories() {
        return categories;
    }

    public ObjectProperty<DataCategory> categoryProperty() {
        return category;
    }

    public ObjectProperty<LocalDate> relationshipEndedProperty() {
        return relationshipEnded;
    }

    /** True while an erasure or anonymisation (with compaction) runs. */
    public ReadOnlyBooleanProperty workingProperty() {
        return working.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ErasureResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
