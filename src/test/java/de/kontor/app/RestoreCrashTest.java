package de.kontor.app;

import static org.assertj.core.api.Assertions.assertThat;

import de.kontor.testing.TestWorkspaces;
import java.nio.charset.StandardCharsets;
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
        for (int stop = 0; stop <= 8; stop++) {
            Path data = dir.resolve("run" + stop);
            RestoreScenario.copyFolder(template, data);
            Process p = child(List.of(RestoreCrashChild.class.getName(), data.toString(), backup.toString(),
                    Integer.toString(stop)));
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            before.add(RestoreScenario.assertConsistent(data));
        }
        // stopped before the backup's files were all in: the previous database; after that: the restored one
        assertThat(before).containsExactly(true, true, true, true, true, false, false, false, false);
    }

    @Test
    void killMinusNineAtRandomMomentsOfTheCommandLineRestore() throws Exception {
        Path template = dir.resolve("template");
        Path backup = dir.resolve("montag.kbak");
        RestoreScenario.prepare(template, backup);
        long[] delaysMs = {300, 900, 1500, 2500};
        for (int i = 0; i < delaysMs.length; i++) {
            Path data = dir.resolve("kill" + i);
            RestoreScenario.copyFolder(template, data);
            Process p = child(List.of("de.kontor.cli.KontorCli", "--data", data.toString(), "restore", "--force",
                    backup.toString()));
            boolean ended = p.waitFor(delaysMs[i], TimeUnit.MILLISECONDS);
            if (!ended) {
                p.destroyForcibly();
                assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            }
            RestoreScenario.assertConsistent(data);
        }
    }
}
