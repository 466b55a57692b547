package de.kontor.ui.dedupe;

import de.kontor.dedupe.DedupeService;
import de.kontor.dedupe.Match;
import de.kontor.domain.EmailAddress;
import de.kontor.domain.Person;
import de.kontor.domain.PersonData;
import de.kontor.domain.PhoneNumber;
import de.kontor.domain.PostalAddress;
import de.kontor.domain.Principal;
import de.kontor.service.ContactService;
import de.kontor.ui.UiText;
import de.kontor.ui.task.TaskRunner;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

/**
 * The duplicates screen: a scan of the whole database in the background (progress, cancel),
 * the pairs found, and the review of one pair side by side with merge (per field which side
 * wins), not a duplicate, or skip. Pairs are reviewed as pairs, never chained.
 */
public final class DuplicatesViewModel {
    /** Which side's value wins for a choosable field. */
    public enum Side { A, B }

    /** One pair found by the scan. */
    public record PairRow(long idA, long idB, String nameA, String nameB, double score, Match.Level level,
            List<String> reasons) {}

    /** One line of the side-by-side review; {@code choosable} fields get a winner, lists are united. */
    public record FieldRow(String field, String valueA, String valueB, boolean differs, boolean choosable) {}

    /** The two people of the selected pair as loaded (their versions guard the merge). */
    public record Review(PairRow pair, Person a, Person b, List<FieldRow> fields) {}

    private final DedupeService dedupe;
    private final ContactService contacts;
    private final Principal principal;
    private final TaskRunner runner;
    private final UiText text;

    private final ObservableList<PairRow> pairs = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Review> review = new ReadOnlyObjectWrapper<>();
    private final ObservableMap<String, Side> choices = FXCollections.observableMap(new LinkedHashMap<>());
    private final ReadOnlyBooleanWrapper scanning = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper working = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private volatile boolean cancelled;
    private long reviewGeneration;

    public DuplicatesViewModel(DedupeService dedupe, ContactService contacts, Principal principal, TaskRunner runner,
            UiText text) {
        this.dedupe = dedupe;
        this.contacts = contacts;
        this.principal = principal;
        this.runner = runner;
        this.text = text;
        status.set(text.get("ui.dedupe.empty"));
    }

    /** Scans the database from the "possible" threshold, in the background. */
    public void scan() {
        if (scanning.get()) {
            return;
        }
        cancelled = false;
        scanning.set(true);
        progress.set(0);
        error.set("");
        status.set(text.get("ui.dedupe.scanning"));
        pairs.clear();
        review.set(null);
        double threshold = dedupe.settings().possible();
        double[] last = {0};
        runner.run(() -> dedupe.scan(principal, threshold, p -> {
            // Throttled: at most about a hundred updates reach the UI thread.
            if (p - last[0] >= 0.01 || p >= 1) {
                last[0] = p;
                runner.post(() -> progress.set(p));
            }
        }, () -> cancelled), found -> {
            scanning.set(false);
            if (cancelled) {
                status.set(text.get("ui.dedupe.cancelled"));
                return;
            }
            progress.set(1);
            pairs.setAll(found.stream().map(DuplicatesViewModel::row).toList());
            status.set(found.isEmpty() ? text.get("ui.dedupe.none") : text.get("ui.dedupe.found", found.size()));
        }, t -> {
            scanning.set(false);
            status.set("");
            error.set(text.error(t));
        });
    }

    /** Asks a running scan to stop; its pairs are dropped. */
    public void cancel() {
        cancelled = true;
    }

    private static PairRow row(Match m) {
        return new PairRow(m.a().key(), m.b().key(), DedupeText.name(m.a()), DedupeText.name(m.b()), m.score(),
                m.level(), m.reasons());
    }

    /** Loads both people of the pair for the side-by-side review (null clears it). */
    public void select(PairRow pair) {
        Review shown = review.get();
        if (pair != null && shown != null && pair.equals(shown.pair())) {
            return;
        }
        long mine = ++reviewGeneration;
        error.set("");
        if (pair == null) {
            review.set(null);
            return;
        }
        runner.run(() -> {
            Person a = contacts.get(principal, pair.idA());
            Person b = contacts.get(principal, pair.idB());
            return new Review(pair, a, b, fields(a.data(), b.data()));
        }, r -> {
            if (mine == reviewGeneration) {
                choices.clear();
                for (FieldRow f : r.fields()) {
                    if (f.choosable()) {
                        // The side that has a value wins by default; A when both (or neither) do.
                        choices.put(f.field(), f.valueA().isEmpty() && !f.valueB().isEmpty() ? Side.B : Side.A);
                    }
                }
                review.set(r);
            }
        }, t -> {
            if (mine == reviewGeneration) {
                review.set(null);
                error.set(text.error(t));
            }
        });
    }

