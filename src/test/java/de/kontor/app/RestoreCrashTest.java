package de.kontor.app;

import static org.assertj.core.api.Assertions.assertThat;

import de.kontor.testing.TestWorkspaces;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A restore killed at any moment: the next start finishes it (the erasure journal replayed)
 * or puts the previous database back; the erased person never comes back and nothing is
 * left behind.
 */
class RestoreCrashTest {
    @TempDir
    Path dir;

    private Process child(List<String> args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path")));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("KONTOR_PASSWORD", TestWorkspaces.PASSWORD);
        pb.redirectErrorStream(true);
        pb.redirectOutput(dir.resolve("child-" + System.nanoTime() + ".log").toFile());
        return pb.start();
    }

    @Test
    void killedAfterEveryFileOperationTheNextStartFinishesOrUndoes() throws Exception {
        Path template = dir.resolve("template");
        Path backup = dir.resolve("montag.kbak");
        RestoreScenario.prepare(template, backup);
        // 1 marker, 2-3 current files aside, 4-5 backup's files in, (replay), 6 marker removed, then clean-up
        List<Boolean> before = new ArrayList<>();
        for (int stop = 0; stop <= 7; stop++) {
            Path data = dir.resolve("run" + stop);
            RestoreScenario.copyFolder(template, data);
            Process p = child(List.of(RestoreCrashChild.class.getName(), data.toString(), backup.toString(),
                    Integer.toString(stop)));
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            before.add(RestoreScenario.assertConsistent(data));
        }
        // stopped before the backup's files were all in: the previous database; after that: the restored one
        assertThat(before).containsExactly(true, true, true, true, true, false, false, false);
    }

    @Test
    void killMinusNineAtMomentsOfTheCommandLineRestore() throws Exception {
        Path template = dir.resolve("template");
        Path backup = dir.resolve("montag.kbak");
        RestoreScenario.prepare(template, backup);
        // measured from the moment the restore starts unpacking (its .restore folder appears)
        long[] delaysMs = {0, 40, 120, 300};
        for (int i = 0; i < delaysMs.length; i++) {
            Path data = dir.resolve("kill" + i);
            RestoreScenario.copyFolder(template, data);
            Process p = child(List.of("de.kontor.cli.KontorCli", "--data", data.toString(), "restore", "--force",
                    backup.toString()));
            long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (p.isAlive() && !restoreStarted(data) && System.nanoTime() < giveUp) {
                Thread.sleep(2);
            }
            if (!p.waitFor(delaysMs[i], TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            }
            RestoreScenario.assertConsistent(data);
        }
    }

    @Test
    void afterAKillBetweenTheRenamesInitDoesNotCreateANewDatabase() throws Exception {
        Path data = dir.resolve("data");
        Path backup = dir.resolve("montag.kbak");
        RestoreScenario.prepare(data, backup);
        // stopped after the marker and both moves aside: the folder looks empty
        Process p = child(List.of(RestoreCrashChild.class.getName(), data.toString(), backup.toString(), "3"));
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(data.resolve("kontor.mv.db")).doesNotExist();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TestWorkspaces.create(data))
                .isInstanceOfSatisfying(de.kontor.domain.KontorException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("error.databaseExists"));
        assertThat(RestoreScenario.assertConsistent(data)).isTrue();
    }

    private static boolean restoreStarted(Path data) throws java.io.IOException {
        try (var s = Files.list(data)) {
            return s.anyMatch(f -> f.getFileName().toString().startsWith(".restore"));
        }
    }
}
