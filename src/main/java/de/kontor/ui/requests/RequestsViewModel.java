package de.kontor.ui.requests;

import de.kontor.domain.Person;
import de.kontor.domain.PersonSummary;
import de.kontor.domain.Principal;
import de.kontor.domain.ValidationException;
import de.kontor.domain.request.RequestType;
import de.kontor.domain.request.SentFile;
import de.kontor.domain.request.SubjectRequest;
import de.kontor.exchange.ExportFormat;
import de.kontor.exchange.SubjectDataService;
import de.kontor.privacy.RequestService;
import de.kontor.service.ContactService;
import de.kontor.ui.UiText;
import de.kontor.ui.task.TaskRunner;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
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
import javafx.collections.ObservableMap;
import javafx.collections.transformation.FilteredList;

/**
 * The register of data subject requests (Art. 12): the table (open or all, filtered by text,
 * overdue and soon-due marked), registering a request, and the selected request with its
 * history, files sent and the actions that answer it (extend once, link a person, access
 * report, export, close). Files are written where the caller says, so tests can drive it.
 */
public final class RequestsViewModel {
    /** How pressing a deadline is: past it, within {@link RequestService#DUE_SOON_DAYS} days, or neither. */
    public enum Urgency { NONE, DUE_SOON, OVERDUE }

    /** One line of the register, with the texts shown; {@code daysLeft} is null once closed. */
    public record Row(SubjectRequest request, String type, String who, String status, Long daysLeft,
            String daysLeftText, Urgency urgency) {
        public long id() {
            return request.id();
        }
    }

    /** A file sent on the selected request. */
    public record FileRow(String name, String sentAt, String sha256) {}

    private final RequestService requests;
    private final SubjectDataService subjectData;
    private final ContactService contacts;
    private final Principal principal;
    private final TaskRunner runner;
    private final UiText text;
    private final Clock clock;
    private final PersonPicker picker;
    private final RequestTexts texts;

    private final ObservableList<Row> all = FXCollections.observableArrayList();
    private final FilteredList<Row> rows = new FilteredList<>(all);
    private final BooleanProperty openOnly = new SimpleBooleanProperty(true);
    private final StringProperty filter = new SimpleStringProperty("");
    private final ObjectProperty<Row> selected = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<SubjectRequest> current = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Long> personId = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper personName = new ReadOnlyStringWrapper("");
    private final ObservableList<String> history = FXCollections.observableArrayList();
    private final ObservableList<FileRow> files = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper working = new ReadOnlyBooleanWrapper(false);

    private final ObjectProperty<RequestType> type = new SimpleObjectProperty<>(RequestType.ACCESS);
    private final StringProperty requester = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> received = new SimpleObjectProperty<>();
    private final StringProperty channel = new SimpleStringProperty("");
    private final StringProperty identityVerified = new SimpleStringProperty("");
    private final ObservableMap<String, String> formErrors = FXCollections.observableHashMap();
    private final ReadOnlyStringWrapper formError = new ReadOnlyStringWrapper("");

    private final Map<Long, Person> people = new HashMap<>();
    private long generation;

    private record Loaded(List<SubjectRequest> requests, SubjectRequest shown, Map<Long, Person> people) {}

