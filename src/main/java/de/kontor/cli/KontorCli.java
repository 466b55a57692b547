package de.kontor.cli;

import de.kontor.app.Logs;
import de.kontor.app.Workspace;
import de.kontor.domain.KontorException;
import de.kontor.i18n.Messages;
import java.io.Console;
import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The command line: {@code kontor [--data DIR] [--password-file FILE] COMMAND ...}. Results go
 * to stdout, one-line errors to stderr; exit 0 ok, 1 refused or bad input, 2 usage.
 */
@Command(name = "kontor", mixinStandardHelpOptions = true, version = "Kontor 0.1.0",
        description = "Kontor: a CRM that makes GDPR compliance the easy path.",
        subcommands = {InitCommand.class, ContactsCommand.class, AuditCommand.class, PurposesCommand.class,
                PurposesCommand.ConsentTexts.class, ConsentCommand.Basis.class, ConsentCommand.class,
                ConsentCommand.ObjectToMarketing.class, ConsentCommand.Informed.class, ListCommand.class, SettingsCommand.class,
                RetentionCommand.class, ErasureCommands.Erase.class, ErasureCommands.Anonymise.class,
                ErasureCommands.Restrict.class, ErasureCommands.Unrestrict.class, ErasureCommands.Suppression.class,
                ErasureCommands.Backup.class, ErasureCommands.Restore.class, DedupeCommand.class, RequestsCommand.class,
                ReportCommand.class, ExportCommand.class})
public final class KontorCli implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(KontorCli.class);
    public static final int OK = 0;
    public static final int REFUSED = 1;
    public static final int USAGE = 2;

    private final CliContext context;

    KontorCli(CliContext context) {
        this.context = context;
    }

    @Option(names = "--data", paramLabel = "DIR", description = "Data folder (default: the per-user data folder).")
    void setData(Path dir) {
        context.setDataDir(dir);
    }

    @Option(names = "--password-file", paramLabel = "FILE", description = "Read the password from the first line of FILE.")
    void setPasswordFile(Path file) {
        context.setPasswordFile(file);
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), context.messages().get("cli.commandRequired"));
    }

    public static void main(String[] args) {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = run(args, System.getenv(), System::console, out, err, new Messages(Locale.getDefault()),
                Workspace.Options.defaults());
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs one command line; everything it needs comes in, so tests call it directly. */
    public static int run(String[] args, Map<String, String> env, Supplier<Console> console, PrintWriter out,
            PrintWriter err, Messages messages, Workspace.Options options) {
        CliContext context = new CliContext(env, console, out, err, messages, options);
        CommandLine cl = new CommandLine(new KontorCli(context), new Factory(context));
        // Import, demo and bench share one workspace that the root opens on first use and closes.
        Workspace[] opened = new Workspace[1];
        WorkspaceProvider workspaces = () -> {
            if (opened[0] == null) {
                opened[0] = context.open();
            }
            return opened[0];
        };
        cl.addSubcommand(new CommandLine(new ImportCommand(workspaces, messages, out, err)));
        cl.addSubcommand(new CommandLine(new DemoCommand(workspaces, messages, out, err)));
        cl.addSubcommand(new CommandLine(new BenchCommand(messages, out, err)));
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionStrategy(parseResult -> {
            // The data folder is known once the arguments are parsed; the log never creates it.
            Logs.writeTo(context.folder().dir());
            return new CommandLine.RunLast().execute(parseResult);
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            String command = commandLine.getCommandSpec().qualifiedName();
            if (ex instanceof KontorException k) {
                LOG.info("{} refused: {}", command, Logs.describe(k));
                err.println(messages.describe(k));
                if (k instanceof de.kontor.domain.ValidationException v) {
                    v.errors().forEach(f -> err.println("  " + messages.describe(f)));
                }
                return REFUSED;
            }
            LOG.error("{} failed: {}", command, Logs.describe(ex), Logs.safe(ex));
            err.println(messages.get("error.unexpected", messages.kind(ex)
                    + (ex.getMessage() == null ? "" : ": " + ex.getMessage())));
            return REFUSED;
        });
        try {
            return cl.execute(args);
        } finally {
            if (opened[0] != null) {
                opened[0].close();
            }
            out.flush();
            err.flush();
        }
    }

    /** Builds commands with the context (constructor injection, no globals). */
    private record Factory(CliContext context) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> cls) throws Exception {
            for (Constructor<?> c : cls.getDeclaredConstructors()) {
                if (c.getParameterCount() == 1 && c.getParameterTypes()[0] == CliContext.class) {
                    c.setAccessible(true);
                    return cls.cast(c.newInstance(context));
                }
            }
            return CommandLine.defaultFactory().create(cls);
        }
    }
}
