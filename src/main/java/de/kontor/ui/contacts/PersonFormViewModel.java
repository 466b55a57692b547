package de.kontor.ui.contacts;

import de.kontor.dedupe.DedupeService;
import de.kontor.domain.ContactKind;
import de.kontor.domain.EmailAddress;
import de.kontor.domain.FieldError;
import de.kontor.domain.Person;
import de.kontor.domain.PersonData;
import de.kontor.domain.PhoneNumber;
import de.kontor.domain.Principal;
import de.kontor.domain.ProvenanceInput;
import de.kontor.domain.SourceKind;
import de.kontor.domain.StaleDataException;
import de.kontor.domain.ValidationException;
import de.kontor.privacy.SuppressionService;
import de.kontor.service.ContactService;
import de.kontor.service.OrganisationService;
import de.kontor.service.SearchIndex;
import de.kontor.ui.UiText;
import de.kontor.ui.dedupe.DedupeText;
import de.kontor.ui.dedupe.DuplicateHint;
import de.kontor.ui.task.TaskRunner;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

/**
 * Creating or editing one person. Holds the typed values, sends them to the
 * {@link ContactService} and maps its refusals back: each {@link FieldError} to the field or
 * list row it names, a stale save to a message with the offer to reload.
 */
public final class PersonFormViewModel {
    private static final Set<String> ADDRESS_FIELDS = Set.of("street", "houseNumber", "addressLine2", "postcode",
            "city", "region", "country");

    public static final java.time.Duration BLOCK_CHECK_DELAY = java.time.Duration.ofMillis(300);
    private static final de.kontor.domain.ContactRules RULES = new de.kontor.domain.ContactRules();
    private final ContactService contacts;
    private final SuppressionService suppression;
    private final DedupeService dedupe;
    private final ObservableList<DuplicateHint> duplicates = FXCollections.observableArrayList();
    private long duplicateGeneration;
    private final ReadOnlyStringWrapper blocked = new ReadOnlyStringWrapper("");
    private long blockGeneration;
    private final OrganisationService organisations;
    private volatile List<String> organisationNames = List.of();
    private final Principal principal;
    private final TaskRunner runner;
    private final UiText text;

    private final StringProperty salutation = new SimpleStringProperty("");
    private final StringProperty title = new SimpleStringProperty("");
    private final StringProperty givenName = new SimpleStringProperty("");
    private final StringProperty familyName = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> birthDate = new SimpleObjectProperty<>();
    private final StringProperty language = new SimpleStringProperty("");
    private final StringProperty organisation = new SimpleStringProperty("");
    private final StringProperty jobTitle = new SimpleStringProperty("");
    private final ObservableList<ContactRow> emails = FXCollections.observableArrayList();
    private final ObservableList<ContactRow> phones = FXCollections.observableArrayList();
    private final ObservableList<AddressRow> addresses = FXCollections.observableArrayList();
    private final StringProperty tags = new SimpleStringProperty("");
    private final StringProperty notes = new SimpleStringProperty("");
    private final ObjectProperty<SourceKind> sourceKind = new SimpleObjectProperty<>(SourceKind.MANUAL);
    private final StringProperty sourceDetail = new SimpleStringProperty("");

    private final ObservableMap<String, String> errors = FXCollections.observableHashMap();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper stale = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<Person> editing = new ReadOnlyObjectWrapper<>();

    public PersonFormViewModel(ContactService contacts, OrganisationService organisations, Principal principal,
            TaskRunner runner, UiText text) {
        this(contacts, organisations, null, principal, runner, text);
    }

    /**
     * With the live re-entry check: while e-mail, phone or name and birth date are typed, the
     * form says at once when the person is blocked (debounced, in the background).
     */
    public PersonFormViewModel(ContactService contacts, OrganisationService organisations,
            SuppressionService suppression, Principal principal, TaskRunner runner, UiText text) {
        this(contacts, organisations, suppression, null, principal, runner, text);
    }

