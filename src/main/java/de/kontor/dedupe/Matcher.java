package de.kontor.dedupe;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * The duplicate check: blocking on several keys (phonetic names in both orders, birth date,
 * e-mail, phone, postcode, street), then a Fellegi-Sunter style score per candidate pair
 * where agreement on a rare value weighs more than on a common one, with the reasons.
 */
public final class Matcher {
    private static final JaroWinklerSimilarity JW = new JaroWinklerSimilarity();
    private final Normalizer normalizer = new Normalizer();
    private final DedupeSettings settings;

    public Matcher(DedupeSettings settings) {
        this.settings = settings;
    }

    public DedupeSettings settings() {
        return settings;
    }

    /**
     * Prepared records, their blocks and the value frequencies; built once per scan or per
     * database state. Blocks are kept as one sorted {@code long[]} of (40-bit key hash, 24-bit
     * record number), so a million records with a dozen keys each fit in about 100 MB; a rare
     * hash collision only merges two blocks (more candidates, never fewer).
     */
    public final class Index {
        private final List<Prepared> records;
        private final long[] entries;
        private final Frequencies freq;

        Index(List<Prepared> records) {
            if (records.size() >= (1 << 24)) {
                throw new IllegalArgumentException("at most 16 777 215 records");
            }
            this.records = records;
            this.freq = new Frequencies(records);
            long[] e = new long[Math.max(16, records.size() * 12)];
            int n = 0;
            for (int i = 0; i < records.size(); i++) {
                for (String k : Blocking.keys(records.get(i))) {
                    if (n == e.length) {
                        e = java.util.Arrays.copyOf(e, e.length * 2);
                    }
                    e[n++] = (hash40(k) << 24) | i;
                }
            }
            e = java.util.Arrays.copyOf(e, n);
            java.util.Arrays.sort(e);
            this.entries = e;
        }

        public int size() {
            return records.size();
        }

        /** Record numbers in the block of {@code key}. */
        int[] block(String key) {
            long h = hash40(key);
            int from = lowerBound(h << 24);
            int to = lowerBound((h + 1) << 24);
            int[] out = new int[to - from];
            for (int i = from; i < to; i++) {
                out[i - from] = (int) (entries[i] & 0xFFFFFF);
            }
            return out;
        }

        private int lowerBound(long value) {
            int lo = 0;
            int hi = entries.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (entries[mid] < value) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }
    }

