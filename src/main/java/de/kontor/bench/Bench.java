package de.kontor.bench;

import de.kontor.app.Workspace;
import de.kontor.dedupe.Match;
import de.kontor.demo.DemoData;
import de.kontor.domain.EmailAddress;
import de.kontor.domain.PersonData;
import de.kontor.domain.PersonSummary;
import de.kontor.domain.PhoneNumber;
import de.kontor.domain.PostalAddress;
import de.kontor.exchange.DuplicateMode;
import de.kontor.exchange.FileImport;
import de.kontor.exchange.ImportFormat;
import de.kontor.exchange.ImportOptions;
import de.kontor.exchange.ImportResult;
import de.kontor.security.Argon2Kdf;
import de.kontor.security.DatabaseKey;
import de.kontor.security.KdfParams;
import de.kontor.security.KeySlotStore;
import de.kontor.service.ContactService.NewPerson;
import de.kontor.store.DataFolder;
import de.kontor.store.Database;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The benchmark behind {@code kontor bench}: builds fresh encrypted databases in a work folder
 * and prints one {@code name value unit} line per figure. Figures: {@code open_ms} (open the
 * database once the key is unwrapped, i.e. without Argon2: H2 open and the migration check),
 * {@code index_build_ms}, {@code search_p50_ms} / {@code search_p99_ms} over 1 000 random
 * 2-6 character queries taken from the data, {@code csv_import_100k_s} (import of a CSV of the
 * same number of rows into a second fresh database), {@code db_file_mb} (after the fill),
 * {@code erase_one_after_bulk_fill_ms} and {@code db_file_compacted_mb} (the first erasure,
 * which compacts the file the fill left), the privacy and exchange figures, and
 * {@code peak_heap_mb} (used heap sampled every 20 ms, garbage included) and
 * {@code peak_live_heap_mb} (the largest heap left right after a collection).
 */
public final class Bench {
    static final String PASSWORD = "Bench-Passwort-2025!";
    static final String OWNER = "Bench";
    /** Share of near-duplicates in the generated people, as {@code kontor demo --duplicate-rate 0.1}. */
    static final double DUPLICATE_RATE = 0.1;

    private final int contacts;
    private final long seed;
    private final PrintWriter out;
    private final KdfParams kdf;

    public Bench(int contacts, long seed, KdfParams kdf, PrintWriter out) {
        if (contacts < 1) {
            throw new IllegalArgumentException("contacts must be positive");
        }
        this.contacts = contacts;
        this.seed = seed;
        this.kdf = kdf;
        this.out = out;
    }

