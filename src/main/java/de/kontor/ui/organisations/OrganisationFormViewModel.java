package de.kontor.ui.organisations;

import de.kontor.domain.FieldError;
import de.kontor.domain.Organisation;
import de.kontor.domain.OrganisationData;
import de.kontor.domain.Principal;
import de.kontor.domain.StaleDataException;
import de.kontor.domain.ValidationException;
import de.kontor.service.OrganisationService;
import de.kontor.ui.UiText;
import de.kontor.ui.task.TaskRunner;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;

/** Creating or editing an organisation; refusals mapped to fields. */
public final class OrganisationFormViewModel {
    private final OrganisationService organisations;
    private final Principal principal;
    private final TaskRunner runner;
    private final UiText text;
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty street = new SimpleStringProperty("");
    private final StringProperty houseNumber = new SimpleStringProperty("");
    private final StringProperty postcode = new SimpleStringProperty("");
    private final StringProperty city = new SimpleStringProperty("");
    private final StringProperty country = new SimpleStringProperty("");
    private final StringProperty website = new SimpleStringProperty("");
    private final StringProperty vatId = new SimpleStringProperty("");
    private final ObservableMap<String, String> errors = FXCollections.observableHashMap();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper stale = new ReadOnlyBooleanWrapper(false);
    private Organisation editing;

    public OrganisationFormViewModel(OrganisationService organisations, Principal principal, TaskRunner runner,
            UiText text) {
        this.organisations = organisations;
        this.principal = principal;
        this.runner = runner;
        this.text = text;
    }

    public void startNew() {
        editing = null;
        fill(new OrganisationData(null, null, null, null, null, "DE", null, null));
    }

    public void edit(Organisation o) {
        editing = o;
        fill(o.data());
    }

    public boolean isNew() {
        return editing == null;
    }

    public void save(Consumer<Organisation> onSaved) {
        errors.clear();
        summary.set("");
        stale.set(false);
        OrganisationData d = new OrganisationData(name.get(), street.get(), houseNumber.get(), postcode.get(),
                city.get(), country.get(), website.get(), vatId.get());
        Organisation before = editing;
        runner.run(() -> before == null
                ? organisations.create(principal, d)
                : organisations.update(principal, before.id(), before.version(), d), saved -> {
                    edit(saved);
                    onSaved.accept(saved);
                }, t -> {
                    if (t instanceof ValidationException v) {
                        for (FieldError f : v.errors()) {
                            errors.put(f.baseField(), text.get(f.messageKey(), f.args().toArray()));
                        }
                    }
                    stale.set(t instanceof StaleDataException);
                    summary.set(text.error(t));
                });
    }

    public void reload() {
        if (editing == null) {
            return;
        }
        long id = editing.id();
        runner.run(() -> organisations.get(principal, id), this::edit, t -> summary.set(text.error(t)));
    }

    private void fill(OrganisationData d) {
        errors.clear();
        summary.set("");
        stale.set(false);
        name.set(nn(d.name()));
        street.set(nn(d.street()));
        houseNumber.set(nn(d.houseNumber()));
        postcode.set(nn(d.postcode()));
        city.set(nn(d.city()));
        country.set(nn(d.country()));
        website.set(nn(d.website()));
        vatId.set(nn(d.vatId()));
    }

    private static String nn(String s) {
        return s == null ? "" : s;
    }

    /** The editable fields by name, in form order. */
    public java.util.Map<String, StringProperty> fields() {
        java.util.Map<String, StringProperty> m = new java.util.LinkedHashMap<>();
        m.put("name", name);
        m.put("street", street);
        m.put("houseNumber", houseNumber);
        m.put("postcode", postcode);
        m.put("city", city);
        m.put("country", country);
        m.put("website", website);
        m.put("vatId", vatId);
        return m;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public ObservableMap<String, String> errors() {
        return errors;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty staleProperty() {
        return stale.getReadOnlyProperty();
    }
}
