package de.kontor.app;

import static org.assertj.core.api.Assertions.assertThat;

import de.kontor.demo.DemoData;
import de.kontor.store.DataFolder;
import de.kontor.testing.TestWorkspaces;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Measures erasing one person with compaction (wall and process CPU time, so runs on a busy
 * machine can be compared) on fresh copies of one encrypted database of
 * {@code KONTOR_COMPACTION_BENCH} people, built once in {@code KONTOR_COMPACTION_BENCH_DIR}
 * (default {@code target/compaction-bench}). The first erasure starts from the file as the bulk
 * fill left it, the second from the compacted file. Runs only when the variable is set:
 * {@code KONTOR_COMPACTION_BENCH=100000 mvn -o test -Dtest=CompactionBenchTest}.
 */
@EnabledIfEnvironmentVariable(named = "KONTOR_COMPACTION_BENCH", matches = "\\d+")
class CompactionBenchTest {
    @Test
    void eraseOneWithCompaction() throws IOException {
        int people = Integer.parseInt(System.getenv("KONTOR_COMPACTION_BENCH"));
        Path root = Path.of(System.getenv().getOrDefault("KONTOR_COMPACTION_BENCH_DIR", "target/compaction-bench"));
        Path base = root.resolve("base-" + people);
        Workspace.Options options = TestWorkspaces.options();
        if (!Files.exists(base.resolve("kontor.mv.db"))) {
            deleteTree(base);
            try (Workspace w = Workspace.create(new DataFolder(base), TestWorkspaces.OWNER,
                    TestWorkspaces.PASSWORD.toCharArray(), options)) {
                new DemoData(42, 0.05).write(w.contacts(), w.activities(), w.principal(), people, 5000, n -> { });
            }
        }
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int round = 0; round < 2; round++) {
            Path copy = root.resolve("run");
            deleteTree(copy);
            Files.createDirectories(copy);
            try (Stream<Path> files = Files.list(base)) {
                for (Path f : files.toList()) {
                    Files.copy(f, copy.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            try (Workspace w = Workspace.open(new DataFolder(copy), null, TestWorkspaces.PASSWORD.toCharArray(),
                    options)) {
                var rows = w.contacts().search(w.principal(), "", 10).rows();
                for (int k = 0; k < 2; k++) {
                    long before = Files.size(copy.resolve("kontor.mv.db"));
                    long cpu = os.getProcessCpuTime();
                    long t = System.nanoTime();
                    w.erasure().erase(w.principal(), rows.get(k).id(), false, null, Locale.ENGLISH);
                    System.out.printf(Locale.ROOT, "round %d erase %d: %.0f ms wall, %.0f ms process CPU, file %.1f -> %.1f MB%n",
                            round, k + 1, (System.nanoTime() - t) / 1e6, (os.getProcessCpuTime() - cpu) / 1e6,
                            before / 1048576.0, Files.size(copy.resolve("kontor.mv.db")) / 1048576.0);
                }
                assertThat(w.audit().verify(w.principal()).ok()).isTrue();
            }
            deleteTree(copy);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