    /** Runs everything in {@code workDir} (created if needed; databases are deleted afterwards). */
    public void run(Path workDir) throws IOException {
        Files.createDirectories(workDir);
        Path first = workDir.resolve("bench-db");
        Path second = workDir.resolve("bench-import");
        Path csv = workDir.resolve("bench-contacts.csv");
        deleteTree(first);
        deleteTree(second);
        HeapSampler heap = new HeapSampler();
        heap.start();
        try {
            Workspace.Options options = new Workspace.Options(Clock.systemDefaultZone(), new SecureRandom(), kdf);
            long t0 = System.nanoTime();
            DemoData.Stats stats;
            try (Workspace w = Workspace.create(new DataFolder(first), OWNER, PASSWORD.toCharArray(), options)) {
                stats = new DemoData(seed, DUPLICATE_RATE).write(w.contacts(), w.activities(), w.principal(), contacts,
                        5000, n -> { });
            }
            figure("demo_fill_s", seconds(System.nanoTime() - t0), "s");
            figure("demo_people", stats.people(), "count");

            figure("open_ms", openMillis(new DataFolder(first), options), "ms");

            List<String> queries;
            try (Workspace w = Workspace.open(new DataFolder(first), null, PASSWORD.toCharArray(), options)) {
                long t = System.nanoTime();
                w.contacts().rebuildIndex();
                figure("index_build_ms", millis(System.nanoTime() - t), "ms");
                queries = queries(w.contacts().search(w.principal(), "", Integer.MAX_VALUE).rows(), 1000);
                for (int i = 0; i < 200; i++) { // warm-up, not measured
                    w.contacts().search(w.principal(), queries.get(i % queries.size()), 500);
                }
                double[] ms = new double[queries.size()];
                for (int i = 0; i < queries.size(); i++) {
                    long s = System.nanoTime();
                    w.contacts().search(w.principal(), queries.get(i), 500);
                    ms[i] = (System.nanoTime() - s) / 1e6;
                }
                Arrays.sort(ms);
                figure("search_p50_ms", percentile(ms, 0.50), "ms");
                figure("search_p99_ms", percentile(ms, 0.99), "ms");
            }
            figure("db_file_mb", Files.size(new DataFolder(first).databaseFile()) / (1024.0 * 1024.0), "MB");
            // The first erasure also compacts away the dead space the bulk fill left; the later
            // one (privacy figures) is on a file in its steady state.
            try (Workspace w = Workspace.open(new DataFolder(first), null, PASSWORD.toCharArray(), options)) {
                long victim = w.contacts().search(w.principal(), "", 1).rows().get(0).id();
                long t = System.nanoTime();
                w.erasure().erase(w.principal(), victim, false, null, Locale.ENGLISH);
                figure("erase_one_after_bulk_fill_ms", millis(System.nanoTime() - t), "ms");
            }
            figure("db_file_compacted_mb", Files.size(new DataFolder(first).databaseFile()) / (1024.0 * 1024.0), "MB");
            privacyFigures(workDir, new DataFolder(first), options);
            ExchangeBench exchange = new ExchangeBench(this::figure);
            Path json;
            try (Workspace w = Workspace.open(new DataFolder(first), null, PASSWORD.toCharArray(), options)) {
                json = exchange.reportAndExports(w, workDir);
            }
            exchange.importJson(json, new DataFolder(second), OWNER, PASSWORD.toCharArray(), options);
            deleteTree(second);
            labelledFigures();

            writeCsv(csv, contacts);
            try (Workspace w = Workspace.create(new DataFolder(second), OWNER, PASSWORD.toCharArray(), options)) {
                long t = System.nanoTime();
                ImportResult r = new FileImport(w.contacts(), null, null).run(w.principal(), csv, ImportFormat.CSV,
                        ImportOptions.defaults(), DuplicateMode.REPORT);
                figure("csv_import_100k_s", seconds(System.nanoTime() - t), "s");
                figure("csv_import_rows", r.imported(), "count");
            }
        } finally {
            heap.stop();
            figure("peak_heap_mb", heap.peakBytes() / (1024.0 * 1024.0), "MB");
            figure("peak_live_heap_mb", heap.peakLiveBytes() / (1024.0 * 1024.0), "MB");
            deleteTree(first);
            deleteTree(second);
            Files.deleteIfExists(csv);
        }
    }