    static List<FieldRow> fields(PersonData a, PersonData b) {
        List<FieldRow> out = new ArrayList<>();
        Map<String, Function<PersonData, Object>> single = new LinkedHashMap<>();
        single.put("salutation", PersonData::salutation);
        single.put("title", PersonData::title);
        single.put("givenName", PersonData::givenName);
        single.put("familyName", PersonData::familyName);
        single.put("birthDate", PersonData::birthDate);
        single.put("language", PersonData::language);
        single.put("organisation", PersonData::organisation);
        single.put("jobTitle", PersonData::jobTitle);
        for (String f : DedupeService.CHOOSABLE) {
            String va = str(single.get(f).apply(a));
            String vb = str(single.get(f).apply(b));
            out.add(new FieldRow(f, va, vb, !va.equalsIgnoreCase(vb), true));
        }
        out.add(list("emails", a.emails().stream().map(EmailAddress::address).toList(),
                b.emails().stream().map(EmailAddress::address).toList()));
        out.add(list("phones", a.phones().stream().map(DuplicatesViewModel::phone).toList(),
                b.phones().stream().map(DuplicatesViewModel::phone).toList()));
        out.add(list("addresses", a.addresses().stream().map(DuplicatesViewModel::address).toList(),
                b.addresses().stream().map(DuplicatesViewModel::address).toList()));
        return out;
    }

    private static FieldRow list(String field, List<String> a, List<String> b) {
        boolean same = a.stream().map(String::toLowerCase).collect(Collectors.toSet())
                .equals(b.stream().map(String::toLowerCase).collect(Collectors.toSet()));
        return new FieldRow(field, String.join("\n", a), String.join("\n", b), !same, false);
    }

    private static String phone(PhoneNumber p) {
        return p.e164().isEmpty() ? p.raw() : p.e164();
    }

    private static String address(PostalAddress a) {
        return (nn(a.street()) + " " + nn(a.houseNumber())).strip() + ", " + (nn(a.postcode()) + " " + nn(a.city())).strip();
    }

    private static String nn(String s) {
        return s == null ? "" : s;
    }

    private static String str(Object o) {
        return o == null ? "" : Objects.toString(o).strip();
    }

    /**
     * Merges B into A: the chosen side wins per field, lists are united, B's id leads to A.
     * A stale pair (either changed since it was shown) or a restricted person gives the
     * message and changes nothing.
     */
    public void merge() {
        Review r = review.get();
        if (r == null || working.get()) {
            return;
        }
        Map<String, Long> prefer = new LinkedHashMap<>();
        choices.forEach((field, side) -> prefer.put(field, side == Side.B ? r.b().id() : r.a().id()));
        working.set(true);
        error.set("");
        runner.run(() -> dedupe.merge(principal, r.a().id(), r.a().version(), r.b().id(), r.b().version(), prefer),
                merged -> {
                    working.set(false);
                    status.set(text.get("ui.dedupe.merged", r.a().id(), r.b().id()));
                    // B is gone: its other pairs cannot be reviewed any more.
                    long gone = r.b().id();
                    advance(r.pair(), p -> p.idA() == gone || p.idB() == gone);
                }, this::failed);
    }

    /** Remembers that the two are different people; the pair is never proposed again. */
    public void distinct() {
        Review r = review.get();
        if (r == null || working.get()) {
            return;
        }
        working.set(true);
        error.set("");
        runner.run(() -> {
            dedupe.distinct(principal, r.a().id(), r.b().id());
            return null;
        }, none -> {
            working.set(false);
            status.set(text.get("ui.dedupe.distinctDone", r.a().id(), r.b().id()));
            advance(r.pair(), p -> false);
        }, this::failed);
    }

    /** Leaves the pair for now (it comes again with the next scan). */
    public void skip() {
        Review r = review.get();
        if (r != null) {
            advance(r.pair(), p -> false);
        }
    }

    /** Removes the pair (and the ones {@code alsoGone} names) and selects the next. */
    private void advance(PairRow done, java.util.function.Predicate<PairRow> alsoGone) {
        int at = pairs.indexOf(done);
        pairs.removeIf(p -> p.equals(done) || alsoGone.test(p));
        PairRow next = pairs.isEmpty() ? null : pairs.get(Math.max(0, Math.min(at, pairs.size() - 1)));
        select(next);
        selectedPair.set(next);
    }

    private final ReadOnlyObjectWrapper<PairRow> selectedPair = new ReadOnlyObjectWrapper<>();

    /** The pair the view model moved on to after an action (the view selects it in the list). */
    public ReadOnlyObjectProperty<PairRow> selectedPairProperty() {
        return selectedPair.getReadOnlyProperty();
    }

    private void failed(Throwable t) {
        working.set(false);
        error.set(text.error(t));
    }

    public void choose(String field, Side side) {
        if (choices.containsKey(field)) {
            choices.put(field, side);
        }
    }

    public ObservableList<PairRow> pairs() {
        return pairs;
    }

    public ObservableMap<String, Side> choices() {
        return choices;
    }

    public ReadOnlyObjectProperty<Review> reviewProperty() {
        return review.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty scanningProperty() {
        return scanning.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty workingProperty() {
        return working.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