    /**
     * With the live re-entry check and the live duplicate check: while the person is typed,
     * possible duplicates appear (debounced, in the background), each with score and reasons.
     */
    public PersonFormViewModel(ContactService contacts, OrganisationService organisations,
            SuppressionService suppression, DedupeService dedupe, Principal principal, TaskRunner runner,
            UiText text) {
        this.contacts = contacts;
        this.dedupe = dedupe;
        this.organisations = organisations;
        this.suppression = suppression;
        this.principal = principal;
        this.runner = runner;
        this.text = text;
        startNew();
        if (suppression != null) {
            Runnable soon = runner.debounced(this::checkBlocked, BLOCK_CHECK_DELAY);
            javafx.beans.InvalidationListener changed = o -> soon.run();
            givenName.addListener(changed);
            familyName.addListener(changed);
            birthDate.addListener(changed);
            watchRows(emails, changed);
            watchRows(phones, changed);
        }
        if (dedupe != null) {
            Runnable soon = runner.debounced(this::checkDuplicates, BLOCK_CHECK_DELAY);
            javafx.beans.InvalidationListener changed = o -> soon.run();
            givenName.addListener(changed);
            familyName.addListener(changed);
            birthDate.addListener(changed);
            watchRows(emails, changed);
            watchRows(phones, changed);
            addresses.addListener((javafx.collections.ListChangeListener<AddressRow>) c -> {
                while (c.next()) {
                    c.getAddedSubList().forEach(r -> watchAddress(r, changed));
                }
                changed.invalidated(addresses);
            });
            addresses.forEach(r -> watchAddress(r, changed));
        }
    }

    private static void watchAddress(AddressRow r, javafx.beans.InvalidationListener changed) {
        r.streetProperty().addListener(changed);
        r.houseNumberProperty().addListener(changed);
        r.postcodeProperty().addListener(changed);
        r.cityProperty().addListener(changed);
    }

    /**
     * Looks for possible duplicates of the typed person now (normally debounced). Nothing is
     * looked up until a name, e-mail or phone is there; the person being edited is left out.
     */
    public void checkDuplicates() {
        if (dedupe == null) {
            return;
        }
        long mine = ++duplicateGeneration;
        PersonData typed = typedWithAddresses();
        boolean nothing = (typed.givenName() == null || typed.givenName().isBlank())
                && (typed.familyName() == null || typed.familyName().isBlank())
                && typed.emails().isEmpty() && typed.phones().isEmpty();
        if (nothing) {
            duplicates.clear();
            return;
        }
        Person self = editing.get();
        Long selfId = self == null ? null : self.id();
        // A failed check is logged and shown in the status line; saving stays possible.
        runner.run("ui.task.duplicateCheck", () -> dedupe.check(principal, RULES.normalise(typed), selfId).stream()
                .limit(5).map(m -> DedupeText.hint(text, m)).toList(), found -> {
                    if (mine == duplicateGeneration && !found.equals(duplicates)) {
                        duplicates.setAll(found); // unchanged results do not rebuild the cards
                    }
                });
    }

    /** Possible duplicates of the typed person, best first (at most five). */
    public ObservableList<DuplicateHint> duplicates() {
        return duplicates;
    }

    /**
     * "Merge instead": saves no new person; the typed e-mails, phones and addresses that the
     * existing person does not have yet are added to it, and {@code onMerged} gets it (to
     * open it). Refusals (restricted, changed meanwhile, invalid) show in the summary.
     */
    public void mergeInto(long existingId, Consumer<Person> onMerged) {
        if (busy.get()) {
            return;
        }
        clearErrors();
        PersonData typed = typedWithAddresses();
        busy.set(true);
        runner.run(() -> {
            Person existing = contacts.get(principal, existingId);
            PersonData united = DedupeService.addContacts(existing.data(), RULES.normalise(typed));
            return united.equals(existing.data()) ? existing
                    : contacts.update(principal, existingId, existing.version(), united);
        }, merged -> {
            busy.set(false);
            duplicates.clear();
            onMerged.accept(merged);
        }, this::failed);
    }

    private PersonData typedWithAddresses() {
        PersonData d = data();
        return new PersonData(d.salutation(), d.title(), d.givenName(), d.familyName(), d.birthDate(), d.language(),
                d.organisation(), d.jobTitle(), d.emails(), d.phones(),
                addresses.stream().filter(r -> !r.isBlank()).map(AddressRow::toAddress).toList(), List.of(), null);
    }

    /** Listens to every row's value (rows come and go; the view rebuilds only on list changes). */
    private static void watchRows(ObservableList<ContactRow> rows, javafx.beans.InvalidationListener changed) {
        rows.forEach(r -> r.valueProperty().addListener(changed));
        rows.addListener((javafx.collections.ListChangeListener<ContactRow>) c -> {
            while (c.next()) {
                c.getRemoved().forEach(r -> r.valueProperty().removeListener(changed));
                c.getAddedSubList().forEach(r -> r.valueProperty().addListener(changed));
            }
            changed.invalidated(rows);
        });
    }

