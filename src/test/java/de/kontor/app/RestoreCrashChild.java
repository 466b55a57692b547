package de.kontor.app;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A child process for {@link RestoreCrashTest}: restores the scenario's backup and stops dead
 * (as kill -9 does: no finally blocks, no shutdown hooks) right after the file operation
 * numbered {@code args[2]} (0: before the first). Without a stop it exits 0 when done.
 */
public final class RestoreCrashChild {
    private RestoreCrashChild() {}

    public static void main(String[] args) {
        Path data = Path.of(args[0]);
        Path backup = Path.of(args[1]);
        int haltAfter = Integer.parseInt(args[2]);
        var journal = RestoreScenario.journal(data);
        FileOps real = new RealFileOps();
        FileOps halting = new FileOps() {
            int done;

            private void step() {
                if (done == haltAfter) {
                    Runtime.getRuntime().halt(137);
                }
            }

            @Override
            public void move(Path from, Path to) throws IOException {
                step();
                real.move(from, to);
                done++;
            }

            @Override
            public void delete(Path file) throws IOException {
                step();
                real.delete(file);
                done++;
            }

            @Override
            public void write(Path file, byte[] bytes) throws IOException {
                step();
                real.write(file, bytes);
                done++;
            }
        };
        var r = RestoreScenario.restore(new Backups(halting), data, backup, journal);
        r.workspace().close();
        if (haltAfter >= 0) {
            // reached when the restore needed fewer operations than the stop point
            Runtime.getRuntime().halt(0);
        }
    }
}