    /**
     * Due list, duplicate scan and on-entry check, backup and restore, and erasing one person
     * with compaction, on the generated database.
     */
    private void privacyFigures(Path workDir, DataFolder folder, Workspace.Options options) {
        Path backup = workDir.resolve("kontor-bench.kbak");
        long firstId;
        try (Workspace w = Workspace.open(folder, null, PASSWORD.toCharArray(), options)) {
            var by = w.principal();
            long t = System.nanoTime();
            int dueItems = w.retention().schedule(by).size();
            figure("due_list_first_ms", millis(System.nanoTime() - t), "ms");
            double[] due = new double[5];
            for (int i = 0; i < due.length; i++) {
                t = System.nanoTime();
                w.retention().schedule(by);
                due[i] = millis(System.nanoTime() - t);
            }
            Arrays.sort(due);
            figure("due_list_ms", due[due.length / 2], "ms");
            figure("due_list_items", dueItems, "count");

            // First scan after opening: loads every person, builds the index, scans. The second
            // finds the index still valid (nothing changed) and only scans.
            t = System.nanoTime();
            int pairs = w.dedupe().scan(by, w.dedupe().settings().certain(), p -> { }, () -> false).size();
            figure("dedupe_scan_s", seconds(System.nanoTime() - t), "s");
            figure("dedupe_pairs", pairs, "count");
            t = System.nanoTime();
            w.dedupe().scan(by, w.dedupe().settings().certain(), p -> { }, () -> false);
            figure("dedupe_rescan_s", seconds(System.nanoTime() - t), "s");
            List<de.kontor.domain.PersonSummary> people = w.contacts().search(by, "", Integer.MAX_VALUE).rows();
            firstId = people.get(0).id();
            java.util.Random rnd = new java.util.Random(seed);
            double[] ms = new double[1000];
            for (int i = -100; i < ms.length; i++) {
                var s0 = people.get(rnd.nextInt(people.size()));
                String family = s0.familyName();
                var typed = de.kontor.domain.PersonData.named(s0.givenName(),
                        family.length() > 3 ? family.substring(0, family.length() - 1) : family);
                long c = System.nanoTime();
                w.dedupe().check(by, typed, null);
                if (i >= 0) {
                    ms[i] = (System.nanoTime() - c) / 1e6;
                }
            }
            Arrays.sort(ms);
            figure("dedupe_check_p50_ms", percentile(ms, 0.50), "ms");
            figure("dedupe_check_p99_ms", percentile(ms, 0.99), "ms");

            t = System.nanoTime();
            new de.kontor.app.Backups().backup(w, backup, java.time.Instant.now());
            double mb = Files.size(backup) / (1024.0 * 1024.0);
            figure("backup_mb", mb, "MB");
            figure("backup_mb_s", mb / seconds(System.nanoTime() - t), "MB/s");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        long t = System.nanoTime();
        var restored = new de.kontor.app.Backups().restore(folder, backup, null, PASSWORD.toCharArray(), options,
                List.of(), Locale.ENGLISH);
        try (Workspace w = restored.workspace()) {
            double mb = Files.size(backup) / (1024.0 * 1024.0);
            figure("restore_mb_s", mb / seconds(System.nanoTime() - t), "MB/s");
            t = System.nanoTime();
            w.erasure().erase(w.principal(), firstId, false, null, Locale.ENGLISH);
            figure("erase_one_with_compaction_ms", millis(System.nanoTime() - t), "ms");
            Files.deleteIfExists(backup);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Quality and speed of the duplicate check on the labelled sets in ../shared/data/dedupe. */
    private void labelledFigures() throws IOException {
        if (!LabelledSets.available()) {
            out.println("# labelled sets not found in " + LabelledSets.DIR + ": dedupe quality skipped");
            return;
        }
        var matcher = new de.kontor.dedupe.Matcher(de.kontor.dedupe.DedupeSettings.DEFAULT);
        for (LabelledSets.Set1 set : List.of(LabelledSets.febrl(1), LabelledSets.febrl(2), LabelledSets.febrl(3),
                LabelledSets.rldata(), LabelledSets.splink())) {
            long t = System.nanoTime();
            var index = matcher.index(set.records());
            var matches = matcher.scan(index, de.kontor.dedupe.DedupeSettings.DEFAULT.certain(), p -> { }, () -> false);
            double ms = millis(System.nanoTime() - t);
            LabelledSets.Quality q = LabelledSets.quality(set, matches);
            figure("dedupe_" + set.name() + "_scan_ms", ms, "ms");
            figure("dedupe_" + set.name() + "_precision", q.precision(), "ratio");
            figure("dedupe_" + set.name() + "_recall", q.recall(), "ratio");
            figure("dedupe_" + set.name() + "_f1", q.f1(), "ratio");
        }
    }

    /**
     * The duplicate scan of {@code contacts} generated people held in memory instead of a
     * database (importing a million people takes far longer than scanning them): generated
     * with a duplicate rate of 0.1, normalised by the contact rules as a save would, turned into
     * matcher records as a database load does, then the same {@code Matcher.index} and
     * {@code scan} as {@code kontor dedupe scan}. Prints how long each step took, the pairs
     * from the "certain" threshold and their precision and recall against the generator's truth.
     */
    public void runDedupeInMemory() {
        HeapSampler heap = new HeapSampler();
        heap.start();
        try {
            long t = System.nanoTime();
            DemoData gen = new DemoData(seed, DUPLICATE_RATE);
            de.kontor.domain.ContactRules rules = new de.kontor.domain.ContactRules();
            List<de.kontor.dedupe.DedupeRecord> records = new ArrayList<>(contacts);
            int[] origin = new int[contacts];
            for (int i = 0; i < contacts; i++) {
                PersonData d = rules.normalise(gen.next().data());
                origin[i] = gen.lastOrigin();
                records.add(de.kontor.dedupe.DedupeService.record(i, d, Integer.toString(i)));
            }
            figure("dedupe_mem_people", contacts, "count");
            figure("dedupe_mem_generate_s", seconds(System.nanoTime() - t), "s");
            var settings = de.kontor.dedupe.DedupeSettings.DEFAULT;
            var matcher = new de.kontor.dedupe.Matcher(settings);
            t = System.nanoTime();
            var index = matcher.index(records);
            double indexS = seconds(System.nanoTime() - t);
            figure("dedupe_mem_index_s", indexS, "s");
            t = System.nanoTime();
            List<Match> matches = matcher.scan(index, settings.certain(), p -> { }, () -> false);
            double scanS = seconds(System.nanoTime() - t);
            figure("dedupe_mem_scan_s", scanS, "s");
            figure("dedupe_mem_index_and_scan_s", indexS + scanS, "s");
            figure("dedupe_mem_pairs", matches.size(), "count");
            long truePositives = matches.stream().filter(m -> origin[(int) m.a().key()] == origin[(int) m.b().key()])
                    .count();
            int[] size = new int[contacts];
            for (int o : origin) {
                size[o]++;
            }
            long truePairs = Arrays.stream(size).mapToLong(k -> (long) k * (k - 1) / 2).sum();
            figure("dedupe_mem_precision", matches.isEmpty() ? 0 : (double) truePositives / matches.size(), "ratio");
            figure("dedupe_mem_recall", truePairs == 0 ? 1 : (double) truePositives / truePairs, "ratio");
        } finally {
            heap.stop();
            figure("peak_heap_mb", heap.peakBytes() / (1024.0 * 1024.0), "MB");
            figure("peak_live_heap_mb", heap.peakLiveBytes() / (1024.0 * 1024.0), "MB");
        }
    }

    /** Opening once the key is known: H2 open of the encrypted file and Flyway's check. */
    private static double openMillis(DataFolder folder, Workspace.Options options) {
        KeySlotStore slots = new KeySlotStore(folder.keySlots(), new Argon2Kdf(), options.random(), options.kdf());
        try (DatabaseKey key = slots.unlock(null, PASSWORD.toCharArray())) {
            long t = System.nanoTime();
            Database db = Database.open(folder, key);
            double ms = millis(System.nanoTime() - t);
            db.close();
            return ms;
        }
    }

    /** Random 2-6 character pieces of real given names, family names and cities. */
    static List<String> queries(List<PersonSummary> people, int count) {
        Random r = new Random(4711);
        List<String> q = new ArrayList<>(count);
        while (q.size() < count && !people.isEmpty()) {
            PersonSummary p = people.get(r.nextInt(people.size()));
            String s = switch (r.nextInt(3)) {
                case 0 -> p.givenName();
                case 1 -> p.familyName();
                default -> p.city();
            };
            if (s == null || s.length() < 2) {
                continue;
            }
            int len = 2 + r.nextInt(5);
            len = Math.min(len, s.length());
            int start = r.nextInt(s.length() - len + 1);
            String piece = s.substring(start, start + len).strip();
            if (piece.length() >= 2) {
                q.add(piece);
            }
        }
        return q;
    }

    /** Writes the same generated people as a CSV with the import field names as headers. */
    void writeCsv(Path file, int n) throws IOException {
        DemoData gen = new DemoData(seed + 1, 0.05);
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader("sourceRecordId", "salutation", "title",
                "givenName", "familyName", "organisation", "jobTitle", "email", "phone", "street", "houseNumber",
                "postcode", "city", "country", "birthDate", "language", "tags", "notes").get();
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                CSVPrinter p = new CSVPrinter(w, format)) {
            for (int i = 0; i < n; i++) {
                NewPerson np = gen.next();
                PersonData d = np.data();
                PostalAddress a = d.addresses().isEmpty() ? null : d.addresses().get(0);
                p.printRecord("K-" + (100000 + i), d.salutation(), d.title(), d.givenName(), d.familyName(),
                        d.organisation(), d.jobTitle(),
                        d.emails().stream().map(EmailAddress::address).findFirst().orElse(null),
                        d.phones().stream().map(PhoneNumber::raw).findFirst().orElse(null),
                        a == null ? null : a.street(), a == null ? null : a.houseNumber(),
                        a == null ? null : a.postcode(), a == null ? null : a.city(), a == null ? null : a.country(),
                        d.birthDate(), d.language(), String.join(";", d.tags()), d.notes());
            }
        }
    }

    private void figure(String name, double value, String unit) {
        String pattern = "ratio".equals(unit) ? "%.4f" : value < 10 ? "%.2f" : "%.1f";
        out.println(name + " " + String.format(Locale.ROOT, pattern, value) + " " + unit);
        out.flush();
    }

    private void figure(String name, long value, String unit) {
        out.println(name + " " + value + " " + unit);
        out.flush();
    }

    private static double percentile(double[] sorted, double p) {
        int i = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** Samples used heap every 20 ms; also takes the pools' own peaks into account. */
    static final class HeapSampler {
        private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        private final AtomicLong peak = new AtomicLong();
        private final AtomicLong peakLive = new AtomicLong();
        private volatile boolean running;
        private Thread thread;

        void start() {
            for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
                pool.resetPeakUsage();
            }
            running = true;
            thread = new Thread(() -> {
                while (running) {
                    peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    peakLive.accumulateAndGet(liveAfterGc(), Math::max);
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "bench-heap-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        void stop() {
            running = false;
            if (thread != null) {
                thread.interrupt();
            }
            peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
        }

        long peakBytes() {
            return peak.get();
        }

        /** The most heap still in use right after a collection: what the work really needs. */
        long peakLiveBytes() {
            return peakLive.get();
        }

        private static long liveAfterGc() {
            long sum = 0;
            for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == java.lang.management.MemoryType.HEAP && pool.getCollectionUsage() != null) {
                    sum += pool.getCollectionUsage().getUsed();
                }
            }
            return sum;
        }
    }

    /**
     * {@code java -Xmx512m -cp ... de.kontor.bench.Bench [contacts] [workDir]}, or
     * {@code java -Xmx2g -cp ... de.kontor.bench.Bench --dedupe-million [people]}.
     */
    public static void main(String[] args) throws IOException {
        // Standalone run: keep stdout to the figures (the CLI's root command configures logging itself).
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        if (org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
                instanceof ch.qos.logback.classic.Logger root) {
            root.setLevel(ch.qos.logback.classic.Level.WARN);
        }
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        if (args.length > 0 && args[0].equals("--dedupe-million")) {
            int n = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
            new Bench(n, 42, KdfParams.DEFAULT, out).runDedupeInMemory();
            return;
        }
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path dir = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("kontor-bench");
        new Bench(n, 42, KdfParams.DEFAULT, out).run(dir);
    }
}