    /** Checks the typed identifiers against the suppression list now (normally debounced). */
    public void checkBlocked() {
        if (suppression == null) {
            return;
        }
        long mine = ++blockGeneration;
        PersonData typed = data();
        // A failed check is logged and shown in the status line; saving checks the list again.
        runner.run("ui.task.suppressionCheck", () -> suppression.isBlocked(RULES.normalise(typed)), isBlocked -> {
            if (mine == blockGeneration) {
                blocked.set(isBlocked ? text.get("ui.erasure.blocked") : "");
            }
        });
    }

    /** Non-empty while the typed person matches the suppression list (erased or objected). */
    public ReadOnlyStringProperty blockedProperty() {
        return blocked.getReadOnlyProperty();
    }

    private PersonData data() {
        return new PersonData(salutation.get(), title.get(), givenName.get(), familyName.get(),
                birthDate.get(), language.get(), organisation.get(), jobTitle.get(),
                emails.stream().filter(r -> !r.isBlank())
                        .map(r -> new EmailAddress(r.kindProperty().get(), r.valueProperty().get())).toList(),
                phones.stream().filter(r -> !r.isBlank())
                        .map(r -> PhoneNumber.of(r.kindProperty().get(), r.valueProperty().get())).toList(),
                List.of(), List.of(), null);
    }

    /** Empty form for a new person, entered by hand. */
    public void startNew() {
        editing.set(null);
        fill(PersonData.named("", ""));
        sourceKind.set(SourceKind.MANUAL);
        sourceDetail.set("");
    }

    public void edit(Person p) {
        editing.set(p);
        fill(p.data());
    }

    /** After a stale save: loads the stored version (the typed changes are dropped). */
    public void reload() {
        Person p = editing.get();
        if (p == null) {
            return;
        }
        busy.set(true);
        runner.run(() -> contacts.get(principal, p.id()), fresh -> {
            busy.set(false);
            edit(fresh);
        }, this::failed);
    }

    public void save(Consumer<Person> onSaved) {
        if (busy.get()) {
            return;
        }
        clearErrors();
        List<ContactRow> sentEmails = emails.stream().filter(r -> !r.isBlank()).toList();
        List<ContactRow> sentPhones = phones.stream().filter(r -> !r.isBlank()).toList();
        List<AddressRow> sentAddresses = addresses.stream().filter(r -> !r.isBlank()).toList();
        PersonData data = new PersonData(salutation.get(), title.get(), givenName.get(), familyName.get(),
                birthDate.get(), language.get(), organisation.get(), jobTitle.get(),
                sentEmails.stream().map(r -> new EmailAddress(r.kindProperty().get(), r.valueProperty().get())).toList(),
                sentPhones.stream().map(r -> PhoneNumber.of(r.kindProperty().get(), r.valueProperty().get())).toList(),
                sentAddresses.stream().map(AddressRow::toAddress).toList(),
                Arrays.stream(tags.get() == null ? new String[0] : tags.get().split(",")).toList(),
                notes.get());
        Person before = editing.get();
        ProvenanceInput source = ProvenanceInput.of(sourceKind.get(), sourceDetail.get());
        busy.set(true);
        runner.run(() -> before == null
                ? contacts.create(principal, data, source)
                : contacts.update(principal, before.id(), before.version(), data), saved -> {
                    busy.set(false);
                    edit(saved);
                    onSaved.accept(saved);
                }, t -> {
                    if (t instanceof ValidationException v) {
                        busy.set(false);
                        showErrors(v.errors(), sentEmails, sentPhones, sentAddresses);
                    } else {
                        failed(t);
                        stale.set(t instanceof StaleDataException);
                    }
                });
    }

    private void failed(Throwable t) {
        busy.set(false);
        summary.set(text.error(t));
    }

    private void showErrors(List<FieldError> list, List<ContactRow> sentEmails, List<ContactRow> sentPhones,
            List<AddressRow> sentAddresses) {
        for (FieldError f : list) {
            String message = text.get(f.messageKey(), f.args().toArray());
            int row = rowIndex(f.field());
            String base = f.baseField();
            if (base.equals("email") && row < sentEmails.size()) {
                sentEmails.get(row).errorProperty().set(message);
            } else if (base.equals("phone") && row < sentPhones.size()) {
                sentPhones.get(row).errorProperty().set(message);
            } else if (ADDRESS_FIELDS.contains(base) && row < sentAddresses.size()) {
                sentAddresses.get(row).errors().put(base, message);
            } else {
                errors.merge(base, message, (a, b) -> a + " " + b);
            }
        }
        summary.set(text.get("error.validation", list.size()));
    }

