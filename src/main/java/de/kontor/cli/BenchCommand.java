package de.kontor.cli;

import de.kontor.bench.Bench;
import de.kontor.i18n.Messages;
import de.kontor.security.KdfParams;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kontor bench [--contacts N] [--work-dir DIR]}: builds fresh encrypted databases in a
 * temporary folder (never the user's data folder) and prints one {@code name value unit} line
 * per figure on stdout. {@code kontor bench --dedupe-million [--contacts N]}: only the duplicate
 * scan of a million (or N) generated people held in memory, no database.
 */
@Command(name = "bench", description = "Measure open, search and import speed on generated data.")
public final class BenchCommand implements Callable<Integer> {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(BenchCommand.class);
    private final Messages messages;
    private final PrintWriter out;
    private final PrintWriter err;
    private final KdfParams kdf;

    @Option(names = "--contacts", paramLabel = "N",
            description = "How many generated people (default 100000, with --dedupe-million 1000000).")
    Integer contacts;

    @Option(names = "--dedupe-million",
            description = "Only the duplicate scan of a million generated people held in memory (run with -Xmx2g).")
    boolean dedupeMillion;

    @Option(names = "--work-dir", paramLabel = "DIR",
            description = "Folder for the benchmark databases (default: a new temporary folder).")
    Path workDir;

    public BenchCommand(Messages messages, PrintWriter out, PrintWriter err) {
        this(messages, out, err, KdfParams.DEFAULT);
    }

    /** With another Argon2 cost (tests); it only affects unlocking, which no figure includes. */
    public BenchCommand(Messages messages, PrintWriter out, PrintWriter err, KdfParams kdf) {
        this.messages = messages;
        this.out = out;
        this.err = err;
        this.kdf = kdf;
    }

    @Override
    public Integer call() {
        int n = contacts != null ? contacts : dedupeMillion ? 1_000_000 : 100_000;
        if (n < 1) {
            err.println(messages.get("demo.count", n));
            err.flush();
            return 1;
        }
        if (dedupeMillion) {
            err.println(messages.get("bench.dedupeMillion", n));
            err.flush();
            new Bench(n, 42, kdf, out).runDedupeInMemory();
            return 0;
        }
        try {
            boolean temp = workDir == null;
            Path dir = temp ? Files.createTempDirectory("kontor-bench") : workDir;
            err.println(messages.get("bench.start", n, dir));
            err.flush();
            new Bench(n, 42, kdf, out).run(dir);
            if (temp) {
                Files.deleteIfExists(dir);
            }
            return 0;
        } catch (de.kontor.domain.KontorException e) {
            LOG.info("bench refused: {}", de.kontor.app.Logs.describe(e));
            err.println(messages.describe(e));
            err.flush();
            return 1;
        } catch (IOException e) {
            LOG.warn("bench failed: {}", de.kontor.app.Logs.describe(e));
            err.println(messages.get("error.io", String.valueOf(workDir), e.getMessage()));
            err.flush();
            return 1;
        }
    }
}
