package de.kontor.service;

import de.kontor.domain.EmailAddress;
import de.kontor.domain.Person;
import de.kontor.domain.PersonData;
import de.kontor.domain.PersonSummary;
import de.kontor.domain.PhoneNumber;
import de.kontor.domain.PostalAddress;
import java.text.Collator;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The in-memory index behind search as you type: one folded text per person (names, every
 * e-mail, phone in the typed, E.164 and digits-only forms, organisation and cities), kept in
 * list order. A query's words must all occur (case, accents and ß folded). Readers see an
 * immutable snapshot; writers replace it, so searching never blocks on a save. It holds
 * nothing that is not in the database and is rebuilt on open; an erased person is removed.
 */
public final class SearchIndex {
    /** One per index, not shared between workspaces; guarded by itself (a Collator is not thread-safe). */
    private final Collator collator = Collator.getInstance(Locale.GERMAN);
    private final Comparator<Entry> order = Comparator
            .comparing((Entry e) -> e.summary().familyName(), this::compareNames)
            .thenComparing(e -> e.summary().givenName(), this::compareNames)
            .thenComparingLong(e -> e.summary().id());

    private record Entry(PersonSummary summary, String text) {}

    /** What a search found: at most {@code limit} rows in list order and the total count. */
    public record Result(java.util.List<PersonSummary> rows, int total) {}

    /**
     * An immutable view for readers: the entries in list order and all their texts in one
     * string (each followed by {@link #END}), so a query scans one string with the JDK's
     * vectorised {@code indexOf} instead of calling {@code contains} 100 000 times.
     */
    private record Snapshot(Entry[] entries, String all, int[] starts) {
        static Snapshot empty() {
            return new Snapshot(new Entry[0], "", new int[] {0});
        }

        static Snapshot of(Entry[] entries) {
            int length = 0;
            for (Entry e : entries) {
                length += e.text().length() + 1;
            }
            StringBuilder sb = new StringBuilder(length);
            int[] starts = new int[entries.length + 1];
            for (int i = 0; i < entries.length; i++) {
                starts[i] = sb.length();
                sb.append(entries[i].text()).append(END);
            }
            starts[entries.length] = sb.length();
            return new Snapshot(entries, sb.toString(), starts);
        }

        /** The entry whose text contains position {@code pos}. */
        int entryAt(int pos) {
            int i = Arrays.binarySearch(starts, pos);
            return i >= 0 ? i : -i - 2;
        }
    }

    /** Ends each entry's text in the joined string; never part of a query word. */
    private static final char END = '\u0002';

    private volatile Entry[] entries = new Entry[0];
    private volatile Snapshot snapshot = Snapshot.empty();

    /** Replaces the whole index (on open, after an import). */
    public synchronized void rebuild(java.util.Collection<Person> people) {
        Entry[] next = people.stream().map(SearchIndex::entryOf).toArray(Entry[]::new);
        sort(next);
        publish(next);
    }

    /**
     * Sorts in list order ({@link #order}). Collation keys are computed once per name (then
     * compared as bytes) instead of running the collator in every comparison: a full sort of
     * 100 000 people takes a fraction of the time. Same order either way.
     */
    private int compareNames(String a, String b) {
        synchronized (collator) {
            return collator.compare(a, b);
        }
    }

    private void sort(Entry[] entries) {
        record Keyed(Entry entry, java.text.CollationKey family, java.text.CollationKey given) {}
        Keyed[] keyed = new Keyed[entries.length];
        synchronized (collator) { // Collator instances are not thread-safe
            for (int i = 0; i < entries.length; i++) {
                Entry e = entries[i];
                String family = java.util.Objects.requireNonNullElse(e.summary().familyName(), "");
                String given = java.util.Objects.requireNonNullElse(e.summary().givenName(), "");
                keyed[i] = new Keyed(e, collator.getCollationKey(family), collator.getCollationKey(given));
            }
        }
        Arrays.sort(keyed, Comparator.comparing(Keyed::family).thenComparing(Keyed::given)
                .thenComparingLong(k -> k.entry().summary().id()));
        for (int i = 0; i < entries.length; i++) {
            entries[i] = keyed[i].entry();
        }
    }

    private void publish(Entry[] next) {
        entries = next;
        snapshot = Snapshot.of(next);
    }

    /** Adds or replaces one person. */
    public synchronized void put(Person p) {
        putAll(java.util.List.of(p));
    }

