package de.kontor.dedupe;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import java.util.stream.IntStream;

/**
 * The duplicate check: blocking on several keys (phonetic names in both orders, birth date,
 * e-mail, phone, postcode, street), then a Fellegi-Sunter style score per candidate pair
 * ({@link Scorer}) where agreement on a rare value weighs more than on a common one, with the
 * reasons. Building the index and scanning use every core (at most {@code threads}).
 */
public final class Matcher {
    /** Records normalised at a time while indexing (the normalised forms are dropped after). */
    private static final int CHUNK = 1 << 14;
    /** Entries (block members) per unit of scan work. */
    private static final int SLICE = 1 << 15;

    private final Normalizer normalizer = new Normalizer();
    private final DedupeSettings settings;
    private final int threads;

    public Matcher(DedupeSettings settings) {
        this(settings, Runtime.getRuntime().availableProcessors());
    }

    public Matcher(DedupeSettings settings, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be positive");
        }
        this.settings = settings;
        this.threads = threads;
    }

    public DedupeSettings settings() {
        return settings;
    }

    /**
     * Prepared records, their blocks and the value frequencies; built once per scan or per
     * database state. Blocks are kept as one sorted {@code long[]} of (40-bit key hash, 24-bit
     * record number), so a million records with a few dozen keys each fit in some 200 MB; a
     * rare hash collision only merges two blocks (more candidates, never fewer).
     */
    public final class Index {
        private final Prepared[] records;
        private final long[] entries;
        private final Values names;
        private final Values phonetic;
        private final Values streets;
        private final Values houses;
        private final Values postcodes;
        private final Values cities;
        private final Scorer scorer;

        Index(List<DedupeRecord> raw) {
            int n = raw.size();
            if (n >= (1 << 24)) {
                throw new IllegalArgumentException("at most 16 777 215 records");
            }
            names = new Values();
            phonetic = new Values();
            streets = new Values();
            houses = new Values();
            postcodes = new Values();
            cities = new Values();
            records = new Prepared[n];
            long[] e = new long[Math.max(16, n * 16)];
            int used = 0;
            for (int from = 0; from < n; from += CHUNK) {
                int to = Math.min(n, from + CHUNK);
                int base = from;
                Norm[] norms = new Norm[to - from];
                long[][] keys = new long[to - from][];
                parallel(to - from, i -> {
                    Norm m = Norm.of(raw.get(base + i), normalizer);
                    norms[i] = m;
                    List<String> k = Blocking.keys(m);
                    long[] h = new long[k.size()];
                    for (int j = 0; j < h.length; j++) {
                        h[j] = (hash40(k.get(j)) << 24) | (base + i);
                    }
                    keys[i] = h;
                });
                for (int i = 0; i < norms.length; i++) {
                    records[from + i] = code(norms[i], true);
                    if (used + keys[i].length > e.length) {
                        e = Arrays.copyOf(e, Math.max(e.length + e.length / 2, used + keys[i].length));
                    }
                    System.arraycopy(keys[i], 0, e, used, keys[i].length);
                    used += keys[i].length;
                }
            }
            e = Arrays.copyOf(e, used);
            Arrays.parallelSort(e);
            this.entries = e;
            for (Values v : List.of(names, streets, cities)) {
                v.sign();
            }
            this.scorer = new Scorer(names, streets, cities, names.weights(n, 14),
                    postcodes.weights(n, 7), streets.weights(n, 6), cities.weights(n, 4));
        }

        /** The coded form: numbers of the values, counted when {@code add}, else only looked up. */
        private Prepared code(Norm m, boolean add) {
            int given = id(names, m.given(), add);
            int family = id(names, m.family(), add);
            int street = id(streets, m.street(), add);
            int postcode = id(postcodes, m.postcode(), add);
            int city = id(cities, m.city(), add);
            String[] emailTexts = m.emails().toArray(String[]::new);
            String[] locals = m.emailLocals().toArray(String[]::new);
            return new Prepared(m.raw(), text(names, given, m.given()), text(names, family, m.family()), given, family,
                    id(phonetic, m.givenPhon(), add), id(phonetic, m.familyPhon(), add), m.year(), m.month(), m.day(),
                    emailTexts, hashes(emailTexts), signatures(emailTexts), locals, signatures(locals),
                    hashes(m.phones().toArray(String[]::new)), text(streets, street, m.street()), street,
                    id(houses, m.house(), add), text(postcodes, postcode, m.postcode()), postcode,
                    text(cities, city, m.city()), city);
        }

        private static int id(Values values, String value, boolean add) {
            return add ? values.add(value) : values.find(value);
        }

        private static long[] hashes(String[] texts) {
            long[] h = new long[texts.length];
            for (int i = 0; i < h.length; i++) {
                h[i] = hash64(texts[i]);
            }
            return h;
        }

        private static long[] signatures(String[] texts) {
            long[] sig = new long[2 * texts.length];
            for (int i = 0; i < texts.length; i++) {
                long[] s = JaroWinkler.signature(texts[i]);
                sig[2 * i] = s[0];
                sig[2 * i + 1] = s[1];
            }
            return sig;
        }

        /** The kept instance of a value's text, so records sharing a value share the string. */
        private static String text(Values values, int id, String own) {
            return id > 0 ? values.text(id) : own;
        }

        public int size() {
            return records.length;
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

        /** The first entry of the block that holds entry {@code i}, or {@code i} if it starts one. */
        private int blockStart(int i) {
            long key = entries[i] >>> 24;
            while (i > 0 && (entries[i - 1] >>> 24) == key) {
                i--;
            }
            return i;
        }
    }

    /** A 40-bit hash of a blocking key (FNV-1a 64, folded). */
    static long hash40(String key) {
        long h = hash64(key);
        return (h ^ (h >>> 40)) & 0xFFFFFFFFFFL;
    }

    /** FNV-1a, 64 bits. */
    static long hash64(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }

    public Index index(List<DedupeRecord> records) {
        return new Index(records);
    }

    /**
     * Every pair scoring at least {@code threshold} (after the population penalty of
     * {@link DedupeSettings#populationPenalty}), best first, each pair once. The blocks are
     * cut into slices that the cores take in turn; {@code progress} and {@code cancelled} are
     * called on the calling thread only.
     */
    public List<Match> scan(Index index, double threshold, DoubleConsumer progress, BooleanSupplier cancelled) {
        long[] e = index.entries;
        double penalty = settings.populationPenalty(index.size());
        List<int[]> slices = new ArrayList<>();
        for (int from = 0; from < e.length; ) {
            int to = Math.min(e.length, from + SLICE);
            if (to < e.length) {
                to = Math.max(index.blockStart(to), from + 1);
                while (to < e.length && (e[to] >>> 24) == (e[to - 1] >>> 24)) {
                    to++;
                }
            }
            slices.add(new int[] {from, to});
            from = to;
        }
        AtomicInteger next = new AtomicInteger();
        AtomicLong done = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        int workers = Math.max(1, Math.min(threads, slices.size()));
        List<long[]> found = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "kontor-dedupe-scan");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<long[]>> parts = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                parts.add(pool.submit(() -> scanSlices(index, slices, next, done, stop, threshold + penalty)));
            }
            for (Future<long[]> part : parts) {
                while (true) {
                    try {
                        found.add(part.get(50, TimeUnit.MILLISECONDS));
                        break;
                    } catch (TimeoutException t) {
                        if (cancelled.getAsBoolean()) {
                            stop.set(true);
                            throw new CancellationException();
                        }
                        progress.accept(0.95 * done.get() / Math.max(1, e.length));
                    }
                }
            }
        } catch (InterruptedException ex) {
            stop.set(true);
            Thread.currentThread().interrupt();
            throw new CancellationException();
        } catch (ExecutionException ex) {
            throw ex.getCause() instanceof RuntimeException r ? r : new IllegalStateException(ex.getCause());
        } finally {
            stop.set(true);
            pool.shutdown();
        }
        long[] pairs = found.stream().flatMapToLong(Arrays::stream).sorted().distinct().toArray();
        Match[] out = new Match[pairs.length];
        parallel(pairs.length, k -> {
            Prepared a = index.records[(int) (pairs[k] >>> 32)];
            Prepared b = index.records[(int) pairs[k]];
            out[k] = match(index.scorer, a, b, penalty);
        });
        progress.accept(1.0);
        List<Match> result = new ArrayList<>(Arrays.asList(out));
        result.sort(Comparator.comparingDouble(Match::score).reversed());
        return result;
    }

    /** One worker: takes slices until none are left; returns the pairs (a << 32 | b) that reached the threshold. */
    private long[] scanSlices(Index index, List<int[]> slices, AtomicInteger next, AtomicLong done, AtomicBoolean stop,
            double threshold) {
        long[] e = index.entries;
        Prepared[] r = index.records;
        Scorer scorer = index.scorer;
        Scorer.Cache cache = new Scorer.Cache(18);
        long[] hits = new long[64];
        int count = 0;
        int s;
        while (!stop.get() && (s = next.getAndIncrement()) < slices.size()) {
            int[] slice = slices.get(s);
            int start = slice[0];
            while (start < slice[1]) {
                long key = e[start] >>> 24;
                int end = start + 1;
                while (end < slice[1] && (e[end] >>> 24) == key) {
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
                            if (scorer.score(r[a], r[b], threshold, cache, null) != Scorer.BELOW) {
                                if (count == hits.length) {
                                    hits = Arrays.copyOf(hits, count * 2);
                                }
                                hits[count++] = ((long) a << 32) | b;
                            }
                        }
                    }
                }
                start = end;
            }
            done.addAndGet(slice[1] - slice[0]);
        }
        return Arrays.copyOf(hits, count);
    }

    private Match match(Scorer scorer, Prepared a, Prepared b, double penalty) {
        List<String> reasons = new ArrayList<>(10);
        double s = scorer.score(a, b, Double.NEGATIVE_INFINITY, null, reasons) - penalty;
        Match.Level level = s >= settings.certain() ? Match.Level.CERTAIN : Match.Level.POSSIBLE;
        return new Match(a.raw(), b.raw(), Math.round(s * 10) / 10.0, List.copyOf(reasons), level);
    }

    /** Candidates in the index for one person not yet saved (entry form, import preview). */
    public List<Match> check(Index index, DedupeRecord candidate, double threshold) {
        Norm m = Norm.of(candidate, normalizer);
        Prepared c = index.code(m, false);
        double penalty = settings.populationPenalty(index.size());
        Set<Integer> seen = new HashSet<>();
        Scorer.Cache cache = new Scorer.Cache(8);
        List<Match> out = new ArrayList<>();
        for (String k : Blocking.keys(m)) {
            int[] block = index.block(k);
            if (block.length > settings.maxBlock()) {
                continue;
            }
            for (int i : block) {
                if (seen.add(i)
                        && index.scorer.score(c, index.records[i], threshold + penalty, cache, null) != Scorer.BELOW) {
                    out.add(match(index.scorer, c, index.records[i], penalty));
                }
            }
        }
        out.sort(Comparator.comparingDouble(Match::score).reversed());
        return out;
    }

    /** Runs {@code body} for 0..n-1 on up to {@code threads} cores. */
    private void parallel(int n, java.util.function.IntConsumer body) {
        if (threads == 1 || n < 256) {
            for (int i = 0; i < n; i++) {
                body.accept(i);
            }
            return;
        }
        IntStream.range(0, n).parallel().forEach(body);
    }
}