    /** A 40-bit hash of a blocking key (FNV-1a 64, folded). */
    static long hash40(String key) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < key.length(); i++) {
            h ^= key.charAt(i);
            h *= 0x100000001b3L;
        }
        return (h ^ (h >>> 40)) & 0xFFFFFFFFFFL;
    }

    public Index index(List<DedupeRecord> records) {
        List<Prepared> prepared = new ArrayList<>(records.size());
        for (DedupeRecord r : records) {
            prepared.add(Prepared.of(r, normalizer));
        }
        return new Index(prepared);
    }

    /**
     * Every pair scoring at least {@code threshold}, best first. A pair that shares several
     * blocks is scored in each; only the pairs above the threshold are kept, once.
     */
    public List<Match> scan(Index index, double threshold, DoubleConsumer progress, BooleanSupplier cancelled) {
        long[] e = index.entries;
        java.util.Set<Long> seen = new java.util.HashSet<>();
        List<Match> out = new ArrayList<>();
        int start = 0;
        int blocks = 0;
        while (start < e.length) {
            long key = e[start] >>> 24;
            int end = start + 1;
            while (end < e.length && (e[end] >>> 24) == key) {
                end++;
            }
            int size = end - start;
            if (size >= 2 && size <= settings.maxBlock()) {
                for (int x = start; x < end; x++) {
                    int i = (int) (e[x] & 0xFFFFFF);
                    for (int y = x + 1; y < end; y++) {
                        int j = (int) (e[y] & 0xFFFFFF);
                        if (i == j) {
                            continue;
                        }
                        int a = Math.min(i, j);
                        int b = Math.max(i, j);
                        Match m = score(index, index.records.get(a), index.records.get(b), threshold);
                        if (m != null && seen.add(((long) a << 32) | b)) {
                            out.add(m);
                        }
                    }
                }
            }
            if ((++blocks & 4095) == 0) {
                if (cancelled.getAsBoolean()) {
                    throw new java.util.concurrent.CancellationException();
                }
                progress.accept((double) end / e.length);
            }
            start = end;
        }
        progress.accept(1.0);
        out.sort(Comparator.comparingDouble(Match::score).reversed());
        return out;
    }

    /** Candidates in the index for one person not yet saved (entry form, import preview). */
    public List<Match> check(Index index, DedupeRecord candidate, double threshold) {
        Prepared c = Prepared.of(candidate, normalizer);
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        List<Match> out = new ArrayList<>();
        for (String k : Blocking.keys(c)) {
            int[] block = index.block(k);
            if (block.length > settings.maxBlock()) {
                continue;
            }
            for (int i : block) {
                if (seen.add(i)) {
                    Match m = score(index, c, index.records.get(i), threshold);
                    if (m != null) {
                        out.add(m);
                    }
                }
            }
        }
        out.sort(Comparator.comparingDouble(Match::score).reversed());
        return out;
    }

    private Match score(Index index, Prepared a, Prepared b, double threshold) {
        List<String> reasons = new ArrayList<>(8);
        double s = names(index.freq, a, b, reasons) + date(a, b, reasons) + contact(index.freq, a, b, reasons)
                + address(index.freq, a, b, reasons);
        if (s < threshold) {
            return null;
        }
        Match.Level level = s >= settings.certain() ? Match.Level.CERTAIN : Match.Level.POSSIBLE;
        return new Match(a.raw(), b.raw(), Math.round(s * 10) / 10.0, reasons, level);
    }

    // ---- names --------------------------------------------------------------------------

    private double names(Frequencies f, Prepared a, Prepared b, List<String> reasons) {
        List<String> straight = new ArrayList<>(2);
        double s = name(f, a.given(), a.givenPhon(), b.given(), b.givenPhon(), "given", straight)
                + name(f, a.family(), a.familyPhon(), b.family(), b.familyPhon(), "family", straight);
        List<String> swapped = new ArrayList<>(2);
        double w = name(f, a.given(), a.givenPhon(), b.family(), b.familyPhon(), "given~family", swapped)
                + name(f, a.family(), a.familyPhon(), b.given(), b.givenPhon(), "family~given", swapped) - 1.5;
        if (w > s) {
            reasons.add("names swapped");
            reasons.addAll(swapped);
            return w;
        }
        reasons.addAll(straight);
        return s;
    }

    private static double name(Frequencies f, String x, String xp, String y, String yp, String field,
            List<String> reasons) {
        if (x.isEmpty() || y.isEmpty()) {
            reasons.add(field + " missing");
            return 0;
        }
        if (x.equals(y)) {
            reasons.add(field + " equal");
            return Math.min(f.weight(f.names, x), 14);
        }
        double jw = JW.apply(x, y);
        boolean phon = !xp.isEmpty() && xp.equals(yp);
        if (jw >= 0.94 || (phon && jw >= 0.8)) {
            reasons.add(field + " similar");
            return 4.5;
        }
        if (phon || jw >= 0.88 || x.startsWith(y) || y.startsWith(x)) {
            reasons.add(field + " alike");
            return 2.0;
        }
        reasons.add(field + " differ");
        return -4.5;
    }

    // ---- birth date: compared by year, month and day --------------------------------------

    private static double date(Prepared a, Prepared b, List<String> reasons) {
        if (!a.hasDate() || !b.hasDate()) {
            reasons.add("birth date missing");
            return 0;
        }
        boolean full = a.year() > 0 && a.month() > 0 && a.day() > 0 && b.year() > 0 && b.month() > 0 && b.day() > 0;
        if (full && a.year() == b.year() && a.month() == b.month() && a.day() == b.day()) {
            reasons.add("birth date equal");
            return 13;
        }
        if (full && a.year() == b.year() && a.month() == b.day() && a.day() == b.month()) {
            reasons.add("birth date day/month swapped");
            return 5;
        }
        int differ = 0;
        int known = 0;
        double s = 0;
        int[][] parts = {{a.year(), b.year(), 5}, {a.month(), b.month(), 3}, {a.day(), b.day(), 4}};
        for (int[] p : parts) {
            if (p[0] == 0 || p[1] == 0) {
                continue;
            }
            known++;
            if (p[0] == p[1]) {
                s += p[2];
            } else {
                differ++;
                s += oneDigitApart(p[0], p[1]) ? -0.5 : -3.5;
            }
        }
        if (known == 3 && differ == 1) {
            reasons.add("birth date one part differs");
            return Math.max(s, 2.5);
        }
        if (full && differ >= 2) {
            long days = Math.abs(java.time.temporal.ChronoUnit.DAYS.between(safeDate(a), safeDate(b)));
            if (days <= 62) {
                reasons.add("birth date close");
                return 1.5;
            }
            if (near(a.year(), b.year(), 1) && Math.abs(a.month() - b.month()) <= 1 && Math.abs(a.day() - b.day()) <= 3) {
                // A typo in the year and a small shift in month or day: not a random other date.
                reasons.add("birth date close");
                return 1.5;
            }
            if (days <= 400) {
                reasons.add("birth date near");
                return -1.5;
            }
        }
        reasons.add(differ == 0 ? "birth date parts equal" : "birth date differs");
        return differ >= 2 ? Math.min(s, -6) : s;
    }

    private static java.time.LocalDate safeDate(Prepared p) {
        int m = Math.min(Math.max(p.month(), 1), 12);
        int d = Math.min(Math.max(p.day(), 1), java.time.YearMonth.of(p.year(), m).lengthOfMonth());
        return java.time.LocalDate.of(p.year(), m, d);
    }

    /** Equal, at most {@code delta} apart, or one digit apart. */
    private static boolean near(int x, int y, int delta) {
        return Math.abs(x - y) <= delta || oneDigitApart(x, y);
    }

    private static boolean oneDigitApart(int x, int y) {
        String a = Integer.toString(x);
        String b = Integer.toString(y);
        if (a.length() != b.length()) {
            return false;
        }
        int d = 0;
        for (int i = 0; i < a.length(); i++) {
            if (a.charAt(i) != b.charAt(i)) {
                d++;
            }
        }
        return d == 1;
    }

    // ---- e-mail and phone -----------------------------------------------------------------

    private static double contact(Frequencies f, Prepared a, Prepared b, List<String> reasons) {
        double s = 0;
        if (!a.emails().isEmpty() && !b.emails().isEmpty()) {
            String user = a.emailUsers().stream().filter(b.emailUsers()::contains)
                    .max(java.util.Comparator.comparingDouble(u -> f.weight(f.emailUser, u))).orElse(null);
            if (a.emails().stream().anyMatch(b.emails()::contains)) {
                reasons.add("e-mail equal");
                s += 11;
            } else if (user != null && f.weight(f.emailUser, user) > 6) {
                // The same uncommon name before the @ at another (or mistyped) domain.
                reasons.add("e-mail user equal");
                s += Math.min(f.weight(f.emailUser, user) - 2, 8);
            } else if (a.emails().stream().anyMatch(x -> b.emails().stream().anyMatch(y -> JW.apply(x, y) >= 0.92))) {
                reasons.add("e-mail nearly equal");
                s += 6;
            } else if (a.emailLocals().stream().anyMatch(x -> b.emailLocals().stream().anyMatch(y -> JW.apply(x, y) >= 0.9))) {
                reasons.add("e-mail similar");
                s += 2.5;
            } else {
                reasons.add("e-mail differs");
                s -= 2;
            }
        }
        if (!a.phones().isEmpty() && !b.phones().isEmpty()) {
            if (a.phones().stream().anyMatch(x -> b.phones().stream().anyMatch(y -> tail(x).equals(tail(y))))) {
                reasons.add("phone equal");
                s += 11;
            } else {
                reasons.add("phone differs");
                s -= 2;
            }
        }
        return s;
    }

    private static String tail(String digits) {
        return digits.length() <= 9 ? digits : digits.substring(digits.length() - 9);
    }

    // ---- address --------------------------------------------------------------------------

    private static double address(Frequencies f, Prepared a, Prepared b, List<String> reasons) {
        double s = 0;
        if (!a.postcode().isEmpty() && !b.postcode().isEmpty()) {
            if (a.postcode().equals(b.postcode())) {
                reasons.add("postcode equal");
                s += Math.min(f.weight(f.postcode, a.postcode()), 7);
            } else if (a.postcode().length() == b.postcode().length() && hamming(a.postcode(), b.postcode()) == 1) {
                reasons.add("postcode one digit differs");
                s += 0.5;
            } else {
                reasons.add("postcode differs");
                s -= 2.5;
            }
        }
        if (!a.street().isEmpty() && !b.street().isEmpty()) {
            if (a.street().equals(b.street())) {
                reasons.add("street equal");
                s += Math.min(f.weight(f.street, a.street()), 6);
            } else if (JW.apply(a.street(), b.street()) >= 0.9) {
                reasons.add("street similar");
                s += 2.5;
            } else {
                reasons.add("street differs");
                s -= 2;
            }
        }
        if (!a.house().isEmpty() && !b.house().isEmpty()) {
            if (a.house().equals(b.house())) {
                reasons.add("house number equal");
                s += 1.5;
            } else {
                reasons.add("house number differs");
                s -= 1.5;
            }
        }
        if (!a.city().isEmpty() && !b.city().isEmpty()) {
            if (a.city().equals(b.city())) {
                reasons.add("city equal");
                s += Math.min(f.weight(f.city, a.city()), 4);
            } else if (JW.apply(a.city(), b.city()) >= 0.9) {
                reasons.add("city similar");
                s += 1;
            } else {
                reasons.add("city differs");
                s -= 1.5;
            }
        }
        return s;
    }

    private static int hamming(String x, String y) {
        int d = 0;
        for (int i = 0; i < x.length(); i++) {
            if (x.charAt(i) != y.charAt(i)) {
                d++;
            }
        }
        return d;
    }

    static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    /** How common each value is: agreement on a rare value says more. */
    static final class Frequencies {
        final Map<String, Integer> names = new HashMap<>();
        final Map<String, Integer> postcode = new HashMap<>();
        final Map<String, Integer> street = new HashMap<>();
        final Map<String, Integer> city = new HashMap<>();
        final Map<String, Integer> emailUser = new HashMap<>();
        final int n;

        Frequencies(List<Prepared> records) {
            n = Math.max(records.size(), 1);
            for (Prepared p : records) {
                count(names, p.given());
                count(names, p.family());
                count(postcode, p.postcode());
                count(street, p.street());
                count(city, p.city());
                p.emailUsers().forEach(u -> count(emailUser, u));
            }
        }

        double weight(Map<String, Integer> table, String value) {
            double u = Math.max(table.getOrDefault(value, 1), 1) / (double) n;
            return log2(0.9 / Math.max(u, 1e-6));
        }

        private static void count(Map<String, Integer> m, String v) {
            if (!v.isEmpty()) {
                m.merge(v, 1, Integer::sum);
            }
        }
    }
}