    /**
     * Adds or replaces people. A few are placed by binary search into the sorted entries (an
     * edit or an erasure at 100 000 people re-sorted everything, about 0.2 s); many are sorted
     * together.
     */
    public synchronized void putAll(java.util.Collection<Person> people) {
        if (people.isEmpty()) {
            return;
        }
        Map<Long, Person> byId = people.stream().collect(Collectors.toMap(Person::id, Function.identity(), (a, b) -> b));
        ArrayList<Entry> next = new ArrayList<>(entries.length + byId.size());
        for (Entry e : entries) {
            if (!byId.containsKey(e.summary().id())) {
                next.add(e);
            }
        }
        if (byId.size() > 1000) {
            byId.values().forEach(p -> next.add(entryOf(p)));
            Entry[] arr = next.toArray(Entry[]::new);
            sort(arr);
            publish(arr);
            return;
        }
        for (Person p : byId.values()) {
            Entry e = entryOf(p);
            int at = java.util.Collections.binarySearch(next, e, order);
            next.add(at < 0 ? -at - 1 : at, e);
        }
        publish(next.toArray(Entry[]::new));
    }

    public synchronized void remove(long id) {
        publish(Arrays.stream(entries).filter(e -> e.summary().id() != id).toArray(Entry[]::new));
    }

    public int size() {
        return entries.length;
    }

    /** Every word of the query must occur; a blank query lists everyone. */
    public Result search(String query, int limit) {
        return search(query, limit, java.util.Set.of());
    }

    /** As {@link #search(String, int)}, leaving out the ids in {@code hidden} (restricted people). */
    public Result search(String query, int limit, java.util.Set<Long> hidden) {
        Snapshot snap = snapshot;
        Entry[] all = snap.entries();
        String[] words = fold(query == null ? "" : query).replaceAll("[\\p{Cntrl}]", " ").trim().split("\\s+");
        if (words.length == 1 && words[0].isEmpty()) {
            words = new String[0];
        }
        java.util.List<PersonSummary> rows = new ArrayList<>(Math.min(limit, 256));
        int total = 0;
        if (words.length == 0) {
            for (Entry e : all) {
                if (hidden.isEmpty() || !hidden.contains(e.summary().id())) {
                    total++;
                    if (rows.size() < limit) {
                        rows.add(e.summary());
                    }
                }
            }
            return new Result(rows, total);
        }
        // Scan the joined text for the longest word; check the other words in the entries it hits.
        String anchor = words[0];
        for (String w : words) {
            if (w.length() > anchor.length()) {
                anchor = w;
            }
        }
        String text = snap.all();
        int[] starts = snap.starts();
        int pos = text.indexOf(anchor);
        int i = 0;
        outer:
        while (pos >= 0) {
            // hits come in text order: walk forward to the entry that holds this one
            if (starts[i + 1] <= pos) {
                i = starts[Math.min(i + 64, starts.length - 1)] <= pos ? snap.entryAt(pos) : i + 1;
                while (starts[i + 1] <= pos) {
                    i++;
                }
            }
            Entry e = all[i];
            int next = starts[i + 1];
            if (!hidden.isEmpty() && hidden.contains(e.summary().id())) {
                pos = text.indexOf(anchor, next);
                continue;
            }
            for (String w : words) {
                if (w != anchor && !e.text().contains(w)) {
                    pos = text.indexOf(anchor, next);
                    continue outer;
                }
            }
            total++;
            if (rows.size() < limit) {
                rows.add(e.summary());
            }
            pos = text.indexOf(anchor, next);
        }
        return new Result(rows, total);
    }

    static PersonSummary summaryOf(Person p) {
        PersonData d = p.data();
        String email = d.emails().isEmpty() ? null : d.emails().get(0).address();
        String phone = d.phones().isEmpty() ? null : d.phones().get(0).raw();
        String city = d.addresses().stream().map(PostalAddress::city).filter(c -> c != null).findFirst().orElse(null);
        return new PersonSummary(p.id(), d.givenName(), d.familyName(), email, phone, d.organisation(), city);
    }

    private static Entry entryOf(Person p) {
        PersonData d = p.data();
        StringBuilder sb = new StringBuilder(128);
        append(sb, d.givenName());
        append(sb, d.familyName());
        append(sb, d.organisation());
        for (EmailAddress e : d.emails()) {
            append(sb, e.address());
        }
        for (PhoneNumber ph : d.phones()) {
            append(sb, ph.raw());
            append(sb, ph.e164());
            append(sb, ph.raw().replaceAll("\\D", ""));
        }
        for (PostalAddress a : d.addresses()) {
            append(sb, a.city());
            append(sb, a.postcode());
        }
        return new Entry(summaryOf(p), fold(sb.toString()));
    }

    private static void append(StringBuilder sb, String s) {
        if (s != null && !s.isEmpty()) {
            sb.append(s).append('\u0001');
        }
    }

    /** Lower case, ß as ss, accents removed: "Müller" and "muller" match, "Strauß" and "strauss". */
    public static String fold(String s) {
        // dotless ı (Yılmaz) has no decomposition; folding it keeps the index Latin-1 and findable as "i"
        String lower = s.toLowerCase(Locale.GERMAN).replace("ß", "ss").replace('ı', 'i');
        boolean ascii = true;
        for (int i = 0; i < lower.length() && ascii; i++) {
            ascii = lower.charAt(i) < 128;
        }
        if (ascii) {
            return lower;
        }
        return Normalizer.normalize(lower, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    }
}
