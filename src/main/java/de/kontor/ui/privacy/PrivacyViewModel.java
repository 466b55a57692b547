package de.kontor.ui.privacy;

import de.kontor.domain.FieldError;
import de.kontor.domain.Principal;
import de.kontor.domain.ValidationException;
import de.kontor.domain.privacy.BasisRecord;
import de.kontor.domain.privacy.Consent;
import de.kontor.domain.privacy.ConsentMethod;
import de.kontor.domain.privacy.ConsentText;
import de.kontor.domain.privacy.InformationRecord;
import de.kontor.domain.privacy.LawfulBasis;
import de.kontor.domain.privacy.Objection;
import de.kontor.domain.privacy.ProcessingDecision;
import de.kontor.domain.privacy.Purpose;
import de.kontor.privacy.ConsentService;
import de.kontor.privacy.Evidence;
import de.kontor.privacy.PrivacyOverview;
import de.kontor.privacy.PurposeService;
import de.kontor.ui.UiText;
import de.kontor.ui.task.TaskRunner;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
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
 * A person's privacy tab: per active purpose whether processing is allowed today and why,
 * the consent, basis, objection and information history, and the forms that record new
 * entries for the chosen purpose. Refusals land in {@link #errors()} keyed "form:field"
 * ("purpose" alone when no purpose was chosen).
 */
public final class PrivacyViewModel {
    /** One line of the "allowed today" table. */
    public record DecisionRow(String purposeKey, String purposeName, boolean allowed, String why) {}

    private final ConsentService consents;
    private final PurposeService purposes;
    private final Principal principal;
    private final TaskRunner runner;
    private final UiText text;
    private final Clock clock;

    private final ReadOnlyObjectWrapper<Long> personId = new ReadOnlyObjectWrapper<>();
    private final ObservableList<DecisionRow> decisions = FXCollections.observableArrayList();
    private final ObservableList<Consent> consentHistory = FXCollections.observableArrayList();
    private final ObservableList<BasisRecord> basisHistory = FXCollections.observableArrayList();
    private final ObservableList<Objection> objections = FXCollections.observableArrayList();
    private final ObservableList<InformationRecord> information = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper informBy = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ObservableMap<String, String> errors = FXCollections.observableHashMap();

    private final ObservableList<Purpose> purposeChoices = FXCollections.observableArrayList();
    private final ObjectProperty<Purpose> purpose = new SimpleObjectProperty<>();
    private final ObservableList<ConsentText> texts = FXCollections.observableArrayList();
    private final ObjectProperty<ConsentText> textVersion = new SimpleObjectProperty<>();

    private final ObjectProperty<ConsentMethod> method = new SimpleObjectProperty<>(ConsentMethod.WRITTEN_FORM);
    private final ObjectProperty<LocalDate> givenDate = new SimpleObjectProperty<>();
    private final StringProperty givenTime = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper evidenceName = new ReadOnlyStringWrapper("");
    private Evidence evidence;
    private final ObjectProperty<LocalDate> expiresOn = new SimpleObjectProperty<>();

    private final ObjectProperty<LawfulBasis> basis = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> basisFrom = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> basisUntil = new SimpleObjectProperty<>();
    private final StringProperty basisEvidence = new SimpleStringProperty("");
    private final StringProperty basisNote = new SimpleStringProperty("");

    private final StringProperty token = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper requestResult = new ReadOnlyStringWrapper("");

    private final StringProperty channel = new SimpleStringProperty("");

    private final StringProperty noticeVersion = new SimpleStringProperty("");
    private final StringProperty how = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> informedDate = new SimpleObjectProperty<>();
    private final StringProperty informedTime = new SimpleStringProperty("");

    public PrivacyViewModel(ConsentService consents, PurposeService purposes, Principal principal, TaskRunner runner,
            UiText text, Clock clock) {
        this.consents = consents;
        this.purposes = purposes;
        this.principal = principal;
        this.runner = runner;
        this.text = text;
        this.clock = clock;
        purpose.addListener((o, a, p) -> {
            if (p != null && p.data().defaultBasis() != null && (a == null || basis.get() == null
                    || basis.get() == a.data().defaultBasis())) {
                basis.set(p.data().defaultBasis());
            }
            loadTexts(p);
        });
    }

    private record Loaded(PrivacyOverview overview, List<Purpose> active) {}

    /** Loads the person's privacy state; null clears the tab. */
    public void load(Long id) {
        error.set("");
        message.set("");
        errors.clear();
        requestResult.set("");
        personId.set(id);
        if (id == null) {
            decisions.clear();
            consentHistory.clear();
            basisHistory.clear();
            objections.clear();
            information.clear();
            informBy.set("");
            return;
        }
        refresh();
    }

    private void refresh() {
        Long id = personId.get();
        if (id == null) {
            return;
        }
        runner.run(() -> new Loaded(consents.overview(principal, id), purposes.active(principal)), l -> {
            if (!id.equals(personId.get())) {
                return;
            }
            Map<String, Purpose> byKey = l.active().stream().collect(Collectors.toMap(Purpose::key, p -> p));
            decisions.setAll(l.overview().decisions().stream().map(d -> row(d, byKey.get(d.purposeKey()))).toList());
            consentHistory.setAll(newestFirst(l.overview().consents()));
            basisHistory.setAll(newestFirst(l.overview().bases()));
            objections.setAll(l.overview().objections());
            information.setAll(l.overview().information());
            informBy.set(l.overview().informBy() == null ? ""
                    : text.get("ui.privacy.informBy", text.date(l.overview().informBy())));
            String selected = purpose.get() == null ? null : purpose.get().key();
            purposeChoices.setAll(l.active());
            purpose.set(l.active().stream().filter(p -> p.key().equals(selected)).findFirst()
                    .orElse(l.active().isEmpty() ? null : l.active().get(0)));
        }, t -> error.set(text.error(t)));
    }

    private static <T> List<T> newestFirst(List<T> oldestFirst) {
        List<T> l = new java.util.ArrayList<>(oldestFirst);
        java.util.Collections.reverse(l);
        return l;
    }

    private DecisionRow row(ProcessingDecision d, Purpose p) {
        String name = p == null ? d.purposeKey() : p.name(text.locale());
        String why;
        if (!d.allowed()) {
            why = text.get("exclusion." + d.exclusion().key());
        } else if (d.basis().basis() == LawfulBasis.CONSENT && d.consent() != null) {
            why = text.get("ui.privacy.consentWhy", basisLabel(d.basis().basis()), d.basis().basis().article(),
                    text.dateTime(d.consent().givenAt()), d.consent().textVersion());
        } else {
            why = text.get("ui.privacy.basisWhy", basisLabel(d.basis().basis()), d.basis().basis().article());
        }
        return new DecisionRow(d.purposeKey(), name, d.allowed(), why);
    }

    private String basisLabel(LawfulBasis b) {
        return text.label("lawfulBasis", b.key());
    }

    /** Picks the purpose of a table row for the forms. */
    public void choose(String purposeKey) {
        purposeChoices.stream().filter(p -> p.key().equals(purposeKey)).findFirst().ifPresent(purpose::set);
    }

    private void loadTexts(Purpose p) {
        if (p == null) {
            texts.clear();
            textVersion.set(null);
            return;
        }
        runner.run(() -> purposes.texts(principal, p.key()), list -> {
            if (purpose.get() != p) {
                return;
            }
            texts.setAll(list);
            textVersion.set(list.isEmpty() ? null : list.get(list.size() - 1));
        }, t -> error.set(text.error(t)));
    }

    // ---- actions -------------------------------------------------------------------------

    /** Consent given directly, with optional time, evidence file and expiry. */
    public void grant() {
        String key = purposeKeyOr("grant");
        if (key == null) {
            return;
        }
        Instant at;
        try {
            at = instant(givenDate.get(), givenTime.get());
        } catch (DateTimeParseException e) {
            refuse("grant", List.of(FieldError.of("time", "ui.privacy.badTime", givenTime.get())));
            return;
        }
        String version = textVersion.get() == null ? null : textVersion.get().version();
        ConsentMethod m = method.get();
        Evidence ev = evidence;
        LocalDate expires = expiresOn.get();
        long id = personId.get();
        act("grant", () -> consents.grant(principal, id, key, m, version, at, ev, expires), r -> {
            givenDate.set(null);
            givenTime.set("");
            expiresOn.set(null);
            clearEvidence();
            return text.get("ui.privacy.done");
        });
    }

    public void setBasis() {
        String key = purposeKeyOr("basis");
        if (key == null) {
            return;
        }
        LawfulBasis b = basis.get();
        LocalDate from = basisFrom.get();
        LocalDate until = basisUntil.get();
        String ev = basisEvidence.get();
        String note = basisNote.get();
        long id = personId.get();
        act("basis", () -> consents.setBasis(principal, id, key, b, from, until, ev, note), r -> {
            basisFrom.set(null);
            basisUntil.set(null);
            basisEvidence.set("");
            basisNote.set("");
            return text.get("ui.privacy.done");
        });
    }

    /** Creates a double opt-in request; shows the prepared e-mail, the code and whether it was sent. */
    public void requestDoubleOptIn() {
        String key = purposeKeyOr("doi");
        if (key == null) {
            return;
        }
        String version = textVersion.get() == null ? null : textVersion.get().version();
        long id = personId.get();
        requestResult.set("");
        act("doi", () -> consents.request(principal, id, key, ConsentMethod.DOUBLE_OPT_IN, version), r -> {
            requestResult.set(text.get("ui.privacy.requested", r.token()) + "\n"
                    + text.get(r.mailSent() ? "ui.privacy.mailSent" : "ui.privacy.mailNotSent") + "\n\n"
                    + text.get("ui.privacy.mailSubject", r.mailSubject()) + "\n\n" + r.mailBody());
            return text.get("ui.privacy.requested", r.token());
        });
    }

    public void confirm() {
        String key = purposeKeyOr("confirm");
        if (key == null) {
            return;
        }
        String t = token.get();
        long id = personId.get();
        act("confirm", () -> consents.confirm(principal, id, key, t), r -> {
            token.set("");
            return text.get("ui.privacy.done");
        });
    }

    /** Confirms the open request because the person's reply was received. */
    public void confirmByReply() {
        String key = purposeKeyOr("confirm");
        if (key == null) {
            return;
        }
        long id = personId.get();
        act("confirm", () -> consents.confirmByReply(principal, id, key), r -> text.get("ui.privacy.done"));
    }

    /** Withdraws consent for the chosen purpose; takes effect at once. */
    public void withdraw() {
        String key = purposeKeyOr("withdraw");
        if (key == null) {
            return;
        }
        String ch = channel.get();
        long id = personId.get();
        act("withdraw", () -> consents.withdraw(principal, id, key, ch), r -> {
            channel.set("");
            return text.get("ui.privacy.withdrawn", r.size());
        });
    }

    /** Art. 21 objection to direct marketing (the view asks for confirmation first). */
    public void object() {
        Long id = personId.get();
        if (id == null) {
            return;
        }
        String ch = channel.get();
        act("withdraw", () -> consents.object(principal, id, ch), n -> {
            channel.set("");
            return text.get("ui.privacy.objected", n);
        });
    }

    /** Records that the person was informed (Art. 13/14). */
    public void informed() {
        Long id = personId.get();
        if (id == null) {
            return;
        }
        Instant at;
        try {
            at = instant(informedDate.get(), informedTime.get());
        } catch (DateTimeParseException e) {
            refuse("informed", List.of(FieldError.of("time", "ui.privacy.badTime", informedTime.get())));
            return;
        }
        String v = noticeVersion.get();
        String h = how.get();
        act("informed", () -> {
            consents.informed(principal, id, v, h, at);
            return Boolean.TRUE;
        }, r -> {
            noticeVersion.set("");
            how.set("");
            informedDate.set(null);
            informedTime.set("");
            return text.get("ui.privacy.done");
        });
    }

    /** The evidence document chosen in the file dialog. */
    public void setEvidence(String fileName, byte[] content) {
        evidence = Evidence.of(fileName, content);
        evidenceName.set(fileName);
    }

    public void clearEvidence() {
        evidence = null;
        evidenceName.set("");
    }

    /** Reports that the chosen evidence file could not be read. */
    public void evidenceUnreadable(String fileName, String reason) {
        clearEvidence();
        refuse("grant", List.of(FieldError.of("evidence", "ui.privacy.evidenceUnreadable", fileName, reason)));
    }

    // ---- helpers -------------------------------------------------------------------------

    private String purposeKeyOr(String form) {
        errors.clear();
        error.set("");
        message.set("");
        if (personId.get() == null) {
            return null;
        }
        if (purpose.get() == null) {
            errors.put("purpose", text.get("validation.required"));
            error.set(text.get("ui.privacy.invalid", text.get("validation.required")));
            return null;
        }
        return purpose.get().key();
    }

    private <T> void act(String form, Callable<T> work, java.util.function.Function<T, String> done) {
        errors.clear();
        error.set("");
        message.set("");
        runner.run(work, r -> {
            message.set(done.apply(r));
            refresh();
        }, t -> {
            if (t instanceof ValidationException v) {
                refuse(form, v.errors());
            } else {
                error.set(text.error(t));
            }
        });
    }

    private void refuse(String form, List<FieldError> list) {
        for (FieldError f : list) {
            errors.merge(form + ":" + f.baseField(), text.get(f.messageKey(), f.args().toArray()), (a, b) -> a + " " + b);
        }
        error.set(text.get("ui.privacy.invalid", list.stream()
                .map(f -> text.get(f.messageKey(), f.args().toArray())).collect(Collectors.joining(" "))));
    }

    /** A date and optional HH:MM time in the window's zone; no date means now. */
    private Instant instant(LocalDate day, String time) {
        if (day == null) {
            return null;
        }
        String t = time == null ? "" : time.strip();
        if (t.isEmpty()) {
            return day.equals(LocalDate.now(clock)) ? null : day.atStartOfDay(text.zone()).toInstant();
        }
        return day.atTime(LocalTime.parse(t)).atZone(text.zone()).toInstant();
    }

    // ---- properties ------------------------------------------------------------------------

    public ReadOnlyObjectProperty<Long> personIdProperty() {
        return personId.getReadOnlyProperty();
    }

    public ObservableList<DecisionRow> decisions() {
        return decisions;
    }

    public ObservableList<Consent> consentHistory() {
        return consentHistory;
    }

    public ObservableList<BasisRecord> basisHistory() {
        return basisHistory;
    }

    public ObservableList<Objection> objections() {
        return objections;
    }

    public ObservableList<InformationRecord> information() {
        return information;
    }

    public ReadOnlyStringProperty informByProperty() {
        return informBy.getReadOnlyProperty();
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

    public ObservableList<Purpose> purposeChoices() {
        return purposeChoices;
    }

    public ObjectProperty<Purpose> purposeProperty() {
        return purpose;
    }

    public ObservableList<ConsentText> texts() {
        return texts;
    }

    public ObjectProperty<ConsentText> textVersionProperty() {
        return textVersion;
    }

    public ObjectProperty<ConsentMethod> methodProperty() {
        return method;
    }

    public ObjectProperty<LocalDate> givenDateProperty() {
        return givenDate;
    }

    public StringProperty givenTimeProperty() {
        return givenTime;
    }

    public ReadOnlyStringProperty evidenceNameProperty() {
        return evidenceName.getReadOnlyProperty();
    }

    public ObjectProperty<LocalDate> expiresOnProperty() {
        return expiresOn;
    }

    public ObjectProperty<LawfulBasis> basisProperty() {
        return basis;
    }

    public ObjectProperty<LocalDate> basisFromProperty() {
        return basisFrom;
    }

    public ObjectProperty<LocalDate> basisUntilProperty() {
        return basisUntil;
    }

    public StringProperty basisEvidenceProperty() {
        return basisEvidence;
    }

    public StringProperty basisNoteProperty() {
        return basisNote;
    }

    public StringProperty tokenProperty() {
        return token;
    }

    public ReadOnlyStringProperty requestResultProperty() {
        return requestResult.getReadOnlyProperty();
    }

    public StringProperty channelProperty() {
        return channel;
    }

    public StringProperty noticeVersionProperty() {
        return noticeVersion;
    }

    public StringProperty howProperty() {
        return how;
    }

    public ObjectProperty<LocalDate> informedDateProperty() {
        return informedDate;
    }

    public StringProperty informedTimeProperty() {
        return informedTime;
    }
}