    /** "email[2]" is the second row (index 1); "email" the first. */
    private static int rowIndex(String field) {
        int open = field.indexOf('[');
        if (open < 0) {
            return 0;
        }
        return Integer.parseInt(field.substring(open + 1, field.indexOf(']'))) - 1;
    }

    private void clearErrors() {
        errors.clear();
        summary.set("");
        stale.set(false);
        emails.forEach(r -> r.errorProperty().set(""));
        phones.forEach(r -> r.errorProperty().set(""));
        addresses.forEach(r -> r.errors().clear());
    }

    private void fill(PersonData d) {
        clearErrors();
        salutation.set(nn(d.salutation()));
        title.set(nn(d.title()));
        givenName.set(nn(d.givenName()));
        familyName.set(nn(d.familyName()));
        birthDate.set(d.birthDate());
        language.set(nn(d.language()));
        organisation.set(nn(d.organisation()));
        jobTitle.set(nn(d.jobTitle()));
        emails.setAll(d.emails().stream().map(e -> new ContactRow(e.kind(), e.address())).toList());
        phones.setAll(d.phones().stream().map(p -> new ContactRow(p.kind(), p.raw())).toList());
        addresses.setAll(d.addresses().stream().map(AddressRow::new).toList());
        if (emails.isEmpty()) {
            emails.add(new ContactRow(ContactKind.WORK, ""));
        }
        if (phones.isEmpty()) {
            phones.add(new ContactRow(ContactKind.WORK, ""));
        }
        if (addresses.isEmpty()) {
            addresses.add(AddressRow.empty());
        }
        tags.set(String.join(", ", d.tags()));
        notes.set(nn(d.notes()));
    }

    /** Loads the organisation names offered while typing (once per form). */
    public void loadSuggestions() {
        runner.run(() -> organisations.all(principal).stream().map(o -> o.name()).toList(),
                names -> organisationNames = names, t -> organisationNames = List.of());
    }

    /**
     * Organisation names containing what was typed (umlaut- and case-insensitive), at most 10.
     * Safe to call from any thread: it reads an immutable snapshot.
     */
    public List<String> suggestOrganisations(String typed) {
        String q = typed == null ? "" : SearchIndex.fold(typed).strip();
        if (q.isEmpty()) {
            return List.of();
        }
        return organisationNames.stream().filter(n -> SearchIndex.fold(n).contains(q)).limit(10).toList();
    }

    public void addEmail() {
        emails.add(new ContactRow(ContactKind.WORK, ""));
    }

    public void addPhone() {
        phones.add(new ContactRow(ContactKind.MOBILE, ""));
    }

    public void addAddress() {
        addresses.add(AddressRow.empty());
    }

    private static String nn(String s) {
        return s == null ? "" : s;
    }

    public boolean isNew() {
        return editing.get() == null;
    }

    public ReadOnlyObjectProperty<Person> editingProperty() {
        return editing.getReadOnlyProperty();
    }

    public StringProperty salutationProperty() {
        return salutation;
    }

    public StringProperty titleProperty() {
        return title;
    }

    public StringProperty givenNameProperty() {
        return givenName;
    }

    public StringProperty familyNameProperty() {
        return familyName;
    }

    public ObjectProperty<LocalDate> birthDateProperty() {
        return birthDate;
    }

    public StringProperty languageProperty() {
        return language;
    }

    public StringProperty organisationProperty() {
        return organisation;
    }

    public StringProperty jobTitleProperty() {
        return jobTitle;
    }

    public ObservableList<ContactRow> emails() {
        return emails;
    }

    public ObservableList<ContactRow> phones() {
        return phones;
    }

    public ObservableList<AddressRow> addresses() {
        return addresses;
    }

    /** Comma separated. */
    public StringProperty tagsProperty() {
        return tags;
    }

    public StringProperty notesProperty() {
        return notes;
    }

    public ObjectProperty<SourceKind> sourceKindProperty() {
        return sourceKind;
    }

    public StringProperty sourceDetailProperty() {
        return sourceDetail;
    }

    /** Messages for the single-valued fields, by field name ("familyName", "birthDate" ...). */
    public ObservableMap<String, String> errors() {
        return errors;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** True after a save was refused because someone else changed the person: offer reload. */
    public ReadOnlyBooleanProperty staleProperty() {
        return stale.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
