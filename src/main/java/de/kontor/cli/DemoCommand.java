package de.kontor.cli;

import de.kontor.app.Workspace;
import de.kontor.demo.DemoData;
import de.kontor.app.Logs;
import de.kontor.domain.KontorException;
import de.kontor.i18n.Messages;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kontor demo --contacts N [--duplicate-rate R] [--seed S]}: fills the database with
 * generated German, Austrian and Swiss people (5 000 per transaction) and some activities.
 */
@Command(name = "demo", description = "Fill the database with realistic generated contacts.")
public final class DemoCommand implements Callable<Integer> {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DemoCommand.class);
    private final WorkspaceProvider workspaces;
    private final Messages messages;
    private final PrintWriter out;
    private final PrintWriter err;

    @Option(names = "--contacts", required = true, paramLabel = "N", description = "How many people.")
    int contacts;

    @Option(names = "--duplicate-rate", defaultValue = "0.05", paramLabel = "R",
            description = "Share of near-duplicates, 0 to 0.9 (default 0.05).")
    double duplicateRate;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Random seed (default 1).")
    long seed;

    public DemoCommand(WorkspaceProvider workspaces, Messages messages, PrintWriter out, PrintWriter err) {
        this.workspaces = workspaces;
        this.messages = messages;
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        if (contacts < 1) {
            err.println(messages.get("demo.count", contacts));
            err.flush();
            return 1;
        }
        if (!(duplicateRate >= 0 && duplicateRate <= 0.9)) {
            err.println(messages.get("demo.rate", duplicateRate));
            err.flush();
            return 1;
        }
        try {
            Workspace w = workspaces.workspace();
            DemoData.Stats s = new DemoData(seed, duplicateRate).write(w.contacts(), w.activities(), w.principal(),
                    contacts, 5000, n -> {
                        if (contacts > 5000) {
                            err.println(messages.get("demo.progress", n, contacts));
                            err.flush();
                        }
                    });
            out.println(messages.get("demo.result", s.people(), s.duplicates(), s.activities()));
            out.flush();
            return 0;
        } catch (KontorException e) {
            LOG.info("demo refused: {}", Logs.describe(e));
            err.println(messages.describe(e));
            err.flush();
            return 1;
        }
    }
}
