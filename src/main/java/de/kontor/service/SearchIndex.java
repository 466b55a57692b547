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
    private static final Collator COLLATOR = Collator.getInstance(Locale.GERMAN);
    private static final Comparator<Entry> ORDER = Comparator
            .comparing((Entry e) -> e.summary().familyName(), COLLATOR)
            .thenComparing(e -> e.summary().givenName(), COLLATOR)
            .thenComparingLong(e -> e.summary().id());

    private record Entry(PersonSummary summary, String text) {}

    /** What a search found: at most {@code limit} rows in list order and the total count. */
    public record Result(java.util.List<PersonSummary> rows, int total) {}

    private volatile Entry[] entries = new Entry[0];

    /** Replaces the whole index (on open, after an import). */
    public synchronized void rebuild(java.util.Collection<Person> people) {
        Entry[] next = people.stream().map(SearchIndex::entryOf).toArray(Entry[]::new);
        Arrays.sort(next, ORDER);
        entries = next;
    }

    /** Adds or replaces one person. */
    public synchronized void put(Person p) {
        putAll(java.util.List.of(p));
    }

    public synchronized void putAll(java.util.Collection<Person> people) {
        Map<Long, Person> byId = people.stream().collect(Collectors.toMap(Person::id, Function.identity(), (a, b) -> b));
        ArrayList<Entry> next = new ArrayList<>(entries.length + byId.size());
        for (Entry e : entries) {
            if (!byId.containsKey(e.summary().id())) {
                next.add(e);
            }
        }
        byId.values().forEach(p -> next.add(entryOf(p)));
        Entry[] arr = next.toArray(Entry[]::new);
        Arrays.sort(arr, ORDER);
        entries = arr;
    }

    public synchronized void remove(long id) {
        entries = Arrays.stream(entries).filter(e -> e.summary().id() != id).toArray(Entry[]::new);
    }

    public int size() {
        return entries.length;
    }

    /** Every word of the query must occur; a blank query lists everyone. */
    public Result search(String query, int limit) {
        return search(query, limit, java.util.Set.of());
    }

    /** As {@link #search(String, int)}, leaving out the ids in {@code hidden}. */
    public Result search(String query, int limit, java.util.Set<Long> hidden) {
        Entry[] snapshot = entries;
        String[] words = fold(query == null ? "" : query).trim().split("\\s+");
        if (words.length == 1 && words[0].isEmpty()) {
            words = new String[0];
        }
        java.util.List<PersonSummary> rows = new ArrayList<>(Math.min(limit, 256));
        int total = 0;
        outer:
        for (Entry e : snapshot) {
            if (!hidden.isEmpty() && hidden.contains(e.summary().id())) {
                continue;
            }
            for (String w : words) {
                if (!e.text().contains(w)) {
                    continue outer;
                }
            }
            total++;
            if (rows.size() < limit) {
                rows.add(e.summary());
            }
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
        String lower = s.toLowerCase(Locale.GERMAN).replace("ß", "ss");
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
