package de.kontor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import de.kontor.testing.TestWorkspaces;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two {@code init} at once in one empty folder: one creates, the other is refused, the database works. */
class InitRaceCliTest {
    @TempDir
    Path dir;

    @Test
    void twoThreads() throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<CliRunner.Result>> runs = new ArrayList<>();
        for (String owner : List.of("Anna Schmidt", "Bernd Meier")) {
            runs.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return new CliRunner(dir).run("init", "--owner", owner);
            }));
        }
        start.countDown();
        List<Integer> exits = new ArrayList<>();
        for (var r : runs) {
            CliRunner.Result result = r.get(180, TimeUnit.SECONDS);
            exits.add(result.exit());
            if (result.exit() != 0) {
                CliRunner.refused(result, "already a Kontor database");
            }
        }
        assertThat(exits).containsExactlyInAnyOrder(0, 1);
        assertWorks();
    }

    @Test
    void twoProcesses() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> ps = new ArrayList<>();
        for (String owner : List.of("Anna Schmidt", "Bernd Meier")) {
            ProcessBuilder pb = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                    "de.kontor.cli.KontorCli", "--data", dir.toString(), "init", "--owner", owner));
            pb.environment().put("KONTOR_PASSWORD", TestWorkspaces.PASSWORD);
            pb.redirectErrorStream(true);
            ps.add(pb.start());
        }
        List<Integer> exits = new ArrayList<>();
        for (Process p : ps) {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
            exits.add(p.exitValue());
            assertThat(out).doesNotContain("Exception").doesNotContain("\tat ");
            if (p.exitValue() != 0) {
                assertThat(out).containsAnyOf("already a Kontor database", "Another Kontor program");
            }
        }
        assertThat(exits).containsExactlyInAnyOrder(0, 1);
        assertWorks();
    }

    private void assertWorks() {
        CliRunner cli = new CliRunner(dir);
        cli.ok("contacts", "add", "--family", "Muster");
        assertThat(cli.ok("contacts", "list").out()).contains("Muster");
        assertThat(dir.resolve("kontor.mv.db")).isRegularFile();
        assertThat(dir.resolve("keyslots.json")).isRegularFile();
    }
}