    public RequestsViewModel(RequestService requests, SubjectDataService subjectData, ContactService contacts,
            Principal principal, TaskRunner runner, UiText text, Clock clock) {
        this.requests = requests;
        this.subjectData = subjectData;
        this.contacts = contacts;
        this.principal = principal;
        this.runner = runner;
        this.text = text;
        this.clock = clock;
        this.picker = new PersonPicker(contacts, principal, runner, text);
        this.texts = new RequestTexts(text);
        received.set(today());
        openOnly.addListener((o, a, b) -> load());
        filter.addListener((o, a, b) -> applyFilter());
        selected.addListener((o, a, r) -> {
            if (r != null) {
                show(r.request());
            }
        });
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    // --- the register ---

    /** Loads the register again, keeping the request shown. */
    public void load() {
        load(current.get() == null ? null : current.get().id());
    }

    /**
     * Loads the register and shows request {@code showId} in the details (also when the table
     * no longer lists it, e.g. once closed while only open requests are listed).
     */
    public void load(Long showId) {
        long mine = ++generation;
        boolean open = openOnly.get();
        runner.run(() -> {
            List<SubjectRequest> list = requests.list(principal, open);
            SubjectRequest shown = showId == null ? null : requests.get(principal, showId);
            Map<Long, Person> found = new HashMap<>();
            List<SubjectRequest> named = new ArrayList<>(list);
            if (shown != null) {
                named.add(shown);
            }
            for (SubjectRequest r : named) {
                if (r.personId() != null && !found.containsKey(r.personId())) {
                    found.put(r.personId(), RequestTexts.person(contacts, principal, r.personId()));
                }
            }
            return new Loaded(list, shown, found);
        }, l -> {
            if (mine != generation) {
                return;
            }
            people.clear();
            people.putAll(l.people());
            LocalDate today = today();
            all.setAll(l.requests().stream().map(r -> row(r, today)).toList());
            selected.set(showId == null ? null
                    : rows.stream().filter(r -> r.id() == showId).findFirst().orElse(null));
            show(l.shown());
        }, this::failed);
    }

    private Row row(SubjectRequest r, LocalDate today) {
        Long days = r.isOpen() ? RequestTexts.daysLeft(r, today) : null;
        Urgency u = r.isOverdue(today) ? Urgency.OVERDUE
                : r.isDueWithin(today, RequestService.DUE_SOON_DAYS) ? Urgency.DUE_SOON : Urgency.NONE;
        String status = text.get("request.status." + r.status().key())
                + (r.isExtended() ? " · " + text.get("ui.requests.extended") : "");
        return new Row(r, texts.type(r), who(r), status, days, days == null ? "" : texts.days(days), u);
    }

    /** The person's name, or the requester as recorded, or "person no. 7 (erased)". */
    private String who(SubjectRequest r) {
        return texts.who(r, r.personId() == null ? null : people.get(r.personId()));
    }

    private void applyFilter() {
        String q = filter.get() == null ? "" : filter.get().strip().toLowerCase(text.locale());
        rows.setPredicate(q.isEmpty() ? null : r -> haystack(r).contains(q));
    }

    private String haystack(Row r) {
        SubjectRequest q = r.request();
        return String.join(" ", "#" + q.id(), r.type(), r.who(), r.status(), nn(q.requester()), nn(q.channel()),
                nn(q.identityVerified()), text.date(q.receivedOn()), text.date(q.deadline()))
                .toLowerCase(text.locale());
    }

    private static String nn(String s) {
        return s == null ? "" : s;
    }

    // --- the selected request ---

    /** Shows a request in the details (its person, history and files first, then the request itself). */
    private void show(SubjectRequest r) {
        Person p = r == null || r.personId() == null ? null : people.get(r.personId());
        personId.set(p == null ? null : p.id());
        personName.set(r == null ? "" : who(r));
        files.setAll(r == null ? List.of() : r.files().stream().map(f -> new FileRow(f.fileName(),
                text.dateTime(f.sentAt()), f.sha256())).toList());
        history.setAll(r == null ? List.of() : history(r));
        current.set(r);
    }

    /** What happened to the request, in order: received, verified, due, extended, files sent, closed. */
    private List<String> history(SubjectRequest r) {
        List<String> lines = new ArrayList<>();
        lines.add(r.channel() == null ? text.get("ui.requests.h.received", text.date(r.receivedOn()))
                : text.get("ui.requests.h.receivedVia", text.date(r.receivedOn()), r.channel()));
        lines.add(r.identityVerified() == null ? text.get("ui.requests.h.identityNotRecorded")
                : text.get("ui.requests.h.identity", r.identityVerified()));
        lines.add(text.get("ui.requests.h.registered", text.dateTime(r.createdAt()), text.date(r.dueOn())));
        if (r.isExtended()) {
            lines.add(text.get("ui.requests.h.extended", text.date(r.extendedTo()), r.extensionReason()));
        }
        for (SentFile f : r.files()) {
            lines.add(text.get("ui.requests.h.sent", text.dateTime(f.sentAt()), f.fileName(), f.sha256()));
        }
        if (!r.isOpen()) {
            lines.add(text.get("ui.requests.h.closed", text.dateTime(r.closedAt())));
        }
        return lines;
    }

    /**
     * The language an access report defaults to: the person's (German or English) when known,
     * else the window's.
     */
    public Locale defaultLanguage() {
        Long id = personId.get();
        Person p = id == null ? null : people.values().stream().filter(x -> x.id() == id).findFirst().orElse(null);
        String l = p == null ? null : p.data().language();
        if (l != null && l.toLowerCase(Locale.ROOT).startsWith("de")) {
            return Locale.GERMAN;
        }
        if (l != null && l.toLowerCase(Locale.ROOT).startsWith("en")) {
            return Locale.ENGLISH;
        }
        return text.locale().getLanguage().equals("de") ? Locale.GERMAN : Locale.ENGLISH;
    }

    /** True when the selected request is of {@code t} (e.g. an access request is closed with its report). */
    public boolean selectedIs(RequestType t) {
        return current.get() != null && current.get().type() == t;
    }

    /** A file name for the access report of the selected request. */
    public String reportFileName() {
        return text.get("ui.requests.reportFile", number(current.get()));
    }

    /** A file name for an export of the selected request. */
    public String exportFileName(ExportFormat f) {
        return text.get("ui.requests.exportFile", number(current.get()), extension(f));
    }

    public static String extension(ExportFormat f) {
        return f == ExportFormat.VCARD ? "vcf" : f.key();
    }

    private static String number(SubjectRequest r) {
        return r == null ? "" : Long.toString(r.id());
    }

    // --- registering ---

    /** Empties the register form for a new request (received today, type access). */
    public void newRequest() {
        type.set(RequestType.ACCESS);
        picker.reset();
        requester.set("");
        received.set(today());
        channel.set("");
        identityVerified.set("");
        formErrors.clear();
        formError.set("");
    }

    /** Registers the request in the form; on success selects it and runs {@code onDone}. */
    public void register(Runnable onDone) {
        formErrors.clear();
        formError.set("");
        message.set("");
        PersonSummary p = picker.chosenProperty().get();
        RequestService.NewRequest in = new RequestService.NewRequest(type.get(), p == null ? null : p.id(),
                requester.get(), received.get(), channel.get(), identityVerified.get());
        runner.run(() -> requests.register(principal, in), r -> {
            message.set(text.get("ui.requests.registered", Long.toString(r.id()), text.date(r.deadline())));
            filter.set("");
            load(r.id());
            onDone.run();
        }, t -> {
            if (t instanceof ValidationException v) {
                text.fieldErrors(null, v.errors(), formErrors);
            }
            formError.set(text.refusal(t));
        });
    }

    // --- actions on the selected request ---

    /** Extends the deadline once by {@code months} (1 or 2) with a reason; a second time is refused. */
    public void extend(String reason, int months) {
        act(id -> requests.extend(principal, id, reason, months),
                r -> text.get("ui.requests.extendedTo", Long.toString(r.id()), text.date(r.deadline())));
    }

    /** Closes the selected request (answered or otherwise settled). */
    public void close() {
        act(id -> requests.close(principal, id), r -> text.get("ui.requests.closedMessage", Long.toString(r.id())));
    }

    /** Links the selected request of an unmatched requester to the person chosen in the picker. */
    public void linkPerson() {
        PersonSummary p = picker.chosenProperty().get();
        if (p == null) {
            error.set(text.get("ui.requests.choosePerson"));
            return;
        }
        act(id -> requests.linkPerson(principal, id, p.id()),
                r -> text.get("ui.requests.linked", Long.toString(r.id()), p.displayName()));
    }

    /**
     * Writes the Art. 15 access report of the selected request's person to {@code target} in
     * {@code language}; the file and its SHA-256 are recorded on the request, which is then
     * closed as answered when {@code closeAfter}.
     */
    public void accessReport(Locale language, Path target, boolean closeAfter) {
        answer((id, person) -> subjectData.accessReport(principal, person, language, id, target), closeAfter);
    }

    /** Exports the selected request's person (Art. 20) to {@code target}; recorded like the report. */
    public void export(ExportFormat format, char delimiter, Path target, boolean closeAfter) {
        answer((id, person) -> subjectData.export(principal, person, format, delimiter, id, target), closeAfter);
    }

    private interface Work<T> {
        T on(long requestId) throws Exception;
    }

    private interface Answer {
        SubjectDataService.Result write(long requestId, long personId) throws Exception;
    }

    private void answer(Answer write, boolean closeAfter) {
        SubjectRequest r = current.get();
        Long person = personId.get();
        if (r == null || working.get()) {
            return;
        }
        if (person == null) {
            error.set(text.get("ui.requests.needsPerson"));
            return;
        }
        long id = r.id();
        start();
        working.set(true);
        runner.run(() -> {
            SubjectDataService.Result written = write.write(id, person);
            if (closeAfter) {
                requests.close(principal, id);
            }
            return written;
        }, w -> {
            working.set(false);
            message.set(text.get(closeAfter ? "ui.requests.sentAndClosed" : "ui.requests.sent",
                    w.file().toString(), w.sha256()));
            load(id);
        }, t -> {
            working.set(false);
            failed(t);
            load(id);
        });
    }

    private void act(Work<SubjectRequest> work, java.util.function.Function<SubjectRequest, String> done) {
        SubjectRequest r = current.get();
        if (r == null) {
            return;
        }
        long id = r.id();
        start();
        run(() -> work.on(id), changed -> {
            message.set(done.apply(changed));
            load(id);
        });
    }

    private <T> void run(Callable<T> work, Consumer<T> done) {
        runner.run(work, done, this::failed);
    }

    private void start() {
        error.set("");
        message.set("");
    }

    private void failed(Throwable t) {
        error.set(text.refusal(t));
    }

    // --- properties ---

    /** The rows shown: the loaded requests that match the text filter. */
    public ObservableList<Row> rows() {
        return rows;
    }

    /** True: only open requests; false: all. */
    public BooleanProperty openOnlyProperty() {
        return openOnly;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public ObjectProperty<Row> selectedProperty() {
        return selected;
    }

    /** The selected request as loaded (with its files), or null. */
    public ReadOnlyObjectProperty<SubjectRequest> currentProperty() {
        return current.getReadOnlyProperty();
    }

    /** The id of the selected request's person (after a merge: the surviving person), or null. */
    public ReadOnlyObjectProperty<Long> personIdProperty() {
        return personId.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty personNameProperty() {
        return personName.getReadOnlyProperty();
    }

    public ObservableList<String> history() {
        return history;
    }

    public ObservableList<FileRow> files() {
        return files;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** True while a report or export is written. */
    public ReadOnlyBooleanProperty workingProperty() {
        return working.getReadOnlyProperty();
    }

    public PersonPicker picker() {
        return picker;
    }

    public ObjectProperty<RequestType> typeProperty() {
        return type;
    }

    public StringProperty requesterProperty() {
        return requester;
    }

    public ObjectProperty<LocalDate> receivedProperty() {
        return received;
    }

    public StringProperty channelProperty() {
        return channel;
    }

    public StringProperty identityVerifiedProperty() {
        return identityVerified;
    }

    /** Refusals of the register form by field (type, person, requester, received, channel, identityVerified). */
    public ObservableMap<String, String> formErrors() {
        return formErrors;
    }

    public ReadOnlyStringProperty formErrorProperty() {
        return formError.getReadOnlyProperty();
    }
}
