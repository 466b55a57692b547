package de.kontor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import de.kontor.app.Workspace;
import de.kontor.domain.PersonSummary;
import de.kontor.domain.audit.AuditVerification;
import de.kontor.testing.TestWorkspaces;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real Kontor commands run as child JVMs and are killed ({@code kill -9}) at random moments.
 * After each kill the database is opened three times: every open must show the same people
 * and the same audit head, the audit chain must verify, nothing committed before the kill may
 * be gone, the interrupted command's work is there entirely or not at all, an erased person
 * stays erased, and no temporary files are left. Found H2 2.5.252 giving back committed rows
 * on a later open (issue 12).
 *
 * <p>Bounded for {@code mvn verify}: {@value #DEFAULT_PEOPLE} people and {@value #DEFAULT_RUNS}
 * runs; {@code -Dkontor.crash.people=N -Dkontor.crash.runs=R} make it bigger.
 */
class CrashDurabilityTest {
    static final int DEFAULT_PEOPLE = 1500;
    static final int DEFAULT_RUNS = 10;
    static final int CARDS = 300;
    static final long CHILD_TIMEOUT_S = 120;

    @TempDir
    Path dir;
    @TempDir
    Path files;

    /** What one open sees. */
    record State(int people, long auditHead, boolean auditOk, String auditProblem, Set<Long> ids) {}

    @Test
    void killedCommandsNeverLoseCommittedDataNorLeaveHalfWork() throws Exception {
        int people = Integer.getInteger("kontor.crash.people", DEFAULT_PEOPLE);
        int runs = Integer.getInteger("kontor.crash.runs", DEFAULT_RUNS);
        long seed = Long.getLong("kontor.crash.seed", System.nanoTime());
        Random random = new Random(seed);
        String context = "seed " + seed + " (-Dkontor.crash.seed=" + seed + " repeats it)";

        CliRunner cli = new CliRunner(dir);
        cli.ok("init", "--owner", "Inhaberin");
        cli.ok("demo", "--contacts", Integer.toString(people), "--duplicate-rate", "0.05");
        Path cards = writeCards(files.resolve("karten.vcf"));
        Set<Long> erased = new HashSet<>();
        String asOf = LocalDate.now().plusYears(10).toString();

        long[] span = new long[8];
        java.util.Arrays.fill(span, 8000);
        State committed = threeOpens(context + ", after setup");
        for (int run = 0; run < runs; run++) {
            List<Long> ids = new ArrayList<>(committed.ids());
            ids.sort(null);
            long a = ids.get(random.nextInt(ids.size()));
            long b = ids.get(random.nextInt(ids.size()));
            while (b == a) {
                b = ids.get(random.nextInt(ids.size()));
            }
            int kind = run % 8;
            String[] args;
            int plus; // the people count if the command finished, relative to before
            switch (kind) {
                case 0 -> { args = new String[] {"erase", "--person", Long.toString(a)}; plus = -1; }
                case 1 -> { args = new String[] {"contacts", "edit", Long.toString(a), "--city", "Crashhausen" + run}; plus = 0; }
                case 2 -> { args = new String[] {"import", "vcard", cards.toString()}; plus = CARDS; }
                case 3 -> { args = new String[] {"backup", "--out", files.resolve("b" + run + ".kbak").toString()}; plus = 0; }
                case 4 -> { args = new String[] {"dedupe", "merge", "--keep", Long.toString(a), "--merge", Long.toString(b)}; plus = -1; }
                case 5 -> { args = new String[] {"retention", "apply", "--as-of", asOf, "--item", "person:" + a}; plus = -1; }
                case 6 -> { args = new String[] {"contacts", "add", "--given", "Neu" + run, "--family", "Nachtrag"}; plus = 1; }
                default -> { args = new String[] {"contacts", "list"}; plus = 0; }
            }
            // kill somewhere in the command's work: until a run of this kind has finished by
            // itself, anywhere in the first 8 s; after that within the time it took
            long delay = (long) (random.nextDouble() * span[kind]);
            String what = context + ", run " + run + ": kill -9 " + delay + " ms after it opened the database: " + String.join(" ", args);
            long[] took = new long[1];
            boolean finished = runAndKill(args, delay, took);
            if (finished) {
                span[kind] = Math.max(200, took[0] * 11 / 10);
            }
            State after = threeOpens(what);
            System.out.printf("%s: %s, people %d -> %d, audit head %d -> %d%n", what, finished ? "had finished" : "killed",
                    committed.people(), after.people(), committed.auditHead(), after.auditHead());

            assertThat(after.auditHead()).as(what + ": audit head not behind what was committed")
                    .isGreaterThanOrEqualTo(committed.auditHead());
            assertThat(after.people()).as(what + ": all before or all after")
                    .isIn(committed.people(), committed.people() + plus);
            if (after.auditHead() == committed.auditHead()) {
                assertThat(after.people()).as(what + ": no audit entry, no change").isEqualTo(committed.people());
            }
            if (kind == 0 && !after.ids().contains(a)) {
                erased.add(a);
            }
            assertThat(erased).as(what + ": erased people stay erased").noneMatch(after.ids()::contains);
            assertThat(leftovers()).as(what + ": temporary files").isEmpty();
            if (finished) {
                assertThat(after.auditHead()).as(what + " (it finished before the kill)")
                        .isGreaterThanOrEqualTo(committed.auditHead());
            }
            committed = after;
        }
    }

    /** Opens the database three times; all three must agree and the audit chain must verify. */
    private State threeOpens(String what) {
        State first = open();
        for (int i = 2; i <= 3; i++) {
            State again = open();
            assertThat(again.people()).as(what + ": people at open " + i + " (first open: " + first.people() + ")")
                    .isEqualTo(first.people());
            assertThat(again.auditHead()).as(what + ": audit head at open " + i).isEqualTo(first.auditHead());
            assertThat(again.ids()).as(what + ": ids at open " + i).isEqualTo(first.ids());
        }
        assertThat(first.auditOk()).as(what + ": audit verify: " + first.auditProblem()).isTrue();
        return first;
    }

    private State open() {
        try (Workspace w = TestWorkspaces.open(dir)) {
            AuditVerification v = w.audit().verify(w.principal());
            Set<Long> ids = w.contacts().search(w.principal(), null, Integer.MAX_VALUE, true).rows().stream()
                    .map(PersonSummary::id).collect(Collectors.toSet());
            return new State(w.contacts().count(w.principal()), v.entriesChecked(), v.ok(),
                    v.reasonKey(), ids);
        }
    }

    /** Starts {@code kontor ARGS} in its own JVM and kills it after {@code delayMs}; true if it ended by itself. */
    private boolean runAndKill(String[] args, long delayMs, long[] took) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-Djava.awt.headless=true", "-Djava.io.tmpdir=" + files,
                "-cp", System.getProperty("java.class.path"), "de.kontor.Launcher", "--data", dir.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(files.resolve("child.log").toFile());
        pb.environment().put("KONTOR_PASSWORD", TestWorkspaces.PASSWORD);
        Process p = pb.start();
        // the delay counts from the moment the child holds the database (H2's lock file), so
        // the kill falls into the command's work, not into the start of the JVM
        Path lock = dir.resolve("kontor.lock.db");
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(CHILD_TIMEOUT_S);
        while (p.isAlive() && !Files.exists(lock) && System.nanoTime() < giveUp) {
            Thread.sleep(5);
        }
        long opened = System.nanoTime();
        boolean finished = p.waitFor(delayMs, TimeUnit.MILLISECONDS);
        took[0] = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - opened);
        if (!finished) {
            p.destroyForcibly(); // SIGKILL on Linux and macOS: no shutdown hooks, no close
        }
        assertThat(p.waitFor(CHILD_TIMEOUT_S, TimeUnit.SECONDS)).as("child ended").isTrue();
        return finished;
    }

    private List<String> leftovers() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path root : List.of(dir, files)) {
            try (Stream<Path> s = Files.walk(root)) {
                s.filter(Files::isRegularFile).map(p -> root.relativize(p).toString())
                        .filter(n -> n.endsWith(".tempFile") || n.endsWith(".zip") || n.endsWith(".part")
                                || n.contains(".kontor-backup") || n.contains(".restore") || n.endsWith(".tmp"))
                        .forEach(found::add);
            }
        }
        return found;
    }

    private static Path writeCards(Path file) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < CARDS; i++) {
            b.append("BEGIN:VCARD\r\nVERSION:3.0\r\n")
                    .append("N:Karteikarte").append(i).append(";Zoe;;;\r\n")
                    .append("FN:Zoe Karteikarte").append(i).append("\r\n")
                    .append("EMAIL;TYPE=INTERNET:zoe.karte").append(i).append("@beispiel.de\r\n")
                    .append("END:VCARD\r\n");
        }
        Files.writeString(file, b, StandardCharsets.UTF_8);
        return file;
    }
}
